import { defaulted } from './test-fixtures';
import { validateObject, validateObjectUpdate } from './object-validation';

const lines = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

describe('Namespace validation', () => {
  it('requires a DNS label name and forbids a namespace', () => {
    expect(validateObject('Namespace', defaulted('Namespace', { metadata: { name: 'team-a' } }) as never)).toEqual([]);
    expect(lines(validateObject('Namespace', { metadata: { name: 'team.a', namespace: 'x' } } as never))).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });

  it('checks spec finalizers', () => {
    const ns = { metadata: { name: 'a' }, spec: { finalizers: ['kubernetes', 'custom'] } };
    expect(lines(validateObject('Namespace', ns as never))).toEqual([
      'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });
});

describe('Node validation', () => {
  it('accepts a node with capacity and taints', () => {
    const node = defaulted('Node', {
      metadata: { name: 'node-1' },
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] },
      status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' } },
    });
    expect(node.status.allocatable).toEqual({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(validateObject('Node', node as never)).toEqual([]);
  });

  it('reports bad taints under metadata.taints, as the server does', () => {
    const node = { metadata: { name: 'n' }, spec: { taints: [{ key: 'a', effect: 'Sometimes' }, { key: 'a', effect: 'Sometimes' }] } };
    const causes = validateObject('Node', node as never);
    expect(causes[0]).toEqual({
      reason: 'FieldValueNotSupported',
      field: 'metadata.taints[0].effect',
      message: 'Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    });
    expect(causes.map((c) => c.reason)).toContain('FieldValueDuplicate');
  });

  it('rejects fractional pod capacity', () => {
    const node = { metadata: { name: 'n' }, status: { capacity: { pods: '1500m' } } };
    expect(lines(validateObject('Node', node as never))).toEqual(['status.capacity.pods: Invalid value: 1500m: must be an integer']);
  });

  it('lets podCIDRs be set once', () => {
    const old = { metadata: { name: 'n', resourceVersion: '1' }, spec: { podCIDRs: ['10.0.1.0/24'] } };
    const next = { metadata: { name: 'n', resourceVersion: '1' }, spec: { podCIDRs: ['10.0.2.0/24'], unschedulable: true } };
    expect(lines(validateObjectUpdate('Node', next as never, old as never))).toEqual([
      'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
    ]);
  });
});

describe('PersistentVolumeClaim validation', () => {
  const claim = (spec: Record<string, unknown>) => defaulted('PersistentVolumeClaim', { metadata: { name: 'data', namespace: 'default' }, spec });

  it('requires access modes and a storage request', () => {
    expect(lines(validateObject('PersistentVolumeClaim', claim({}) as never))).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ]);
  });

  it('checks access mode values and positive storage', () => {
    const c = claim({ accessModes: ['ReadWriteSometimes'], resources: { requests: { storage: '0' } } });
    expect(lines(validateObject('PersistentVolumeClaim', c as never))).toEqual([
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      'spec.resources[storage]: Invalid value: "0": must be greater than zero',
    ]);
  });

  it('allows growing a bound claim but nothing else', () => {
    const old = claim({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
    old.metadata.resourceVersion = '1';
    old.spec.volumeName = 'pv-1';
    old.status = { phase: 'Bound', capacity: { storage: '1Gi' } };
    const grown = JSON.parse(JSON.stringify(old));
    grown.spec.resources.requests.storage = '2Gi';
    expect(validateObjectUpdate('PersistentVolumeClaim', grown as never, old as never)).toEqual([]);
    const changed = JSON.parse(JSON.stringify(old));
    changed.spec.accessModes = ['ReadWriteMany'];
    const causes = validateObjectUpdate('PersistentVolumeClaim', changed as never, old as never);
    expect(causes).toHaveLength(1);
    expect(causes[0].message).toMatch(/^Forbidden: spec is immutable after creation except resources\.requests and volumeAttributesClassName for bound claims\n/);
    const shrunk = JSON.parse(JSON.stringify(old));
    shrunk.spec.resources.requests.storage = '512Mi';
    expect(lines(validateObjectUpdate('PersistentVolumeClaim', shrunk as never, old as never))).toEqual([
      'spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    ]);
  });
});
