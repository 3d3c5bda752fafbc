import type { KubeObject } from '../meta/types';
import { LAST_APPLIED_CONFIG_ANNOTATION } from '../workloads/deployment-revisions';
import { applyToCurrent, kubectlJson, lastAppliedConfiguration, withAppliedConfiguration } from './apply-merge';

/** What the annotation records of `m`: itself, with its annotations but the record (an empty map when none). */
const recorded = (m: KubeObject): KubeObject => ({ ...m, metadata: { ...m.metadata, annotations: m.metadata.annotations ?? {} } });

const manifest = (replicas?: number, labels: Record<string, string> = { app: 'web' }): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels },
  spec: { ...(replicas !== undefined ? { replicas } : {}), selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } },
});

/** The stored object after a create from `m`: defaults and server fields added. */
function stored(m: KubeObject): KubeObject {
  const obj = withAppliedConfiguration(m);
  obj.metadata = { ...obj.metadata, uid: 'u1', resourceVersion: '7', creationTimestamp: '2025-01-01T00:00:00Z', generation: 1 };
  obj.metadata.annotations = { ...obj.metadata.annotations, 'deployment.kubernetes.io/revision': '1' };
  obj.spec = { replicas: 1, strategy: { type: 'RollingUpdate' }, ...(obj.spec as object) };
  obj.status = { replicas: 1 };
  return obj;
}

describe('apply merge', () => {
  it('records the applied configuration without itself', () => {
    const once = withAppliedConfiguration(manifest());
    const twice = withAppliedConfiguration(once);
    expect(twice.metadata.annotations![LAST_APPLIED_CONFIG_ANNOTATION]).toBe(once.metadata.annotations![LAST_APPLIED_CONFIG_ANNOTATION]);
    expect(lastAppliedConfiguration(once)).toEqual(recorded(manifest()));
    expect(lastAppliedConfiguration({ metadata: { annotations: { [LAST_APPLIED_CONFIG_ANNOTATION]: '{not json' } } })).toEqual({});
  });

  it('writes the record as kubectl does: sorted keys, Go’s escapes, a final newline', () => {
    expect(kubectlJson({ b: [{ z: 1, y: 2 }], a: '<x> & \u2028' })).toBe('{"a":"\\u003cx\\u003e \\u0026 \\u2028","b":[{"y":2,"z":1}]}\n');
  });

  it('takes the manifest’s spec and keeps what the server set: identity, status, defaults, revision', () => {
    const current = stored(manifest());
    const changed = manifest();
    (changed.spec as any).template.spec.containers[0].image = 'nginx:1.27';
    const next = applyToCurrent(current, changed);
    expect((next.spec as any).template.spec.containers[0].image).toBe('nginx:1.27');
    expect((next.spec as any).strategy).toEqual({ type: 'RollingUpdate' });
    expect(next.metadata).toMatchObject({ uid: 'u1', generation: 1, creationTimestamp: '2025-01-01T00:00:00Z' });
    expect(next.metadata.resourceVersion).toBeUndefined();
    expect(next.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    expect(lastAppliedConfiguration(next)).toEqual(recorded(changed));
    expect(next.status).toEqual({ replicas: 1 });
  });

  it('keeps replicas set by someone else, but drops what the user removed from the manifest', () => {
    const current = stored(manifest(2, { app: 'web', tier: 'front' }));
    current.spec = { ...(current.spec as object), replicas: 5 };
    current.metadata.labels = { ...current.metadata.labels, added: 'by-kubectl-label' };
    let next = applyToCurrent(current, manifest(undefined, { app: 'web' }));
    expect((next.spec as any).replicas).toBeUndefined(); // was applied, now left out: defaults again
    expect(next.metadata.labels).toEqual({ app: 'web', added: 'by-kubectl-label' });

    const neverApplied = stored(manifest(undefined));
    neverApplied.spec = { ...(neverApplied.spec as object), replicas: 3 };
    next = applyToCurrent(neverApplied, manifest(undefined));
    expect((next.spec as any).replicas).toBe(3);
  });

  it('merges ConfigMap data key by key and keeps a Service’s assigned IP and node ports', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1', b: '2' } };
    const current = withAppliedConfiguration(cm);
    current.data = { a: '1', b: '2', extra: 'x' };
    expect(applyToCurrent(current, { ...cm, data: { a: '9' } }).data).toEqual({ a: '9', extra: 'x' });

    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } };
    const storedSvc = withAppliedConfiguration(svc);
    storedSvc.spec = { type: 'NodePort', clusterIP: '10.0.0.9', clusterIPs: ['10.0.0.9'], ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }] };
    const next = applyToCurrent(storedSvc, svc);
    expect(next.spec).toEqual({ type: 'NodePort', clusterIP: '10.0.0.9', clusterIPs: ['10.0.0.9'], ports: [{ port: 80, nodePort: 30080 }] });
  });

  it('treats keys named like Object.prototype members as plain keys', () => {
    const cm: KubeObject = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"}}');
    const current = withAppliedConfiguration(cm);
    // Set by someone else, not by apply: kept, as any other key would be.
    current.data = JSON.parse('{"a":"1","constructor":"x","__proto__":"y"}');
    const next = applyToCurrent(current, JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"2","toString":"z"}}'));
    expect(Object.keys(next.data as object).sort()).toEqual(['__proto__', 'a', 'constructor', 'toString']);
    expect(Object.getPrototypeOf(next.data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });
});
