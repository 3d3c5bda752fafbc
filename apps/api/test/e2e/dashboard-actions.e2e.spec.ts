import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { spawnAgent } from '../support/agent-process';
import { launchChromium, loggedIn } from '../support/browser';
import { startTestApi, type TestApi } from '../support/test-server';
import { until } from '../support/watch-client';

const ADMIN_PASSWORD = 'dashboard-actions-password';
const VIEWER = 'vera';
const VIEWER_PASSWORD = 'vera-long-password';

const deploymentPage = (name: string) => `/ui/k/deployments/view/?name=${name}&namespace=default`;

/** Waits until a locator matches exactly `n` elements. */
async function expectCount(locator: Locator, n: number, ms = 30_000): Promise<void> {
  await until(async () => (await locator.count()) === n, ms).catch(async () => {
    throw new Error(`expected ${n} of ${locator}, found ${await locator.count()}`);
  });
}

/** Clicks Confirm in the dialog and waits for the page to report success. */
async function confirm(page: Page, dialog: Locator, reported: string | RegExp): Promise<void> {
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('alert').filter({ hasText: reported }).waitFor();
}

/** Actions, related pods, events, rollout history and metrics on detail pages, in a real Chromium. */
describe('dashboard: object actions and workload tabs', () => {
  let api: TestApi;
  let agent: ReturnType<typeof spawnAgent>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const deployment = async (name = 'web') => (await api.call('GET', `/apis/apps/v1/namespaces/default/deployments/${name}`)).body;

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_ADMIN_PASSWORD: ADMIN_PASSWORD });
    agent = spawnAgent(api, ['--name=acts', '--runtime=simulated', '--simulated-nodes=2', '--start-delay-ms=100', '--metrics-seconds=1']);
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 2, 30_000);
    await api.kubectlOk(['create', 'deployment', 'web', '--image=web:1.0', '--replicas=1']);
    await until(async () => (await deployment()).status?.availableReplicas === 1, 30_000);
    expect((await api.call('POST', '/skiff/v1/users', { body: { name: VIEWER, password: VIEWER_PASSWORD } })).status).toBe(201);
    await api.kubectlOk(['create', 'rolebinding', `${VIEWER}-view`, '-n', 'default', '--clusterrole=view', `--user=${VIEWER}`]);
    browser = await launchChromium();
    ({ context, page } = await loggedIn(browser, api, 'admin', ADMIN_PASSWORD));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    agent?.kill('SIGTERM');
    await api?.stop();
  });

  it('scales a Deployment through the dialog, shows the server’s field error, and lists the new pods live', async () => {
    await page.goto(deploymentPage('web'));
    await page.getByRole('tab', { name: 'Pods' }).click();
    const pods = page.getByRole('grid', { name: 'Pods list' }).getByRole('link', { name: /^web-/ });
    await expectCount(pods, 1);

    await page.getByRole('button', { name: 'Scale' }).click();
    const dialog = page.getByRole('dialog', { name: 'Scale Deployment web' });
    await dialog.getByLabel('Replicas').fill('-1');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const refusal = dialog.getByRole('alert');
    // The server's words, and the field it names.
    await refusal.filter({ hasText: 'Invalid value: -1: must be greater than or equal to 0' }).waitFor();
    expect(await refusal.locator('code').allTextContents()).toEqual(['replicas']);

    await dialog.getByLabel('Replicas').fill('5');
    await confirm(page, dialog, 'Deployment web scaled to 5 replicas');
    await expectCount(pods, 5);
    await expectCount(page.getByRole('grid', { name: 'Pods list' }).getByRole('row').filter({ hasText: 'Running' }), 5);
    await expectCount(page.getByRole('grid', { name: 'ReplicaSets list' }).getByRole('link', { name: /^web-/ }), 1);
    expect((await deployment()).spec.replicas).toBe(5);
  });

  it('lists the Deployment’s events, newest first', async () => {
    await page.getByRole('tab', { name: 'Events' }).click();
    const grid = page.getByRole('grid', { name: 'Events list' });
    await grid.getByRole('row').filter({ hasText: /Scaled up replica set web-\w+ to 5/ }).waitFor({ timeout: 30_000 });
    const messages = await grid.getByRole('row').filter({ hasText: 'ScalingReplicaSet' }).allTextContents();
    expect(messages[0]).toMatch(/to 5/);
  });

  it('sets an image, diffs the two revisions, rolls back, and shows it all without reloading', async () => {
    await page.getByRole('button', { name: 'Set image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set image of Deployment web' });
    expect(await dialog.getByRole('combobox', { name: 'Container' }).textContent()).toBe('web');
    await dialog.getByLabel('Image').fill('web:2.0');
    await confirm(page, dialog, 'Deployment web: image set, web=web:2.0');

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('table', { name: 'Rollout history' });
    const revision = (n: number) => history.getByRole('row').filter({ has: page.getByRole('cell', { name: new RegExp(`^${n}( ?current)?$`) }) });
    await revision(2).filter({ hasText: 'web=web:2.0' }).waitFor({ timeout: 30_000 });
    await revision(1).filter({ hasText: 'web=web:1.0' }).waitFor();
    expect(await revision(2).textContent()).toContain('admin via GraphQL: set image web=web:2.0');
    for (const header of ['REVISION', 'IMAGES', 'CHANGE-CAUSE', 'CREATED']) await history.getByRole('columnheader', { name: header }).waitFor();
    await expectCount(revision(2).getByRole('button', { name: 'Roll back' }), 0);

    expect(await page.getByRole('combobox', { name: 'From revision' }).textContent()).toBe('1');
    expect(await page.getByRole('combobox', { name: 'To revision' }).textContent()).toBe('2');
    const diff = page.getByRole('group', { name: 'Pod template of revision 1 and revision 2' });
    await diff.getByLabel('Revision 1').locator('.cm-line', { hasText: 'image: web:1.0' }).waitFor();
    await diff.getByLabel('Revision 2').locator('.cm-line', { hasText: 'image: web:2.0' }).waitFor();
    expect(await diff.locator('.cm-changedLine').count()).toBeGreaterThan(0);

    // Picking revisions with the keyboard re-diffs them.
    await page.getByRole('combobox', { name: 'From revision' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: '2' }).click();
    await page.getByRole('group', { name: 'Pod template of revision 2 and revision 2' }).waitFor();
    await page.getByRole('combobox', { name: 'From revision' }).click();
    await page.getByRole('option', { name: '1' }).click();

    await revision(1).getByRole('button', { name: 'Roll back' }).click();
    const rollback = page.getByRole('dialog', { name: 'Roll back Deployment web' });
    await confirm(page, rollback, 'Deployment web: rolled back to revision 1');

    // The old template is revision 3 now; the table follows by itself.
    await revision(3).filter({ hasText: 'web=web:1.0' }).filter({ hasText: 'current' }).waitFor({ timeout: 30_000 });
    await expectCount(revision(1), 0);
    await page.getByRole('group', { name: 'Pod template of revision 2 and revision 3' }).getByLabel('Revision 3').locator('.cm-line', { hasText: 'image: web:1.0' }).waitFor();
    expect((await deployment()).spec.template.spec.containers[0].image).toBe('web:1.0');

    await page.getByRole('tab', { name: 'YAML' }).click();
    const yaml = page.getByLabel('YAML', { exact: true });
    await yaml.waitFor();
    await until(async () => {
      if (await yaml.locator('.cm-line', { hasText: 'image: web:1.0' }).count()) return true;
      await page.mouse.wheel(0, 400);
      return false;
    }, 15_000);
    // Let the rollout the rollback started finish before the next test moves pods around.
    await until(async () => {
      const status = (await deployment()).status ?? {};
      return status.replicas === 5 && status.updatedReplicas === 5 && status.availableReplicas === 5;
    }, 30_000);
  });

  it('cordons a node and sees it unschedulable, drains it with kubectl’s flags and sees its pods leave, uncordons it', async () => {
    // A node running some of web's pods.
    const pods = (await api.call('GET', '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb')).body.items;
    const node = pods.find((p: any) => p.spec.nodeName).spec.nodeName as string;
    await page.goto(`/ui/k/nodes/view/?name=${node}`);
    await page.getByRole('button', { name: 'Cordon' }).click();
    await confirm(page, page.getByRole('dialog', { name: `Cordon node ${node}` }), `Node ${node} cordoned`);
    await page.getByRole('button', { name: 'Uncordon' }).waitFor();
    expect((await api.call('GET', `/api/v1/nodes/${node}`)).body.spec.unschedulable).toBe(true);

    await page.getByRole('tab', { name: 'Pods' }).click();
    const bound = page.getByRole('grid', { name: 'Pods list' }).getByRole('link', { name: /^web-/ });
    const onNode = async () => ((await api.call('GET', `/api/v1/namespaces/default/pods?fieldSelector=spec.nodeName=${node}`)).body.items as unknown[]).length;
    await until(async () => (await bound.count()) === (await onNode()), 15_000);
    expect(await bound.count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Drain' }).click();
    const drain = page.getByRole('dialog', { name: `Drain node ${node}` });
    for (const flag of ['Ignore DaemonSets', 'Delete emptyDir data', 'Force']) expect(await drain.getByRole('checkbox', { name: flag }).isChecked()).toBe(false);
    await drain.getByRole('checkbox', { name: 'Ignore DaemonSets' }).check();
    await confirm(page, drain, new RegExp(`Node ${node} drained: \\d+ pods? evicted`));
    // Evicted pods leave the node's list by themselves (their Deployment makes them again on the other node).
    await expectCount(bound, 0);
    await page.getByRole('grid', { name: 'Pods list' }).getByRole('columnheader', { name: 'NAMESPACE' }).waitFor();
    await page.getByRole('tab', { name: 'Metrics' }).click();
    await page.getByRole('figure', { name: 'CPU' }).locator('svg').first().waitFor({ timeout: 30_000 });
    await page.getByRole('figure', { name: 'Memory' }).waitFor();

    await page.goto('/ui/k/nodes/');
    await page.getByRole('grid', { name: 'Nodes list' }).getByRole('row').filter({ hasText: node }).filter({ hasText: 'SchedulingDisabled' }).waitFor();
    await page.goto(`/ui/k/nodes/view/?name=${node}`);
    await page.getByRole('button', { name: 'Uncordon' }).click();
    await confirm(page, page.getByRole('dialog', { name: `Uncordon node ${node}` }), `Node ${node} uncordoned`);
    await page.getByRole('button', { name: 'Cordon' }).waitFor();
  });

  it('charts a pod’s usage, and says so when there is none yet', async () => {
    const running = (await api.call('GET', '/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning')).body.items.filter((p: any) => !p.metadata.deletionTimestamp);
    const pod = running[0].metadata.name as string;
    await page.goto(`/ui/k/pods/view/?name=${pod}&namespace=default`);
    await page.getByRole('tab', { name: 'Metrics' }).click();
    await page.getByRole('figure', { name: 'CPU' }).locator('svg').first().waitFor({ timeout: 30_000 });

    await page.route('**/apis/metrics.k8s.io/**', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ kind: 'Status', message: 'not found', reason: 'NotFound', code: 404 }) }));
    await page.route('**/skiff/v1/metrics/history**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ samples: [] }) }));
    await page.reload();
    await page.getByRole('tab', { name: 'Metrics' }).click();
    await page.getByText('No metrics yet').waitFor();
    await page.unrouteAll();
  });

  it('hides the actions a view user may not take', async () => {
    const viewer = await loggedIn(browser, api, VIEWER, VIEWER_PASSWORD);
    // The questions the page asks the server (SelfSubjectAccessReviews), once answered.
    const answered = new Set<string>();
    viewer.page.on('response', (r) => {
      if (!r.url().includes('selfsubjectaccessreviews')) return;
      const a = JSON.parse(r.request().postData() ?? '{}').spec?.resourceAttributes ?? {};
      answered.add(`${a.verb} ${a.resource}${a.subresource ? `/${a.subresource}` : ''}`);
    });
    await viewer.page.goto(deploymentPage('web'));
    await viewer.page.getByRole('tab', { name: 'Summary' }).waitFor();
    await until(() => ['patch deployments/scale', 'patch deployments', 'delete deployments'].every((q) => answered.has(q)), 15_000);
    await viewer.page.waitForTimeout(300);
    for (const name of ['Scale', 'Restart', 'Set image', 'Pause', 'Delete']) await expectCount(viewer.page.getByRole('button', { name }), 0, 1000);
    await viewer.page.getByRole('tab', { name: 'History' }).click();
    await viewer.page.getByRole('table', { name: 'Rollout history' }).getByRole('row').filter({ hasText: 'web=web:2.0' }).waitFor();
    await expectCount(viewer.page.getByRole('button', { name: 'Roll back' }), 0, 1000);
    await viewer.page.getByRole('tab', { name: 'Pods' }).click();
    await expectCount(viewer.page.getByRole('grid', { name: 'Pods list' }).getByRole('link', { name: /^web-/ }), 5);
    await viewer.context.close();
  });
});
