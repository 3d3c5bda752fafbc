import * as fs from 'fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { signBody } from '../../src/webhooks/signature';
import { spawnAgent } from '../support/agent-process';
import { launchChromium, loggedIn } from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

const ADMIN_PASSWORD = 'dashboard-admin-password';
const CAROL_PASSWORD = 'carols-long-password';
const HOOK_TOKEN = 'a-long-random-token-only-ci-knows';

/** Two replicas requesting 250m and 64Mi each, and a deploy hook for it. */
const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: web:1.0
        resources:
          requests: {cpu: 250m, memory: 64Mi}
---
apiVersion: v1
kind: Secret
metadata:
  name: web-deploy-hook
stringData:
  token: ${HOOK_TOKEN}
---
apiVersion: skiff.io/v1alpha1
kind: DeployHook
metadata:
  name: web
spec:
  target: {kind: Deployment, name: web, container: web}
  secretRef: {name: web-deploy-hook}
`;

/** The words a chart figure is described by (its summary of the figures). */
async function figureSummary(figure: Locator): Promise<string> {
  const id = await figure.getAttribute('aria-describedby');
  return (await figure.page().locator(`[id="${id}"]`).textContent()) ?? '';
}

/** Waits until `read()` satisfies `ok`, failing with the last value read. */
async function eventually(read: () => Promise<string>, ok: (s: string) => boolean, ms = 30_000): Promise<string> {
  let last = '';
  try {
    await until(async () => ok((last = await read())), ms);
  } catch {
    throw new Error(`timed out; last read: ${last}`);
  }
  return last;
}

/** The overview and the administration pages in a real Chromium against a fully started Skiff. */
describe('dashboard overview and administration', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_ADMIN_PASSWORD: ADMIN_PASSWORD });
    agent = spawnAgent(api, ['--name=ui', '--runtime=simulated', '--simulated-nodes=2', '--start-delay-ms=100', '--metrics-seconds=1', '--cpu=4', '--memory=8Gi']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 2, 30_000);
    await api.kubectlOk(['apply', '-f', '-'], { input: MANIFESTS });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it('shows workload health, node capacity against requests and usage, and recent warnings', async () => {
    await api.call('POST', '/api/v1/namespaces/default/events', {
      body: {
        metadata: { name: 'web-probe.1' },
        involvedObject: { kind: 'Deployment', namespace: 'default', name: 'web' },
        type: 'Warning',
        reason: 'ProbeFailed',
        message: 'readiness probe failed on purpose',
        lastTimestamp: new Date().toISOString(),
      },
    });
    const { page, context } = await loggedIn(browser, api, 'admin', ADMIN_PASSWORD);

    const workloads = page.getByRole('figure', { name: 'Workload status' });
    await eventually(() => figureSummary(workloads), (s) => s.includes('Deployments: 1 running') && s.includes('Pods: 2 running'));

    const cpu = page.getByRole('figure', { name: 'CPU by node' });
    const memory = page.getByRole('figure', { name: 'Memory by node' });
    // Capacity of both nodes; the two pods' requests (wherever they run) add up to 0.5 cores and 128 MiB.
    const cpuText = await eventually(() => figureSummary(cpu), (s) => /ui-sim-0: capacity 4 cores/.test(s) && /ui-sim-1: capacity 4 cores/.test(s) && requestedTotal(s, 'cores') === 0.5);
    expect(cpuText).toContain('ui-sim-1');
    await eventually(() => figureSummary(memory), (s) => /ui-sim-0: capacity 8 GiB/.test(s) && Math.abs(requestedTotal(s, 'GiB') - 0.125) <= 0.0051);
    // Agents report every second; the widget reads metrics every 15 s.
    await eventually(() => figureSummary(cpu), (s) => !s.includes('not measured'), 40_000);

    const warnings = page.getByRole('grid', { name: 'Recent warning events' });
    const link = warnings.getByRole('link', { name: 'Deployment default/web' });
    await link.waitFor({ timeout: 15_000 });
    await warnings.getByRole('row', { name: /ProbeFailed/ }).waitFor();
    await link.click();
    await page.waitForURL(/\/ui\/k\/deployments\/view\/\?name=web&namespace=default/);
    await context.close();
  });

  it('lets the admin create a user, grant it view, make a token shown once, download a kubeconfig, and read the audit log', async () => {
    const { page, context } = await loggedIn(browser, api, 'admin', ADMIN_PASSWORD);

    // A user; a system: group is refused, and the refusal is shown under the field it names.
    await page.goto('/ui/admin/users/');
    await page.getByRole('button', { name: 'Create user' }).click();
    const create = page.getByRole('dialog', { name: 'Create user' });
    await create.getByLabel('User name').fill('carol');
    await create.getByLabel('Password').fill(CAROL_PASSWORD);
    await create.getByLabel('Groups').fill('dev, system:masters');
    await create.getByRole('button', { name: 'Create' }).click();
    await create.getByText('none starting with "system:"').waitFor();
    await create.getByLabel('Groups').fill('dev');
    await create.getByRole('button', { name: 'Create' }).click();
    await create.waitFor({ state: 'detached' });
    await page.getByRole('grid', { name: 'Users' }).getByRole('row', { name: /carol\s+dev/ }).waitFor();

    // view in default, through the grant dialog; the live list shows the binding.
    await page.goto('/ui/admin/bindings/');
    await page.getByRole('button', { name: 'Grant role' }).click();
    const grant = page.getByRole('dialog', { name: 'Grant a role' });
    await grant.getByLabel('User name').fill('carol');
    await grant.getByRole('combobox', { name: 'Role', exact: true }).fill('view');
    expect(await grant.getByRole('combobox', { name: 'Namespace' }).inputValue()).toBe('default');
    await grant.getByRole('button', { name: 'Grant' }).click();
    await grant.waitFor({ state: 'detached' });
    await page.getByRole('grid', { name: 'Role bindings' }).getByRole('row', { name: /carol-view\s+default\s+ClusterRole\/view\s+User\/carol/ }).waitFor({ timeout: 15_000 });
    const binding = await api.call('GET', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings/carol-view');
    expect(binding.body.roleRef).toMatchObject({ kind: 'ClusterRole', name: 'view' });

    // A token: its value once, in the dialog; afterwards only its name.
    await page.goto('/ui/admin/tokens/');
    await page.getByRole('button', { name: 'Create token' }).click();
    const createToken = page.getByRole('dialog', { name: 'Create token' });
    await createToken.getByLabel('Token name').fill('ci');
    await createToken.getByRole('button', { name: 'Create' }).click();
    const issued = page.getByRole('dialog', { name: 'Token ci created' });
    await issued.getByText('shown only this once').waitFor();
    const token = await issued.getByRole('textbox', { name: 'Token' }).inputValue();
    expect(token.length).toBeGreaterThan(20);
    expect((await api.call('GET', '/api/v1/namespaces/default/pods', { token })).status).toBe(200);
    await issued.getByRole('button', { name: 'Copy token' }).waitFor();
    await issued.getByRole('button', { name: 'I have copied it' }).click();
    await issued.waitFor({ state: 'detached' });
    const tokens = page.getByRole('grid', { name: 'API tokens' });
    await tokens.getByRole('row', { name: /^ci\s+admin/ }).waitFor();
    expect(await page.getByText(token).count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    // A kubeconfig, saved as a file the real kubectl reads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download kubeconfig' }).click()]);
    expect(download.suggestedFilename()).toBe('skiff-admin.kubeconfig');
    const file = `${api.home}/downloaded.kubeconfig`;
    await download.saveAs(file);
    expect(fs.readFileSync(file, 'utf8')).toContain('kind: Config');
    const viaKubeconfig = await api.kubectl(['get', 'deployments', '-o', 'name'], { kubeconfig: file });
    expect(viaKubeconfig.stdout.trim()).toBe('deployment.apps/web');
    await tokens.getByRole('row', { name: /^kubeconfig\s+admin/ }).waitFor();

    // The audit log, filtered by the form into the URL, lists the grant.
    await page.goto('/ui/admin/audit/');
    const filters = page.getByRole('search', { name: 'Audit filters' });
    await filters.getByLabel('Resource').fill('rolebindings');
    await filters.getByLabel('User').fill('admin');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\/ui\/admin\/audit\/\?user=admin&resource=rolebindings$/);
    const audit = page.getByRole('grid', { name: 'Audit log' });
    await eventually(
      async () => {
        if (await audit.getByRole('row', { name: /admin\s+dashboard\s+create\s+rolebindings\.rbac\.authorization\.k8s\.io\s+default\s+carol-view/ }).count()) return 'found';
        await page.reload();
        await audit.waitFor();
        return 'not yet';
      },
      (s) => s === 'found',
    );
    // A bad filter is named beside its field.
    await page.goto('/ui/admin/audit/?since=yesterday');
    await filters.getByText('is not an RFC 3339 time').waitFor();
    await context.close();
  });

  it('shows a deploy hook’s path and its delivery log', async () => {
    const hook = (await api.call('GET', '/apis/skiff.io/v1alpha1/namespaces/default/deployhooks/web')).body;
    const body = JSON.stringify({ image: 'web:2.0', id: 'build-42' });
    const delivered = await api.call('POST', hook.status.webhookPath, { raw: body, token: null, headers: { 'x-hub-signature-256': signBody(Buffer.from(body), Buffer.from(HOOK_TOKEN)) } });
    expect(delivered.status).toBe(200);

    const { page, context } = await loggedIn(browser, api, 'admin', ADMIN_PASSWORD);
    await page.goto('/ui/admin/hooks/');
    const hooks = page.getByRole('grid', { name: 'Deploy hooks' });
    const row = hooks.getByRole('row', { name: new RegExp(`web\\s+Deployment/web \\(container web\\)\\s+${hook.status.webhookPath}`) });
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('gridcell', { name: 'web', exact: true }).click();
    const deliveries = page.getByRole('grid', { name: 'Deliveries of web' });
    await deliveries.getByRole('row', { name: /build-42\s+\S+\s+web:2\.0\s+applied\s+200/ }).waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('hides user administration from a user who is not a cluster admin, and the server refuses it anyway', async () => {
    const { page, context } = await loggedIn(browser, api, 'carol', CAROL_PASSWORD);
    await page.getByTestId('current-user').filter({ hasText: 'carol' }).waitFor();
    await page.goto('/ui/admin/users/');
    await page.getByText('Only cluster admins').waitFor();
    await page.getByRole('button', { name: 'Change my password' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create user' }).count()).toBe(0);
    expect(await page.getByRole('grid', { name: 'Users' }).count()).toBe(0);
    const refused = await gqlFromPage(page, 'mutation { createUser(name: "mallory", password: "a long enough password") { name } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('Forbidden');
    // carol may not read the audit log either: the page says so.
    await page.goto('/ui/admin/audit/');
    await page.getByText('forbidden', { exact: false }).first().waitFor();
    await context.close();
  });
});

/** The sum of the "requested" figures of a node-capacity summary. */
function requestedTotal(summary: string, unit: string): number {
  return [...summary.matchAll(new RegExp(`requested ([0-9.]+) ${unit}`, 'g'))].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** A GraphQL request from the page, with its session cookie, as the dashboard makes them. */
function gqlFromPage(page: Page, query: string): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
  return page.evaluate(async (q) => (await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) })).json(), query);
}
