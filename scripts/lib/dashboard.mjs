// The dashboard is a static export (apps/dashboard/out) the API serves at /ui. It is
// built when missing or older than its sources (Next with Turbopack: ~20 s).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const app = path.join(root, 'apps/dashboard');
const out = path.join(app, 'out');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the dashboard unless out/ is newer than its sources and the domain's table printers. */
export function ensureDashboardBuilt({ quiet = false } = {}) {
  const marker = path.join(out, 'index.html');
  const sources = Math.max(newest(path.join(app, 'src')), fs.statSync(path.join(app, 'next.config.mjs')).mtimeMs, newest(path.join(root, 'libs/domain/src/tables')));
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs > sources) return true;
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: app,
    stdio: quiet ? 'pipe' : 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) {
    process.stderr.write(`skiff: the dashboard did not build${quiet ? `:\n${r.stdout}\n${r.stderr}` : ''}\n`);
    return false;
  }
  return true;
}
