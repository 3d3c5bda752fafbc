import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import type { TestApi } from './test-server';

export const ROOT = path.resolve(__dirname, '../../../..');

/** Starts the real skiff-agent against a test API, joining with its join token. */
export function spawnAgent(api: TestApi, args: string[]): ChildProcess & { output(): string } {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'scripts/run-ts.mjs'),
      path.join(ROOT, 'apps/agent/src/main.ts'),
      `--server=${api.url}`,
      `--token=${api.joinToken}`,
      `--ca-file=${path.join(api.home, 'pki/ca.crt')}`,
      ...args,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return Object.assign(child, { output: () => stderr });
}
