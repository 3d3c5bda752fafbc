module.exports = {
  ...require('../../jest.preset'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/../../scripts/test-services-setup.mjs',
  globalTeardown: '<rootDir>/../../scripts/test-services-teardown.mjs',
};
