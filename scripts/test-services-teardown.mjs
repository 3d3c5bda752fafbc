import fs from 'node:fs';

export default async function teardown() {
  for (const s of globalThis.__skiffTestServices ?? []) {
    await s.stop().catch(() => undefined);
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
}
