module.exports = {
  ...require('../../jest.preset'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/../../scripts/test-services-setup.mjs',
  globalTeardown: '<rootDir>/../../scripts/test-services-teardown.mjs',
  // Used when this project runs alone; the root config sets the same for whole-suite runs.
  testTimeout: 120000,
};
