/**
 * `npm run screenshots`: starts Skiff with demo data (three simulated nodes, a few
 * workloads, a rollout with history) and saves screenshots of the dashboard's main pages
 * to docs/screenshots/, as the README shows them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runBench } from '../bench/support/run-bench';
import { ROOT, spawnAgent } from '../apps/api/test/support/agent-process';
import { launchChromium, loggedIn } from '../apps/api/test/support/browser';
import { startTestApi } from '../apps/api/test/support/test-server';
import { until } from '../apps/api/test/support/watch-client';

const PASSWORD = 'screenshots-password';
const OUT = path.join(ROOT, 'docs', 'screenshots');

const DEMO = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "web:1.0", resources: {requests: {cpu: 200m, memory: 128Mi}}}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop, labels: {app: api}}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: "api:2.3", resources: {requests: {cpu: 500m, memory: 256Mi}}}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  serviceName: db
  replicas: 2
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: "postgres:17"}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {mode: production}
`;

async function main(): Promise<void> {
  const { ensureDashboardBuilt } = await import('./lib/dashboard.mjs' as string);
  if (!ensureDashboardBuilt()) throw new Error('the dashboard did not build');
  const api = await startTestApi({ SKIFF_ADMIN_PASSWORD: PASSWORD });
  const agent = spawnAgent(api, ['--name=demo', '--runtime=simulated', '--simulated-nodes=3', '--start-delay-ms=300']);
  const browser = await launchChromium();
  try {
    await until(async () => (await api.call('GET', '/api/v1/nodes')).body.items?.length === 3, 30_000);
    await api.kubectlOk(['create', 'namespace', 'shop']);
    await api.kubectl(['apply', '-f', '-'], { input: DEMO });
    await api.kubectlOk(['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=60s'], { timeoutMs: 70_000 });
    await api.kubectlOk(['set', 'image', 'deployment/web', 'web=web:1.1', '-n', 'shop']);
    await api.kubectlOk(['annotate', 'deployment/web', '-n', 'shop', '--overwrite', 'kubernetes.io/change-cause=alice: web 1.1 (fix checkout)']);
    await api.kubectlOk(['rollout', 'status', 'deployment/web', '-n', 'shop', '--timeout=60s'], { timeoutMs: 70_000 });
    fs.mkdirSync(OUT, { recursive: true });
    const { page } = await loggedIn(browser, api, 'admin', PASSWORD);
    await page.evaluate(() => (globalThis as any).localStorage.setItem('skiff.namespaces', JSON.stringify(['shop'])));
    const shots: [string, string, string?][] = [
      ['overview', '/ui/overview/'],
      ['deployments', '/ui/k/deployments/'],
      ['deployment', '/ui/k/deployments/view/?namespace=shop&name=web'],
      ['rollout-history', '/ui/k/deployments/view/?namespace=shop&name=web', 'History'],
      ['pods', '/ui/k/pods/'],
      ['nodes', '/ui/k/nodes/'],
      ['create', '/ui/create/'],
      ['audit', '/ui/admin/audit/'],
    ];
    for (const [name, url, tab] of shots) {
      await page.goto(url);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      if (tab) await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: path.join(OUT, `${name}.png`) });
      process.stdout.write(`docs/screenshots/${name}.png\n`);
    }
  } finally {
    await browser.close();
    agent.kill('SIGTERM');
    await api.stop();
  }
}

runBench(main);
