/**
 * bench/dashboard: BENCH_PODS (1,000) pods in one namespace; headless Chromium logs in and
 * opens the Pods list, BENCH_RUNS (5) times, each in a new page: the time from navigation
 * to the list showing its rows (the grid's first row and its "of 1000" count), cold (first
 * page of a new browser context) and warm (cached assets). Target: ≤ 2 s.
 * Run: `npm run bench:dashboard` (builds the dashboard when stale).
 */
import * as os from 'os';
import { launchChromium, loggedIn } from '../../apps/api/test/support/browser';
import { startTestApi } from '../../apps/api/test/support/test-server';
import { percentile, runBench } from '../support/run-bench';
import { atMost, figureList, reportFigures } from '../support/figures';

const PODS = Number(process.env.BENCH_PODS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PASSWORD = 'bench-dashboard-password';

async function inParallel(n: number, limit: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < n) await fn(next++);
  }));
}

async function main(): Promise<void> {
  const { ensureDashboardBuilt } = await import('../../scripts/lib/dashboard.mjs' as string);
  if (!ensureDashboardBuilt()) throw new Error('the dashboard did not build');
  const api = await startTestApi({ SKIFF_ROLES: 'api', SKIFF_ADMIN_PASSWORD: PASSWORD });
  await api.kubectlOk(['create', 'namespace', 'bench']);
  await inParallel(PODS, 32, async (i) => {
    const r = await api.call('POST', '/api/v1/namespaces/bench/pods', {
      body: { metadata: { name: `web-${String(i).padStart(4, '0')}`, labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1.0' }] } },
    });
    if (r.status !== 201) throw new Error(r.text);
  });
  const browser = await launchChromium();
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const { context, page } = await loggedIn(browser, api, 'admin', PASSWORD);
      await page.evaluate(() => (globalThis as any).localStorage.setItem('skiff.namespaces', JSON.stringify(['bench'])));
      for (const into of [cold, warm]) {
        const t0 = performance.now();
        await page.goto('/ui/k/pods/');
        const grid = page.getByRole('grid', { name: 'Pods list' });
        await grid.getByRole('link', { name: 'web-0000' }).waitFor({ timeout: 60_000 });
        await page.getByText(new RegExp(`of (${PODS}|${PODS.toLocaleString("en-US")})$`)).first().waitFor({ timeout: 60_000 });
        into.push(performance.now() - t0);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await api.stop();
  }
  const { figures, add } = figureList('dashboard');
  // Issue 6: with 1,000 pods, the Pods list shows its rows within 2 s of navigation.
  const target = PODS === 1000 ? atMost(2) : undefined;
  const note = PODS === 1000 ? undefined : 'the 2 s target is for 1,000 pods';
  for (const [what, xs] of [['first navigation of a session', cold], ['navigating again (assets cached)', warm]] as const) {
    add(`Pods list of ${PODS.toLocaleString('en-US')} pods, ${what}: p50`, percentile(xs, 50) / 1000, 's', target, note);
    add(`Pods list of ${PODS.toLocaleString('en-US')} pods, ${what}: max of ${RUNS}`, Math.max(...xs) / 1000, 's', target, note);
  }
  reportFigures(figures);
  const fmt = (xs: number[]) => `p50 ${(percentile(xs, 50) / 1000).toFixed(2)} s, max ${(Math.max(...xs) / 1000).toFixed(2)} s`;
  process.stdout.write(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
  process.stdout.write(`Pods list with ${PODS} pods, navigation to rows shown (${RUNS} runs): first page of a session ${fmt(cold)}; again ${fmt(warm)} (target ≤ 2 s)\n`);
}

runBench(main);
