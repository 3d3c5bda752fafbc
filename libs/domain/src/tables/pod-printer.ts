import type { KubeObject } from '../meta/types';
import { asArr, asNum, asObj, asStr, dig, Obj, orElse } from './format';
import { humanDuration, parseTimestamp, since } from './human-duration';
import { AGE_COLUMN, column, NAME_COLUMN, TablePrinter, TableRowCondition, wideColumn } from './types';

/** Reason the node controller gives pods of a node that stopped reporting. */
const NODE_UNREACHABLE_REASON = 'NodeLost';

const isSidecar = (container: Obj | undefined): boolean => container?.restartPolicy === 'Always';

function hasCondition(status: Obj, type: string): boolean {
  return asArr(status.conditions).some((c) => c.type === type && c.status === 'True');
}

/** Latest `finishedAt` of the previous runs, as epoch milliseconds (0 when none). */
function lastTermination(containerStatus: Obj): number {
  return parseTimestamp(dig(containerStatus, 'lastState', 'terminated').finishedAt) ?? 0;
}

function exitText(prefix: string, terminated: Obj): string {
  const signal = asNum(terminated.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${asNum(terminated.exitCode)}`;
}

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  lastRestart: number;
}

/** READY, STATUS and RESTARTS of a pod, worked out the way kubectl has always shown them. */
export function summarizePod(pod: KubeObject): PodSummary {
  const spec = asObj(pod.spec);
  const status = asObj(pod.status);
  const initSpecs = new Map(asArr(spec.initContainers).map((c) => [asStr(c.name), c]));
  const phase = asStr(status.phase);
  let reason = asStr(status.reason) || phase;
  if (asArr(status.conditions).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const total = asArr(spec.containers).length + [...initSpecs.values()].filter(isSidecar).length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let lastSidecarRestart = 0;

  let initializing = false;
  const initStatuses = asArr(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const sidecar = isSidecar(initSpecs.get(asStr(c.name)));
    restarts += asNum(c.restartCount);
    lastRestart = Math.max(lastRestart, lastTermination(c));
    if (sidecar) {
      sidecarRestarts += asNum(c.restartCount);
      lastSidecarRestart = Math.max(lastSidecarRestart, lastTermination(c));
    }
    const state = asObj(c.state);
    const terminated = asObj(state.terminated);
    const waiting = asObj(state.waiting);
    if (state.terminated && asNum(terminated.exitCode) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready === true) ready++;
      continue;
    }
    if (state.terminated) reason = terminated.reason ? `Init:${asStr(terminated.reason)}` : exitText('Init:', terminated);
    else if (asStr(waiting.reason) && waiting.reason !== 'PodInitializing') reason = `Init:${asStr(waiting.reason)}`;
    else reason = `Init:${i}/${initSpecs.size}`;
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(status, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = asArr(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += asNum(c.restartCount);
      lastRestart = Math.max(lastRestart, lastTermination(c));
      const state = asObj(c.state);
      const waiting = asObj(state.waiting);
      const terminated = asObj(state.terminated);
      if (state.waiting && waiting.reason) reason = asStr(waiting.reason);
      else if (state.terminated && terminated.reason) reason = asStr(terminated.reason);
      else if (state.terminated) reason = exitText('', terminated);
      else if (c.ready === true && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(status, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  if (deleting && status.reason === NODE_UNREACHABLE_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  return { ready, total, reason, restarts, lastRestart };
}

function readinessGates(pod: KubeObject): string {
  const gates = asArr(asObj(pod.spec).readinessGates);
  if (!gates.length) return '<none>';
  const conditions = asArr(asObj(pod.status).conditions);
  const met = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${met}/${gates.length}`;
}

export const POD_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Ready containers out of all containers of the pod.'),
    column('Status', 'string', 'Overall state of the pod and its containers.'),
    column('Restarts', 'string', 'Container restarts, and how long ago the last one was.'),
    AGE_COLUMN,
    wideColumn('IP', 'string', 'IP address of the pod.'),
    wideColumn('Node', 'string', 'Node the pod is bound to.'),
    wideColumn('Nominated Node', 'string', 'Node the pod is expected to run on once preemption completes.'),
    wideColumn('Readiness Gates', 'string', 'Readiness gates met out of those declared.'),
  ],
  cells(pod, now) {
    const s = summarizePod(pod);
    const restarts = s.restarts !== 0 && s.lastRestart !== 0 ? `${s.restarts} (${humanDuration(now.getTime() - s.lastRestart)} ago)` : String(s.restarts);
    const status = asObj(pod.status);
    const podIP = asStr(asArr(status.podIPs)[0]?.ip) || asStr(status.podIP);
    return [
      pod.metadata?.name ?? '',
      `${s.ready}/${s.total}`,
      s.reason,
      restarts,
      since(pod.metadata?.creationTimestamp, now),
      podIP || '<none>',
      orElse(asObj(pod.spec).nodeName, '<none>'),
      orElse(status.nominatedNodeName, '<none>'),
      readinessGates(pod),
    ];
  },
  conditions(pod): TableRowCondition[] | undefined {
    const phase = asObj(pod.status).phase;
    if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    if (phase === 'Failed') return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    return undefined;
  },
};
