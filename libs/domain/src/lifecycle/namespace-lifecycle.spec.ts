import type { KubeObject } from '../meta/types';
import { RESOURCE_TYPES } from '../resources/registry';
import { checkNamespaceDeletable, finalizedNamespace, namespaceNeedsCleanup, pendingFinalizers } from './namespace-lifecycle';
import { decideDelete, prepareForUpdate, readyToRemove } from './object-lifecycle';

const namespaces = RESOURCE_TYPES.find((t) => t.kind === 'Namespace')!;
const ns = (): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', resourceVersion: '3' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });

describe('namespace lifecycle', () => {
  it('counts spec finalizers as holding a namespace back', () => {
    expect(pendingFinalizers(ns())).toEqual(['kubernetes']);
    expect(pendingFinalizers({ kind: 'ConfigMap', metadata: { finalizers: ['x'] }, spec: { finalizers: ['y'] } })).toEqual(['x']);
  });

  it('marks a deleted namespace Terminating instead of removing it', () => {
    const d = decideDelete(namespaces, ns(), undefined, new Date('2026-11-25T00:00:00Z'));
    expect(d.action).toBe('mark');
    if (d.action !== 'mark') return;
    expect(d.object.status).toEqual({ phase: 'Terminating' });
    expect(namespaceNeedsCleanup(d.object)).toBe(true);
    expect(readyToRemove(d.object)).toBe(false);
  });

  it('lets finalize change only spec.finalizers, after which the namespace can go', () => {
    const d = decideDelete(namespaces, ns(), undefined, new Date());
    if (d.action !== 'mark') throw new Error('expected mark');
    const attempt = { ...finalizedNamespace(d.object), metadata: { ...d.object.metadata, labels: { sneaky: 'yes' } } };
    const out = prepareForUpdate(namespaces, attempt, d.object, 'finalize', 4);
    expect(out.spec).toEqual({ finalizers: [] });
    expect(out.metadata.labels).toBeUndefined();
    expect(readyToRemove(out)).toBe(true);
  });
});

describe('immortal namespaces', () => {
  it('refuses to delete default, kube-system and kube-public as kube-apiserver does, and nothing else', () => {
    const ns = { group: '', kind: 'Namespace' };
    expect(() => checkNamespaceDeletable(ns, 'default')).toThrow('namespaces "default" is forbidden: this namespace may not be deleted');
    expect(() => checkNamespaceDeletable(ns, 'kube-system')).toThrow(expect.objectContaining({ code: 403 }));
    expect(() => checkNamespaceDeletable(ns, 'team-a')).not.toThrow();
    expect(() => checkNamespaceDeletable({ group: '', kind: 'ConfigMap' }, 'default')).not.toThrow();
  });
});
