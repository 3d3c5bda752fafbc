import { applyPatch } from 'fast-json-patch';
import type { KubeObject } from '../meta/types';
import { LAST_APPLIED_ANNOTATION, withoutNoise } from './noise';
import { objectDiff, objectYaml } from './object-diff';

function deployment(image: string, rv: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', resourceVersion: rv, generation: Number(rv), managedFields: [{ manager: 'kubectl' }], labels: { app: 'web' }, ...extra },
    spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image }] } } },
  };
}

describe('withoutNoise', () => {
  it('drops resourceVersion, generation, managedFields and the last-applied annotation, and nothing else', () => {
    const obj = deployment('web:1.0', '7', { annotations: { [LAST_APPLIED_ANNOTATION]: '{}', team: 'a' } });
    expect(withoutNoise(obj).metadata).toEqual({ name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { team: 'a' } });
    expect(obj.metadata.resourceVersion).toBe('7'); // the input is left as it was
  });

  it('drops an annotations map that only held the last-applied copy', () => {
    expect(withoutNoise(deployment('a', '1', { annotations: { [LAST_APPLIED_ANNOTATION]: '{}' } })).metadata).not.toHaveProperty('annotations');
  });
});

describe('objectDiff', () => {
  const a = deployment('web:1.0', '10');
  const b = deployment('web:3.0', '42');

  it('gives the image change as one JSON Patch op and one field change, leaving noise out', () => {
    const d = objectDiff(a, b);
    expect(d.patch).toEqual([{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'web:3.0' }]);
    expect(d.changes).toEqual([{ path: '/spec/template/spec/containers/0/image', field: 'spec.template.spec.containers[0].image', from: 'web:1.0', to: 'web:3.0' }]);
  });

  it('renders a unified diff of the YAML, kubectl-style, with the given labels', () => {
    const d = objectDiff(a, b, { fromLabel: 'web@10', toLabel: 'web@42' });
    expect(d.unified).toContain('--- web@10\n+++ web@42\n@@ ');
    expect(d.unified).toContain('\n-      - image: web:1.0\n+      - image: web:3.0\n');
    expect(d.unified).not.toContain('resourceVersion');
  });

  it('keeps the noise fields when asked', () => {
    const d = objectDiff(a, b, { noise: true });
    expect(d.changes.map((c) => c.field)).toEqual(['metadata.generation', 'metadata.resourceVersion', 'spec.template.spec.containers[0].image']);
    expect(d.unified).toContain('-  resourceVersion: "10"\n+  resourceVersion: "42"');
  });

  it('is empty for two states that differ only in noise', () => {
    expect(objectDiff(a, deployment('web:1.0', '11'))).toEqual({ patch: [], changes: [], unified: '' });
  });

  it('gives a patch that turns one state into the other', () => {
    const from = { ...a, spec: { ...(a.spec as object), paused: true, extra: [1, 2, 3] } };
    const to = { ...b, metadata: { ...b.metadata, labels: { app: 'web', 'app.kubernetes.io/tier': 'front' } }, spec: { ...(b.spec as object), extra: [1] } };
    const d = objectDiff(from, to);
    expect(applyPatch(withoutNoise(from), d.patch, true, false).newDocument).toEqual(withoutNoise(to));
    expect(d.changes).toEqual([
      { path: '/metadata/labels/app.kubernetes.io~1tier', field: 'metadata.labels["app.kubernetes.io/tier"]', to: 'front' },
      { path: '/spec/extra/1', field: 'spec.extra[1]', from: 2 },
      { path: '/spec/extra/2', field: 'spec.extra[2]', from: 3 },
      { path: '/spec/paused', field: 'spec.paused', from: true },
      { path: '/spec/template/spec/containers/0/image', field: 'spec.template.spec.containers[0].image', from: 'web:1.0', to: 'web:3.0' },
    ]);
  });

  it('treats an absent side as the whole document added or removed', () => {
    const created = objectDiff(undefined, a, { fromLabel: 'x@1', toLabel: 'x@2' });
    expect(created.patch).toEqual([{ op: 'add', path: '', value: withoutNoise(a) }]);
    expect(created.changes).toEqual([{ path: '', field: '', to: withoutNoise(a) }]);
    expect(created.unified).toMatch(/^--- x@1\n\+\+\+ x@2\n@@ -0,0 \+1,\d+ @@\n\+apiVersion: apps\/v1\n/);
    expect(objectDiff(a, undefined).patch).toEqual([{ op: 'remove', path: '' }]);
    expect(objectDiff(undefined, undefined)).toEqual({ patch: [], changes: [], unified: '' });
  });
});

describe('objectYaml', () => {
  it('sorts keys and does not indent lists, as kubectl get -o yaml prints', () => {
    expect(objectYaml({ metadata: { name: 'x' }, kind: 'ConfigMap', data: { b: '1', a: '2' }, list: ['x'] } as unknown as KubeObject)).toBe(
      'data:\n  a: "2"\n  b: "1"\nkind: ConfigMap\nlist:\n- x\nmetadata:\n  name: x\n',
    );
  });
});
