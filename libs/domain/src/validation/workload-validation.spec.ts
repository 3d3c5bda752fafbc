import { clone, defaulted, podTemplate } from './test-fixtures';
import { validateObject, validateObjectUpdate } from './object-validation';

const lines = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

function replicaSet() {
  return defaulted('ReplicaSet', {
    metadata: { name: 'web-abc', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate() },
  });
}

function replicationController() {
  return defaulted('ReplicationController', { metadata: { name: 'web', namespace: 'default' }, spec: { template: podTemplate() } });
}

function daemonSet() {
  return defaulted('DaemonSet', {
    metadata: { name: 'agent', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate() },
  });
}

function statefulSet() {
  const t = podTemplate();
  t.spec.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data' }];
  return defaulted('StatefulSet', {
    metadata: { name: 'db', namespace: 'default' },
    spec: {
      serviceName: 'db',
      selector: { matchLabels: { app: 'web' } },
      template: t,
      volumeClaimTemplates: [
        { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
      ],
    },
  });
}

describe('ReplicaSet validation', () => {
  it('accepts a defaulted replica set', () => {
    expect(validateObject('ReplicaSet', replicaSet() as never)).toEqual([]);
  });

  it('rejects an empty selector with the server wording', () => {
    const rs = replicaSet();
    rs.spec.selector = { matchLabels: {} };
    expect(lines(validateObject('ReplicaSet', rs as never))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });

  it('forbids activeDeadlineSeconds in the template', () => {
    const rs = replicaSet();
    rs.spec.template.spec.activeDeadlineSeconds = 10;
    expect(lines(validateObject('ReplicaSet', rs as never))).toEqual([
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ]);
  });

  it('keeps the selector immutable', () => {
    const old = replicaSet();
    const next = clone(old);
    next.spec.selector.matchLabels = { app: 'web', v: '2' };
    next.spec.template.metadata.labels.v = '2';
    expect(validateObjectUpdate('ReplicaSet', next as never, old as never).map((c) => c.field)).toEqual(['spec.selector']);
  });
});

describe('ReplicationController validation', () => {
  it('takes its selector and labels from the template', () => {
    const rc = replicationController();
    expect(rc.spec.selector).toEqual({ app: 'web' });
    expect(rc.metadata.labels).toEqual({ app: 'web' });
    expect(validateObject('ReplicationController', rc as never)).toEqual([]);
  });

  it('requires a selector and a template', () => {
    const rc = defaulted('ReplicationController', { metadata: { name: 'x', namespace: 'default' }, spec: {} });
    expect(lines(validateObject('ReplicationController', rc as never))).toEqual(['spec.selector: Required value', 'spec.template: Required value']);
  });

  it('reports a selector that does not match', () => {
    const rc = replicationController();
    rc.spec.selector = { app: 'other' };
    expect(lines(validateObject('ReplicationController', rc as never))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('lets the selector change on update', () => {
    const old = replicationController();
    const next = clone(old);
    next.spec.selector = { app: 'web' };
    next.spec.replicas = 3;
    expect(validateObjectUpdate('ReplicationController', next as never, old as never)).toEqual([]);
  });
});

describe('DaemonSet validation', () => {
  it('accepts a defaulted daemon set', () => {
    expect(validateObject('DaemonSet', daemonSet() as never)).toEqual([]);
  });

  it('reports a missing selector only as a label mismatch, like apps/v1', () => {
    const ds = daemonSet();
    delete ds.spec.selector;
    expect(lines(validateObject('DaemonSet', ds as never))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('checks the rolling update: exactly one of maxSurge and maxUnavailable', () => {
    const ds = daemonSet();
    ds.spec.updateStrategy.rollingUpdate = { maxUnavailable: 1, maxSurge: 1 };
    expect(lines(validateObject('DaemonSet', ds as never))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
    ]);
    ds.spec.updateStrategy.rollingUpdate = { maxUnavailable: 0, maxSurge: 0 };
    expect(lines(validateObject('DaemonSet', ds as never))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ]);
    ds.spec.updateStrategy = { type: 'Sometimes' };
    expect(validateObject('DaemonSet', ds as never)[0].reason).toBe('FieldValueNotSupported');
  });
});

describe('StatefulSet validation', () => {
  it('accepts a defaulted stateful set whose mounts use claim templates', () => {
    expect(validateObject('StatefulSet', statefulSet() as never)).toEqual([]);
  });

  it('names must be DNS labels', () => {
    const s = statefulSet();
    s.metadata.name = 'db.example';
    expect(lines(validateObject('StatefulSet', s as never))).toEqual(['metadata.name: Invalid value: "db.example": must not contain dots']);
  });

  it('checks podManagementPolicy, updateStrategy and retention policy values', () => {
    const s = statefulSet();
    s.spec.podManagementPolicy = 'Fast';
    s.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 1 } };
    s.spec.persistentVolumeClaimRetentionPolicy.whenDeleted = 'Keep';
    expect(lines(validateObject('StatefulSet', s as never))).toEqual([
      `spec.podManagementPolicy: Invalid value: "Fast": must be 'OrderedReady' or 'Parallel'`,
      `spec.updateStrategy.rollingUpdate: Invalid value: {"partition":1}: only allowed for updateStrategy 'RollingUpdate'`,
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    ]);
  });

  it('rejects a negative partition and a bad serviceName', () => {
    const s = statefulSet();
    s.spec.updateStrategy.rollingUpdate.partition = -1;
    s.spec.serviceName = 'DB';
    expect(lines(validateObject('StatefulSet', s as never)).map((l) => l.split(':')[0])).toEqual([
      'spec.updateStrategy.rollingUpdate.partition',
      'spec.serviceName',
    ]);
  });

  it('allows replicas, template and updateStrategy to change but nothing else', () => {
    const old = statefulSet();
    const next = clone(old);
    next.spec.replicas = 3;
    next.spec.template.spec.containers[0].image = 'postgres:17';
    expect(validateObjectUpdate('StatefulSet', next as never, old as never)).toEqual([]);
    next.spec.volumeClaimTemplates[0].spec.resources.requests.storage = '2Gi';
    expect(lines(validateObjectUpdate('StatefulSet', next as never, old as never))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });
});

describe('ControllerRevision validation', () => {
  it('requires data and freezes it', () => {
    const cr = { metadata: { name: 'db-7d9', namespace: 'default' }, revision: 1, data: { spec: {} } };
    expect(validateObject('ControllerRevision', cr as never)).toEqual([]);
    expect(lines(validateObject('ControllerRevision', { ...cr, data: undefined } as never))).toEqual(['data: Required value: data is mandatory']);
    const next = { ...cr, data: { spec: { x: 1 } } };
    expect(validateObjectUpdate('ControllerRevision', next as never, cr as never).map((c) => c.field)).toEqual(['data']);
  });
});
