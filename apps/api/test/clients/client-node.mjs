// Drives Skiff with the official JavaScript client, @kubernetes/client-node (an ES module,
// so it runs as its own process). Prints one JSON line with what it saw; exits non-zero on error.
import * as k8s from '@kubernetes/client-node';

const kc = new k8s.KubeConfig();
kc.loadFromFile(process.argv[2]);
const core = kc.makeApiClient(k8s.CoreV1Api);
const apps = kc.makeApiClient(k8s.AppsV1Api);
const ns = 'client-node';

await core.createNamespace({ body: { metadata: { name: ns } } });
const namespaces = (await core.listNamespace()).items.map((n) => n.metadata.name);

// An informer: list, then watch from the list's resourceVersion, as controllers do.
const seen = [];
const informer = k8s.makeInformer(kc, `/api/v1/namespaces/${ns}/configmaps`, () => core.listNamespacedConfigMap({ namespace: ns }));
informer.on('add', (o) => seen.push(`add ${o.metadata.name}`));
informer.on('update', (o) => seen.push(`update ${o.metadata.name} ${o.data?.v}`));
informer.on('delete', (o) => seen.push(`delete ${o.metadata.name}`));
await informer.start();

await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'c1' }, data: { v: '1' } } });
await core.patchNamespacedConfigMap(
  { namespace: ns, name: 'c1', body: { data: { v: '2' } } },
  k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
);
await core.deleteNamespacedConfigMap({ namespace: ns, name: 'c1' });

const dep = await apps.createNamespacedDeployment({
  namespace: ns,
  body: {
    metadata: { name: 'web' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  },
});
const scale = await apps.replaceNamespacedDeploymentScale({ namespace: ns, name: 'web', body: { metadata: { name: 'web' }, spec: { replicas: 4 } } });

let conflict = 0;
try {
  await apps.replaceNamespacedDeployment({ namespace: ns, name: 'web', body: dep });
} catch (e) {
  conflict = e.code;
}

const end = Date.now() + 10_000;
while (seen.length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
await informer.stop();
process.stdout.write(JSON.stringify({ namespaces, seen, replicas: scale.spec.replicas, generation: dep.metadata.generation, conflict }) + '\n');
process.exit(0);
