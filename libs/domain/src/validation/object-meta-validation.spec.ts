import { validateObject, validateObjectUpdate } from './object-validation';

const lines = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);
const cm = (metadata: Record<string, unknown>) => ({ metadata: { name: 'cfg', namespace: 'default', ...metadata } });

describe('object metadata validation', () => {
  it('asks for a name or generateName', () => {
    expect(lines(validateObject('ConfigMap', { metadata: { namespace: 'default' } } as never))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('checks generateName with a trailing dash allowed', () => {
    expect(validateObject('ConfigMap', cm({ generateName: 'cfg-' }) as never)).toEqual([]);
    expect(lines(validateObject('ConfigMap', cm({ generateName: 'Cfg-' }) as never))[0]).toMatch(/^metadata\.generateName: Invalid value: "Cfg-"/);
  });

  it('reports bad label keys and values against metadata.labels', () => {
    expect(lines(validateObject('ConfigMap', cm({ labels: { 'bad key': 'ok', good: 'bad value' } }) as never))).toEqual([
      `metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `metadata.labels: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });

  it('limits annotations to 256 KiB in total', () => {
    const big = cm({ annotations: { note: 'x'.repeat(256 * 1024) } });
    expect(validateObject('ConfigMap', big as never)).toEqual([
      { reason: 'FieldValueTooLong', field: 'metadata.annotations', message: 'Too long: must have at most 262144 bytes' },
    ]);
  });

  it('checks owner references and allows one controller only', () => {
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true };
    const causes = validateObject('ConfigMap', cm({ ownerReferences: [owner, { ...owner, name: 'b' }, { kind: 'X' }] }) as never);
    expect(lines(causes)).toContain(
      'metadata.ownerReferences: Invalid value: ' +
        JSON.stringify([owner, { ...owner, name: 'b' }, { kind: 'X' }]) +
        ': Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
    );
    expect(causes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['metadata.ownerReferences.apiVersion', 'metadata.ownerReferences.name', 'metadata.ownerReferences.uid']),
    );
  });

  it('wants finalizers qualified or standard', () => {
    expect(validateObject('ConfigMap', cm({ finalizers: ['example.com/cleanup', 'foregroundDeletion'] }) as never)).toEqual([]);
    expect(lines(validateObject('ConfigMap', cm({ finalizers: ['cleanup'] }) as never))).toEqual([
      'metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it('forbids a namespace on cluster-scoped kinds and requires it on namespaced ones', () => {
    expect(lines(validateObject('Node', { metadata: { name: 'n', namespace: 'default' } } as never))).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
    expect(lines(validateObject('ConfigMap', { metadata: { name: 'x' } } as never))).toEqual(['metadata.namespace: Required value']);
  });

  it('gives unknown kinds the generic checks only', () => {
    expect(validateObject('Widget', { metadata: { name: 'Any_Name' } } as never)).toEqual([]);
    expect(lines(validateObject('Widget', { metadata: { name: '..' } } as never))).toEqual([`metadata.name: Invalid value: "..": may not be '..'`]);
  });
});

describe('object metadata updates', () => {
  const stored = cm({ uid: 'u1', resourceVersion: '3', creationTimestamp: '2025-01-01T00:00:00Z' });

  it('keeps name, namespace, uid and creationTimestamp', () => {
    const next = cm({ name: 'other', namespace: 'kube-system', uid: 'u2', resourceVersion: '3', creationTimestamp: '2026-01-01T00:00:00Z' });
    expect(lines(validateObjectUpdate('ConfigMap', next as never, stored as never))).toEqual([
      'metadata.name: Invalid value: "other": field is immutable',
      'metadata.namespace: Invalid value: "kube-system": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
      'metadata.creationTimestamp: Invalid value: "2026-01-01T00:00:00Z": field is immutable',
    ]);
  });

  it('ignores server-owned fields the client left out', () => {
    expect(validateObjectUpdate('ConfigMap', cm({ resourceVersion: '3' }) as never, stored as never)).toEqual([]);
  });

  it('refuses new finalizers on an object being deleted', () => {
    const deleting = { metadata: { ...stored.metadata, deletionTimestamp: '2025-02-01T00:00:00Z', finalizers: ['example.com/a'] } };
    const next = { metadata: { ...deleting.metadata, finalizers: ['example.com/a', 'example.com/b'] } };
    expect(lines(validateObjectUpdate('ConfigMap', next as never, deleting as never))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/b"}',
    ]);
  });
});
