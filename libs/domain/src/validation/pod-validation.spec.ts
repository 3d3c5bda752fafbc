import { validateObject, validateObjectUpdate } from './object-validation';
import { clone, pod } from './test-fixtures';

const fields = (causes: { field?: string }[]) => causes.map((c) => c.field);

describe('Pod validation', () => {
  it('accepts a defaulted pod', () => {
    expect(validateObject('Pod', pod() as never)).toEqual([]);
  });

  it('requires containers', () => {
    const p = pod();
    p.spec.containers = [];
    expect(validateObject('Pod', p as never)).toEqual([
      { reason: 'FieldValueRequired', field: 'spec.containers', message: 'Required value' },
    ]);
  });

  it('requires an image and a DNS-label container name', () => {
    const p = pod();
    p.spec.containers[0].name = 'Web_1';
    delete p.spec.containers[0].image;
    const causes = validateObject('Pod', p as never);
    expect(causes).toContainEqual({ reason: 'FieldValueRequired', field: 'spec.containers[0].image', message: 'Required value' });
    expect(causes.find((c) => c.field === 'spec.containers[0].name')?.message).toMatch(
      /^Invalid value: "Web_1": a lowercase RFC 1123 label must consist of/,
    );
  });

  it('rejects duplicate container names', () => {
    const p = pod();
    p.spec.containers.push(clone(p.spec.containers[0]));
    expect(validateObject('Pod', p as never)).toContainEqual({
      reason: 'FieldValueDuplicate',
      field: 'spec.containers[1].name',
      message: 'Duplicate value: "web"',
    });
  });

  it('checks port ranges, protocols and unique port names', () => {
    const p = pod();
    p.spec.containers[0].ports = [
      { name: 'http', containerPort: 70000, protocol: 'TCP' },
      { name: 'http', containerPort: 81, protocol: 'HTTP' },
    ];
    expect(validateObject('Pod', p as never)).toEqual([
      { reason: 'FieldValueInvalid', field: 'spec.containers[0].ports[0].containerPort', message: 'Invalid value: 70000: must be between 1 and 65535, inclusive' },
      { reason: 'FieldValueDuplicate', field: 'spec.containers[0].ports[1].name', message: 'Duplicate value: "http"' },
      { reason: 'FieldValueNotSupported', field: 'spec.containers[0].ports[1].protocol', message: 'Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"' },
    ]);
  });

  it('requires mounts to name a declared volume, with unique volume names', () => {
    const p = pod();
    p.spec.volumes = [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }];
    p.spec.containers[0].volumeMounts = [{ name: 'cache', mountPath: '/cache' }];
    const causes = validateObject('Pod', p as never);
    expect(causes).toContainEqual({ reason: 'FieldValueDuplicate', field: 'spec.volumes[1].name', message: 'Duplicate value: "data"' });
    expect(causes).toContainEqual({ reason: 'FieldValueNotFound', field: 'spec.containers[0].volumeMounts[0].name', message: 'Not found: "cache"' });
  });

  it('refuses two sources in one volume', () => {
    const p = pod();
    p.spec.volumes = [{ name: 'data', emptyDir: {}, configMap: { name: 'cfg' } }];
    expect(fields(validateObject('Pod', p as never))).toEqual(['spec.volumes[0].configMap']);
  });

  it('rejects unknown restart and DNS policies', () => {
    const p = pod();
    p.spec.restartPolicy = 'Sometimes';
    p.spec.dnsPolicy = 'Google';
    expect(validateObject('Pod', p as never)).toEqual([
      { reason: 'FieldValueNotSupported', field: 'spec.restartPolicy', message: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"' },
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.dnsPolicy',
        message: 'Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      },
    ]);
  });

  it('parses resource quantities and keeps requests within limits', () => {
    const p = pod();
    p.spec.containers[0].resources = { limits: { cpu: '500m', memory: 'lots' }, requests: { cpu: '1' } };
    expect(validateObject('Pod', p as never)).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.containers[0].resources.limits[memory]',
        message: `Invalid value: "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      },
      { reason: 'FieldValueInvalid', field: 'spec.containers[0].resources.requests', message: 'Invalid value: "1": must be less than or equal to cpu limit of 500m' },
    ]);
  });

  it('rejects unknown resource names', () => {
    const p = pod();
    p.spec.containers[0].resources = { limits: { gpu: '1' } };
    expect(validateObject('Pod', p as never).map((c) => c.message)).toEqual([
      'Invalid value: "gpu": must be a standard resource type or fully qualified',
      'Invalid value: "gpu": must be a standard resource for containers',
    ]);
  });

  it('checks probes: one handler, liveness successThreshold 1', () => {
    const p = pod();
    p.spec.containers[0].livenessProbe = { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, tcpSocket: { port: 80 }, successThreshold: 2, periodSeconds: -1 };
    expect(validateObject('Pod', p as never)).toEqual([
      { reason: 'FieldValueForbidden', field: 'spec.containers[0].livenessProbe.tcpSocket', message: 'Forbidden: may not specify more than 1 handler type' },
      { reason: 'FieldValueInvalid', field: 'spec.containers[0].livenessProbe.periodSeconds', message: 'Invalid value: -1: must be greater than or equal to 0' },
      { reason: 'FieldValueInvalid', field: 'spec.containers[0].livenessProbe.successThreshold', message: 'Invalid value: 2: must be 1' },
    ]);
  });

  it('requires a probe handler', () => {
    const p = pod();
    p.spec.containers[0].readinessProbe = { periodSeconds: 5 };
    expect(validateObject('Pod', p as never)).toEqual([
      { reason: 'FieldValueRequired', field: 'spec.containers[0].readinessProbe', message: 'Required value: must specify a handler type' },
    ]);
  });

  it('validates env names and valueFrom', () => {
    const p = pod();
    p.spec.containers[0].env = [
      { name: 'A=B', value: 'x' },
      { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nope' } } },
      { name: 'BOTH', value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    ];
    expect(validateObject('Pod', p as never)).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.containers[0].env[0].name',
        message: `Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      },
      { reason: 'FieldValueInvalid', field: 'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath', message: 'Invalid value: "spec.nope": error converting fieldPath: field label not supported: spec.nope' },
      { reason: 'FieldValueInvalid', field: 'spec.containers[0].env[2].valueFrom', message: 'Invalid value: "": may not be specified when `value` is not empty' },
    ]);
  });

  it('validates tolerations', () => {
    const p = pod();
    p.spec.tolerations.push({ operator: 'Equal', value: 'x', effect: 'NoSchedule' });
    expect(validateObject('Pod', p as never)).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.tolerations[2].operator',
        message: 'Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      },
    ]);
  });

  it('requires the namespace and a valid name', () => {
    const p = pod({ metadata: { name: 'Web' } });
    expect(validateObject('Pod', p as never).map((c) => c.field)).toEqual(['metadata.name', 'metadata.namespace']);
  });

  it('forbids ephemeral containers on create', () => {
    const p = pod();
    p.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' }];
    expect(validateObject('Pod', p as never)).toContainEqual({
      reason: 'FieldValueForbidden',
      field: 'spec.ephemeralContainers',
      message: 'Forbidden: cannot be set on create',
    });
  });

  it('requires the fields defaulting fills when defaults were skipped', () => {
    const raw = { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'i' }] } };
    expect(fields(validateObject('Pod', raw as never))).toEqual([
      'spec.terminationGracePeriodSeconds',
      'spec.containers[0].terminationMessagePolicy',
      'spec.containers[0].imagePullPolicy',
      'spec.restartPolicy',
      'spec.dnsPolicy',
    ]);
  });

  it('never throws on malformed input', () => {
    for (const bad of [{}, { metadata: null }, { metadata: { name: 5 }, spec: { containers: 'x', volumes: [null, 3] } }]) {
      expect(() => validateObject('Pod', bad as never)).not.toThrow();
    }
  });
});

describe('Pod update validation', () => {
  const stored = () => {
    const p = pod();
    p.metadata.uid = 'u1';
    p.metadata.resourceVersion = '5';
    p.metadata.creationTimestamp = '2025-01-01T00:00:00Z';
    return p;
  };

  it('allows changing the image', () => {
    const old = stored();
    const next = clone(old);
    next.spec.containers[0].image = 'nginx:1.28';
    expect(validateObjectUpdate('Pod', next as never, old as never)).toEqual([]);
  });

  it('forbids other spec changes with the server message and a diff', () => {
    const old = stored();
    const next = clone(old);
    next.spec.containers[0].ports[0].containerPort = 8080;
    const causes = validateObjectUpdate('Pod', next as never, old as never);
    expect(causes).toHaveLength(1);
    expect(causes[0].field).toBe('spec');
    expect(causes[0].reason).toBe('FieldValueForbidden');
    expect(causes[0].message).toMatch(
      /^Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/,
    );
    expect(causes[0].message).toContain('- \tcontainers[0].ports[0].containerPort: 80,');
    expect(causes[0].message).toContain('+ \tcontainers[0].ports[0].containerPort: 8080,');
  });

  it('forbids adding containers', () => {
    const old = stored();
    const next = clone(old);
    next.spec.containers.push({ ...clone(old.spec.containers[0]), name: 'side' });
    expect(validateObjectUpdate('Pod', next as never, old as never)).toEqual([
      { reason: 'FieldValueForbidden', field: 'spec.containers', message: 'Forbidden: pod updates may not add or remove containers' },
    ]);
  });

  it('allows adding tolerations and lowering activeDeadlineSeconds', () => {
    const old = stored();
    old.spec.activeDeadlineSeconds = 100;
    const next = clone(old);
    next.spec.activeDeadlineSeconds = 50;
    next.spec.tolerations.push({ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' });
    expect(validateObjectUpdate('Pod', next as never, old as never)).toEqual([]);
    next.spec.activeDeadlineSeconds = 200;
    expect(validateObjectUpdate('Pod', next as never, old as never)).toEqual([
      { reason: 'FieldValueInvalid', field: 'spec.activeDeadlineSeconds', message: 'Invalid value: 200: must be less than or equal to previous value' },
    ]);
  });

  it('forbids changing an existing toleration except its seconds', () => {
    const old = stored();
    const next = clone(old);
    next.spec.tolerations[0].tolerationSeconds = 30;
    expect(validateObjectUpdate('Pod', next as never, old as never)).toEqual([]);
    next.spec.tolerations[0].effect = 'NoSchedule';
    expect(validateObjectUpdate('Pod', next as never, old as never)).toContainEqual({
      reason: 'FieldValueForbidden',
      field: 'spec.tolerations',
      message: 'Forbidden: existing toleration can not be modified except its tolerationSeconds',
    });
  });

  it('keeps name and namespace immutable', () => {
    const old = stored();
    const next = clone(old);
    next.metadata.name = 'other';
    expect(validateObjectUpdate('Pod', next as never, old as never)).toContainEqual({
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
      message: 'Invalid value: "other": field is immutable',
    });
  });
});
