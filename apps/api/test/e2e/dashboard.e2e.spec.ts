import type { Browser } from 'playwright-core';
import { spawnAgent } from '../support/agent-process';
import { launchChromium, loggedIn } from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

const ADMIN_PASSWORD = 'dashboard-admin-password';

/** The dashboard in a real Chromium against a fully started Skiff. */
describe('dashboard', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_ADMIN_PASSWORD: ADMIN_PASSWORD });
    agent = spawnAgent(api, ['--name=ui', '--runtime=simulated', '--simulated-nodes=2', '--start-delay-ms=100']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 2, 30_000);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it('logs in and lists Deployments live, with kubectl’s columns', async () => {
    const { page, context } = await loggedIn(browser, api, 'admin', ADMIN_PASSWORD);
    await page.goto('/ui/k/deployments/');
    await api.kubectlOk(['create', 'deployment', 'web', '--image=web:1.0', '--replicas=2']);
    const grid = page.getByRole('grid', { name: 'Deployments list' });
    await grid.getByRole('link', { name: 'web' }).waitFor({ timeout: 15_000 });
    await grid.getByRole('row', { name: /web\s+2\/2/ }).waitFor({ timeout: 30_000 });
    for (const header of ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']) await grid.getByRole('columnheader', { name: header }).waitFor();
    await context.close();
  });
});
