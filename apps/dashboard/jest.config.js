const path = require('path');
const preset = require('../../jest.preset');

/** The dashboard's pure helpers (parsing, field lines, search queries); its pages are tested in Chromium (apps/api/test/e2e/dashboard*.e2e.spec.ts). */
module.exports = {
  ...preset,
  displayName: 'dashboard',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: { ...preset.moduleNameMapper, '^@/(.*)$': path.join(__dirname, 'src/$1') },
};
