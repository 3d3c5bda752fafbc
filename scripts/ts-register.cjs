// Runs TypeScript sources with no build step: each .ts file is compiled by SWC as it is
// required, with the options of tsconfig.base.json that matter to emitted code (legacy
// decorators with metadata for Nest, class fields as TypeScript assigns them, the
// @skiff/domain path). Not @swc-node/register: it loads the TypeScript compiler only to
// read tsconfig — 40 MB in every process, and forking (the agent starting containers)
// costs in proportion to a process's memory. See docs/adr/0002.
const fs = require('node:fs');
const path = require('node:path');
const { addHook } = require('pirates');
const { transformSync } = require('@swc-node/core');

const root = path.resolve(__dirname, '..');
const base = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const paths = Object.fromEntries(Object.entries(base.paths ?? {}).map(([k, v]) => [k, v.map((p) => path.resolve(root, p))]));
const options = {
  module: 'commonjs',
  target: base.target.toLowerCase(),
  sourcemap: 'inline',
  experimentalDecorators: base.experimentalDecorators,
  emitDecoratorMetadata: base.emitDecoratorMetadata,
  useDefineForClassFields: base.useDefineForClassFields,
  esModuleInterop: base.esModuleInterop,
  dynamicImport: true,
  keepClassNames: true,
  baseUrl: root,
  paths,
};

// Stack traces point into the .ts sources.
process.setSourceMapsEnabled(true);
addHook((code, filename) => transformSync(code, filename, options).code, { exts: ['.ts', '.tsx'], ignoreNodeModules: true });
