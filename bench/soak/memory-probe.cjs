// Preloaded into the API process by bench/soak (`node --expose-gc --require …`): on
// SIGWINCH it collects garbage and writes process.memoryUsage() as JSON to
// <SKIFF_HOME>/memory-probe.json, so the soak reads the live heap of another process.
// SIGWINCH because it is harmless by default and nothing in the API listens to it (Nest's
// shutdown hooks take SIGUSR2, and SIGUSR1 starts Node's inspector).
// Plain CommonJS because it loads before the TypeScript hook.
const fs = require('fs');
const path = require('path');

const file = path.join(process.env.SKIFF_HOME || '.', 'memory-probe.json');
process.on('SIGWINCH', () => {
  if (typeof global.gc === 'function') global.gc();
  const sample = { ...process.memoryUsage(), at: Date.now() };
  // Written aside and renamed, so a reader never sees half a sample.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(sample));
  fs.renameSync(`${file}.tmp`, file);
});
