import type { KubeObject } from '../meta/types';
import { POD_PRINTER } from './pod-printer';

const now = new Date('2025-06-01T12:00:00Z');
const ago = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString();

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: ago(90), ...metadata }, spec: { containers: [{ name: 'app' }], ...spec }, status };
}

const running = { name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: ago(60) } } };
const cells = (p: KubeObject) => POD_PRINTER.cells(p, now);
const statusOf = (p: KubeObject) => cells(p)[2];

describe('pod table rows', () => {
  it('prints name, ready count, status, restarts and age, then the wide cells', () => {
    const p = pod({ nodeName: 'n1' }, { phase: 'Running', podIPs: [{ ip: '10.1.0.4' }], podIP: '10.1.0.4', containerStatuses: [running] });
    expect(cells(p)).toEqual(['p', '1/1', 'Running', '0', '90s', '10.1.0.4', 'n1', '<none>', '<none>']);
  });

  it('shows the restart count with the time since the last restart', () => {
    const c = { ...running, restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(125) } } };
    expect(cells(pod({}, { phase: 'Running', containerStatuses: [c] }))[3]).toBe('3 (2m5s ago)');
  });

  it('shows the waiting reason of a container', () => {
    const c = { name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } };
    expect(cells(pod({}, { phase: 'Running', containerStatuses: [c] })).slice(1, 4)).toEqual(['0/1', 'CrashLoopBackOff', '4']);
  });

  it('shows the termination reason, or the exit code or signal when there is none', () => {
    const done = (terminated: object) => statusOf(pod({}, { phase: 'Running', containerStatuses: [{ name: 'app', restartCount: 0, state: { terminated } }] }));
    expect(done({ exitCode: 0, reason: 'Completed' })).toBe('Completed');
    expect(done({ exitCode: 2 })).toBe('ExitCode:2');
    expect(done({ exitCode: 137, signal: 9 })).toBe('Signal:9');
  });

  it('keeps Running when one container completed and another still runs', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    const statuses = [{ ...running, name: 'a' }, { name: 'b', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }];
    expect(statusOf(pod(spec, { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: statuses }))).toBe('Running');
    expect(statusOf(pod(spec, { phase: 'Running', containerStatuses: statuses }))).toBe('NotReady');
  });

  it('shows init progress while init containers run', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    const status = (i1: object, i2: object) => ({ phase: 'Pending', initContainerStatuses: [{ name: 'i1', restartCount: 0, ...i1 }, { name: 'i2', restartCount: 0, ...i2 }], containerStatuses: [{ name: 'app', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] });
    expect(statusOf(pod(spec, status({ state: { running: {} } }, { state: { waiting: { reason: 'PodInitializing' } } })))).toBe('Init:0/2');
    expect(statusOf(pod(spec, status({ state: { terminated: { exitCode: 0 } } }, { state: { running: {} } })))).toBe('Init:1/2');
    expect(statusOf(pod(spec, status({ state: { waiting: { reason: 'ImagePullBackOff' } } }, {})))).toBe('Init:ImagePullBackOff');
    expect(statusOf(pod(spec, status({ state: { terminated: { exitCode: 1, reason: 'Error' } } }, {})))).toBe('Init:Error');
    expect(statusOf(pod(spec, status({ state: { terminated: { exitCode: 3 } } }, {})))).toBe('Init:ExitCode:3');
  });

  it('counts a started sidecar among the containers and its restarts', () => {
    const spec = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] };
    const status = {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'proxy', ready: true, started: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } } }],
      containerStatuses: [running],
    };
    expect(cells(pod(spec, status)).slice(1, 4)).toEqual(['2/2', 'Running', '1 (30s ago)']);
  });

  it('shows Terminating once deletion was requested, and Unknown for pods of a lost node', () => {
    const deleting = { deletionTimestamp: ago(1) };
    expect(statusOf(pod({}, { phase: 'Running', containerStatuses: [running] }, deleting))).toBe('Terminating');
    expect(statusOf(pod({}, { phase: 'Succeeded' }, deleting))).toBe('Succeeded');
    expect(statusOf(pod({}, { phase: 'Running', reason: 'NodeLost' }, deleting))).toBe('Unknown');
  });

  it('shows SchedulingGated and the pod reason when they apply', () => {
    expect(statusOf(pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }))).toBe('SchedulingGated');
    expect(statusOf(pod({}, { phase: 'Failed', reason: 'Evicted' }))).toBe('Evicted');
  });

  it('counts readiness gates whose condition is True', () => {
    const p = pod({ readinessGates: [{ conditionType: 'a' }, { conditionType: 'b' }] }, { phase: 'Running', conditions: [{ type: 'a', status: 'True' }, { type: 'b', status: 'False' }] });
    expect(cells(p)[8]).toBe('1/2');
  });

  it('marks finished pods as completed rows', () => {
    expect(POD_PRINTER.conditions?.(pod({}, { phase: 'Succeeded' }))).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    expect(POD_PRINTER.conditions?.(pod({}, { phase: 'Failed' }))?.[0].reason).toBe('Failed');
    expect(POD_PRINTER.conditions?.(pod({}, { phase: 'Running' }))).toBeUndefined();
  });
});
