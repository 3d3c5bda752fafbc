#!/usr/bin/env node
// `npm test`: the whole suite. Installs dependencies when missing; the Jest global
// setup starts Postgres and Redis unless DATABASE_URL / REDIS_URL are set.
// Prints `N passed, N failed` as its last line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const installed = path.join(root, 'node_modules', '.package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync('package-lock.json').mtimeMs) {
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Real clients the tests drive besides kubectl: Debian's Python client.
const { aptInstall } = await import('./lib/services.mjs');
const hasPythonClient = () => spawnSync('/usr/bin/python3', ['-c', 'import kubernetes'], { stdio: 'ignore' }).status === 0;
if (!hasPythonClient() && !aptInstall(['python3-kubernetes'])) {
  process.stderr.write('skiff: the Python client test needs Debian package python3-kubernetes (apt-get install python3-kubernetes)\n');
}

// The dashboard's browser tests drive Debian's Chromium; the API serves the dashboard's build.
if (!fs.existsSync('/usr/bin/chromium') && !aptInstall(['chromium'])) {
  process.stderr.write('skiff: the dashboard tests need Debian package chromium (apt-get install chromium)\n');
}
const { ensureDashboardBuilt } = await import('./lib/dashboard.mjs');
ensureDashboardBuilt();

// Type errors fail the run too: one test counted for the whole type check.
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], { stdio: 'inherit' });

const results = path.join(root, '.test-results.json');
fs.rmSync(results, { force: true });
const jest = spawnSync(
  process.execPath,
  ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${results}`, '--forceExit', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
} else {
  failed = 1;
}
if (tsc.status === 0) passed += 1;
else failed += 1;
if (jest.status !== 0 && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
