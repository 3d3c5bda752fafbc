// Shared Jest settings: SWC compiles TypeScript (with decorator metadata for Nest).
const path = require('path');
const swcrc = JSON.parse(require('fs').readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;
delete swcrc.jsc.baseUrl;
delete swcrc.jsc.paths;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcrc, swcrc: false, sourceMaps: 'inline' }] },
  moduleNameMapper: {
    '^@skiff/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@skiff/domain/(.*)$': path.join(__dirname, 'libs/domain/src/$1'),
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
