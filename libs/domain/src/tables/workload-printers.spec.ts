import type { KubeObject } from '../meta/types';
import {
  CONTROLLER_REVISION_PRINTER, DAEMON_SET_PRINTER, DEPLOYMENT_PRINTER, formatHpaMetrics, HPA_PRINTER, REPLICA_SET_PRINTER,
  REPLICATION_CONTROLLER_PRINTER, STATEFUL_SET_PRINTER,
} from './workload-printers';

const now = new Date('2025-06-01T12:00:00Z');
const created = '2025-06-01T11:00:00Z';
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'fluentbit' }] } };
const obj = (kind: string, rest: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject => ({ kind, metadata: { name: 'web', creationTimestamp: created, ...metadata }, ...rest });

describe('workload table rows', () => {
  it('prints a deployment as READY UP-TO-DATE AVAILABLE AGE, then containers, images and selector', () => {
    const d = obj('Deployment', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, template },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    });
    expect(DEPLOYMENT_PRINTER.cells(d, now)).toEqual(['web', '2/3', 3, 2, '60m', 'web,log', 'nginx:1.27,fluentbit', 'app=web,tier in (a,b)']);
    expect(DEPLOYMENT_PRINTER.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0], ['Ready', 0], ['Up-to-date', 0], ['Available', 0], ['Age', 0], ['Containers', 1], ['Images', 1], ['Selector', 1],
    ]);
  });

  it('prints zero counts for a workload with no status yet', () => {
    expect(DEPLOYMENT_PRINTER.cells(obj('Deployment', { spec: { replicas: 2, selector: {}, template } }), now).slice(1, 4)).toEqual(['0/2', 0, 0]);
  });

  it('prints replica sets and replication controllers as DESIRED CURRENT READY', () => {
    const rs = obj('ReplicaSet', { spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template }, status: { replicas: 2, readyReplicas: 1 } });
    expect(REPLICA_SET_PRINTER.cells(rs, now)).toEqual(['web', 2, 2, 1, '60m', 'web,log', 'nginx:1.27,fluentbit', 'app=web']);
    const rc = obj('ReplicationController', { spec: { replicas: 1, selector: { b: '2', a: '1' }, template }, status: { replicas: 1, readyReplicas: 1 } });
    expect(REPLICATION_CONTROLLER_PRINTER.cells(rc, now).slice(1)).toEqual([1, 1, 1, '60m', 'web,log', 'nginx:1.27,fluentbit', 'a=1,b=2']);
  });

  it('prints a stateful set as ready out of desired', () => {
    const sts = obj('StatefulSet', { spec: { replicas: 3, template }, status: { readyReplicas: 1 } });
    expect(STATEFUL_SET_PRINTER.cells(sts, now)).toEqual(['web', '1/3', '60m', 'web,log', 'nginx:1.27,fluentbit']);
  });

  it('prints a daemon set with its node selector', () => {
    const ds = obj('DaemonSet', {
      spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    });
    expect(DAEMON_SET_PRINTER.cells(ds, now)).toEqual(['web', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '60m', 'web,log', 'nginx:1.27,fluentbit', 'app=web']);
    expect(DAEMON_SET_PRINTER.cells(obj('DaemonSet', { spec: { template: {} } }), now)[6]).toBe('<none>');
  });

  it('prints the controller of a revision as kind.group/name', () => {
    const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true };
    expect(CONTROLLER_REVISION_PRINTER.cells(obj('ControllerRevision', { revision: 4 }, { ownerReferences: [owner] }), now)).toEqual(['web', 'statefulset.apps/db', 4, '60m']);
    expect(CONTROLLER_REVISION_PRINTER.cells(obj('ControllerRevision', { revision: 1 }), now)[1]).toBe('<none>');
  });

  it('prints an autoscaler with its reference, targets and bounds', () => {
    const hpa = obj('HorizontalPodAutoscaler', {
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] },
      status: { currentReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 41 } } }] },
    });
    expect(HPA_PRINTER.cells(hpa, now)).toEqual(['web', 'Deployment/web', 'cpu: 41%/80%', '2', 10, 3, '60m']);
    expect(HPA_PRINTER.cells(obj('HorizontalPodAutoscaler', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5 } }), now).slice(2, 4)).toEqual(['<none>', '<unset>']);
  });
});

describe('formatHpaMetrics', () => {
  const resource = (name: string, target: object) => ({ type: 'Resource', resource: { name, target } });

  it('shows <unknown> until a metric has been read', () => {
    expect(formatHpaMetrics([resource('cpu', { type: 'Utilization', averageUtilization: 50 })], [])).toBe('cpu: <unknown>/50%');
    expect(formatHpaMetrics([resource('memory', { type: 'AverageValue', averageValue: '100Mi' })], [])).toBe('memory: <unknown>/100Mi');
  });

  it('formats pods, object and external metrics', () => {
    const specs = [
      { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } },
      { type: 'Object', object: { metric: { name: 'hits' }, target: { type: 'Value', value: '2k' } } },
      { type: 'External', external: { metric: { name: 'q' }, target: { type: 'AverageValue', averageValue: '30' } } },
    ];
    const statuses = [{ type: 'Pods', pods: { current: { averageValue: '7' } } }, { type: 'Object', object: { current: { value: '1500' } } }, { type: 'External', external: { current: { averageValue: '12' } } }];
    expect(formatHpaMetrics(specs.slice(0, 2), statuses)).toBe('7/10, 1500/2k');
    expect(formatHpaMetrics([specs[2]], [statuses[2]])).toBe('12/30 (avg)');
  });

  it('shows two metrics and counts the rest', () => {
    const cpu = resource('cpu', { type: 'Utilization', averageUtilization: 50 });
    expect(formatHpaMetrics([cpu, cpu, cpu, cpu], [])).toBe('cpu: <unknown>/50%, cpu: <unknown>/50% + 2 more...');
  });
});
