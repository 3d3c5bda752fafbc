#!/usr/bin/env node
// Runs a TypeScript entry point through SWC (decorator metadata included), no build step.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require(path.join(root, 'scripts/ts-register.cjs'));
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: run-ts.mjs <file.ts> [args]\n');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(entry));
