/**
 * Runs a benchmark with real Postgres and Redis: DATABASE_URL / REDIS_URL when set,
 * else embedded ones (as the tests do), stopped afterwards. Also the shared percentile.
 */
export function runBench(main: () => Promise<void>): void {
  (async () => {
    const started = !process.env.DATABASE_URL || !process.env.REDIS_URL;
    const teardown = async () => {
      if (started) await (await import('../../scripts/test-services-teardown.mjs' as string)).default();
    };
    // Ctrl-C, or the runner stopping a suite: still stop the embedded services and remove their folders.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`${signal}: stopping\n`);
        teardown().finally(() => process.exit(130));
      });
    }
    if (started) await (await import('../../scripts/test-services-setup.mjs' as string)).default();
    try {
      await main();
    } finally {
      await teardown();
    }
    process.exit(0);
  })().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
    process.exit(1);
  });
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
