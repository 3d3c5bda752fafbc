import { defaulted } from './test-fixtures';
import { validateObject } from './object-validation';

const lines = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

describe('Event validation', () => {
  const event = (extra: Record<string, unknown> = {}) => ({
    metadata: { name: 'web.17a', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
    reason: 'Scheduled',
    message: 'ok',
    ...extra,
  });

  it('accepts an event about an object in its namespace', () => {
    expect(validateObject('Event', event() as never)).toEqual([]);
  });

  it('requires the involved object to be in the event namespace', () => {
    const e = event({ involvedObject: { kind: 'Pod', name: 'web', namespace: 'other' } });
    expect(lines(validateObject('Event', e as never))).toEqual(['involvedObject.namespace: Invalid value: "other": does not match event.namespace']);
  });

  it('requires the reporter of new-style events', () => {
    const e = event({ eventTime: '2025-01-01T00:00:00.000000Z' });
    expect(lines(validateObject('Event', e as never)).map((l) => l.split(':')[0])).toEqual([
      'reportingController',
      'reportingController',
      'reportingController',
      'reportingInstance',
      'action',
    ]);
  });

  it('only checks that names are path segments', () => {
    expect(validateObject('Event', event({ metadata: { name: 'Web.17A_x', namespace: 'default' } }) as never)).toEqual([]);
    expect(lines(validateObject('Event', event({ metadata: { name: 'a/b', namespace: 'default' } }) as never))).toEqual([
      `metadata.name: Invalid value: "a/b": may not contain '/'`,
    ]);
  });
});

describe('HorizontalPodAutoscaler validation', () => {
  const hpa = (spec: Record<string, unknown>) =>
    defaulted('HorizontalPodAutoscaler', {
      metadata: { name: 'web', namespace: 'default' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec },
    });

  it('accepts a defaulted autoscaler', () => {
    expect(validateObject('HorizontalPodAutoscaler', hpa({}) as never)).toEqual([]);
  });

  it('bounds minReplicas and maxReplicas', () => {
    expect(lines(validateObject('HorizontalPodAutoscaler', hpa({ minReplicas: 0, maxReplicas: 0 }) as never))).toEqual([
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
    ]);
    expect(lines(validateObject('HorizontalPodAutoscaler', hpa({ minReplicas: 3, maxReplicas: 2 }) as never))).toEqual([
      'spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`',
    ]);
  });

  it('requires a scale target', () => {
    expect(lines(validateObject('HorizontalPodAutoscaler', hpa({ scaleTargetRef: { kind: 'Deployment' } }) as never))).toEqual([
      'spec.scaleTargetRef.name: Required value',
    ]);
  });

  it('requires each metric to carry its source', () => {
    const h = hpa({ metrics: [{ type: 'Resource' }, { type: 'Pods', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] });
    expect(lines(validateObject('HorizontalPodAutoscaler', h as never))).toEqual([
      'spec.metrics[0].resource: Required value: must populate information for the given metric source',
      'spec.metrics[1].pods: Required value: must populate information for the given metric source',
    ]);
  });
});

describe('Lease validation', () => {
  it('requires a positive duration', () => {
    const lease = { metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 0 } };
    expect(lines(validateObject('Lease', lease as never))).toEqual(['spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0']);
  });
});

describe('Endpoints validation', () => {
  it('accepts loopback pod addresses (Skiff process runtime)', () => {
    const ep = defaulted('Endpoints', {
      metadata: { name: 'web', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '127.64.1.5' }], ports: [{ port: 80 }] }],
    });
    expect(ep.subsets[0].ports[0].protocol).toBe('TCP');
    expect(validateObject('Endpoints', ep as never)).toEqual([]);
  });

  it('requires addresses and valid IPs', () => {
    const ep = { metadata: { name: 'web', namespace: 'default' }, subsets: [{ ports: [{ port: 80, protocol: 'TCP' }] }, { addresses: [{ ip: 'x' }] }] };
    expect(lines(validateObject('Endpoints', ep as never))).toEqual([
      'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
      'subsets[1].addresses[0].ip: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });
});
