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

  it('hides a Secret’s values until revealed, and a Deployment’s summary shows its rollout', async () => {
    await api.kubectlOk(['create', 'secret', 'generic', 'db', '--from-literal=password=s3cret-value']);
    const { page, context } = await loggedIn(browser, api, 'admin', ADMIN_PASSWORD);
    await page.goto('/ui/k/secrets/view/?namespace=default&name=db');
    await page.getByRole('tab', { name: 'Data' }).click();
    const data = page.getByRole('table', { name: 'Data' });
    await data.getByText('password').waitFor();
    expect(await data.textContent()).not.toContain('s3cret-value');
    await data.getByRole('button', { name: 'Reveal password' }).click();
    await data.getByText('s3cret-value').waitFor();
    await page.getByRole('tab', { name: 'YAML' }).click();
    await page.getByRole('button', { name: 'Reveal values' }).waitFor();
    expect(await page.getByLabel('YAML', { exact: true }).count()).toBe(0);

    await page.goto('/ui/k/deployments/view/?namespace=default&name=web');
    await page.getByText('Rollout complete').waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'web=web:1.0' }).waitFor();
    await context.close();
  });

  it('refuses a forged request from a view user’s session, and a cross-site one from an admin’s', async () => {
    await api.call('POST', '/skiff/v1/users', { body: { name: 'vera', password: 'vera-long-password' } });
    await api.kubectlOk(['create', 'rolebinding', 'vera-view', '-n', 'default', '--clusterrole=view', '--user=vera']);
    const { page, context } = await loggedIn(browser, api, 'vera', 'vera-long-password');
    // What a crafted script in vera's page would send: her session cookie goes with it, RBAC says no.
    const forged = await page.evaluate(async () => {
      const r = await fetch('/apis/apps/v1/namespaces/default/deployments/web/scale', {
        method: 'PATCH',
        headers: { 'content-type': 'application/merge-patch+json' },
        body: JSON.stringify({ spec: { replicas: 9 } }),
      });
      return { status: r.status, body: await r.json() };
    });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toContain('User "vera" cannot patch resource "deployments/scale"');
    const viaGraphql = await page.evaluate(async () => {
      const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation { delete(kind: "Deployment", namespace: "default", name: "web") { name } }' }) });
      return r.json();
    });
    expect(viaGraphql.errors[0].extensions.code).toBe('Forbidden');
    expect((await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body.spec.replicas).toBe(2);
    await context.close();

    // An admin's cookie sent from another site (no matching Origin) changes nothing either.
    const admin = await loggedIn(browser, api, 'admin', ADMIN_PASSWORD);
    const cookie = (await admin.context.cookies()).find((c) => c.name === 'skiff_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const crossSite = await api.call('DELETE', '/apis/apps/v1/namespaces/default/deployments/web', { token: null, headers: { cookie: `skiff_session=${cookie.value}`, origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    await admin.context.close();
  });
});
