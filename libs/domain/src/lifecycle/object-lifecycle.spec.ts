import type { KubeObject } from '../meta/types';
import { RESOURCE_TYPES } from '../resources/registry';
import { decideDelete, nameForCreate, prepareForCreate, prepareForUpdate, readyToRemove } from './object-lifecycle';

const type = (kind: string) => RESOURCE_TYPES.find((t) => t.kind === kind)!;
const now = new Date('2026-11-25T10:00:00.123Z');

const deployment = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', creationTimestamp: '2026-11-01T00:00:00Z', resourceVersion: '5', generation: 3 },
  spec: { replicas: 2 },
  status: { replicas: 2 },
});

describe('object lifecycle', () => {
  it('owns identity, timestamps and generation on create, and drops a client-sent status', () => {
    const out = prepareForCreate(type('Deployment'), { metadata: { name: 'web', uid: 'forged', generation: 9 }, spec: {}, status: { replicas: 7 } }, { uid: 'u2', now, revision: 11 });
    expect(out.metadata).toMatchObject({ uid: 'u2', creationTimestamp: '2026-11-25T10:00:00Z', resourceVersion: '11', generation: 1 });
    expect(out.status).toBeUndefined();
    expect(out).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
  });

  it('names a create from generateName with five characters of the Kubernetes alphabet', () => {
    expect(nameForCreate({ name: 'fixed', generateName: 'x-' })).toBe('fixed');
    expect(nameForCreate({ generateName: 'web-' }, () => 0)).toBe('web-bbbbb');
    expect(nameForCreate({})).toBeUndefined();
  });

  it('bumps generation only when the spec changes, and keeps status on a main update', () => {
    const old = deployment();
    const relabelled = prepareForUpdate(type('Deployment'), { ...old, metadata: { ...old.metadata, labels: { a: 'b' } }, status: { replicas: 0 } }, old, 'main', 6);
    expect(relabelled.metadata.generation).toBe(3);
    expect(relabelled.status).toEqual({ replicas: 2 });
    const scaled = prepareForUpdate(type('Deployment'), { ...old, spec: { replicas: 4 } }, old, 'main', 6);
    expect(scaled.metadata.generation).toBe(4);
  });

  it('changes only status on a status update', () => {
    const old = deployment();
    const out = prepareForUpdate(type('Deployment'), { ...old, spec: { replicas: 9 }, status: { replicas: 1 } }, old, 'status', 6);
    expect(out.spec).toEqual({ replicas: 2 });
    expect(out.status).toEqual({ replicas: 1 });
    expect(out.metadata.generation).toBe(3);
  });

  it('removes an object without finalizers at once, marks one with finalizers', () => {
    expect(decideDelete(type('ConfigMap'), { metadata: { name: 'c' } }, undefined, now)).toEqual({ action: 'remove' });
    const marked = decideDelete(type('ConfigMap'), { metadata: { name: 'c', finalizers: ['x'] } }, undefined, now);
    expect(marked.action).toBe('mark');
    if (marked.action === 'mark') expect(marked.object.metadata.deletionTimestamp).toBe('2026-11-25T10:00:00Z');
  });

  it('gives a pod bound to a node its grace period, and removes it when deleted again with 0', () => {
    const pod: KubeObject = { metadata: { name: 'p' }, spec: { nodeName: 'n1', terminationGracePeriodSeconds: 30 } };
    const first = decideDelete(type('Pod'), pod, undefined, now);
    expect(first.action).toBe('mark');
    if (first.action !== 'mark') return;
    expect(first.object.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(decideDelete(type('Pod'), first.object, 0, now)).toEqual({ action: 'remove' });
    expect(decideDelete(type('Pod'), { metadata: { name: 'q' }, spec: {} }, undefined, now)).toEqual({ action: 'remove' });
  });

  it('is ready to remove once deletion is requested and the last finalizer is gone', () => {
    expect(readyToRemove({ metadata: { deletionTimestamp: 'x', finalizers: [] } })).toBe(true);
    expect(readyToRemove({ metadata: { deletionTimestamp: 'x', finalizers: ['f'] } })).toBe(false);
    expect(readyToRemove({ metadata: { finalizers: [] } })).toBe(false);
  });
});

describe('initial state on create', () => {
  it('starts a Pod Pending with its QoS class and a Namespace Active with the kubernetes finalizer', () => {
    const pod = prepareForCreate(type('Pod'), { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i' }] }, status: { phase: 'Running' } }, { uid: 'u', now, revision: 1 });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const ns = prepareForCreate(type('Namespace'), { metadata: { name: 'n' }, status: { phase: 'Terminating' } }, { uid: 'u', now, revision: 1 });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
  });
});
