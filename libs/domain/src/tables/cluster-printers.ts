import type { KubeObject } from '../meta/types';
import { asArr, asNum, asObj, asStr, dig, orElse } from './format';
import { since } from './human-duration';
import { AGE_COLUMN, column, NAME_COLUMN, TablePrinter, wideColumn } from './types';

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';

/** Roles of a node from its `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX) && key.length > ROLE_LABEL_PREFIX.length) roles.add(key.slice(ROLE_LABEL_PREFIX.length));
    else if (key === LEGACY_ROLE_LABEL && value) roles.add(value);
  }
  return [...roles].sort();
}

/** The STATUS cell of a node: `Ready`, `NotReady`, `Unknown`, plus `SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const ready = asArr(asObj(node.status).conditions).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (asObj(node.spec).unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: KubeObject, type: string): string {
  return asStr(asArr(asObj(node.status).addresses).find((a) => a.type === type)?.address) || '<none>';
}

export const NODE_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Status', 'string', 'Readiness of the node, and whether it accepts new pods.'),
    column('Roles', 'string', 'Roles of the node, from its node-role labels.'),
    AGE_COLUMN,
    column('Version', 'string', 'Kubelet version of the node.'),
    wideColumn('Internal-IP', 'string', 'First internal IP of the node.'),
    wideColumn('External-IP', 'string', 'First external IP of the node.'),
    wideColumn('OS-Image', 'string', 'Operating system image of the node.'),
    wideColumn('Kernel-Version', 'string', 'Kernel version of the node.'),
    wideColumn('Container-Runtime', 'string', 'Container runtime and its version.'),
  ],
  cells(node, now) {
    const info = dig(node.status, 'nodeInfo');
    const roles = nodeRoles(node).join(',');
    return [
      node.metadata?.name ?? '',
      nodeStatus(node),
      roles || '<none>',
      since(node.metadata?.creationTimestamp, now),
      asStr(info.kubeletVersion),
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      orElse(info.osImage, '<unknown>'),
      orElse(info.kernelVersion, '<unknown>'),
      orElse(info.containerRuntimeVersion, '<unknown>'),
    ];
  },
};

export const NAMESPACE_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, column('Status', 'string', 'Phase of the namespace: Active or Terminating.'), AGE_COLUMN],
  cells(ns, now) {
    return [ns.metadata?.name ?? '', asStr(asObj(ns.status).phase), since(ns.metadata?.creationTimestamp, now)];
  },
};

function eventSource(ev: KubeObject): string {
  const source = asObj(ev.source);
  const component = asStr(source.component) || asStr(ev.reportingComponent);
  const instance = asStr(source.host) || asStr(ev.reportingInstance);
  return instance ? `${component}, ${instance}` : component;
}

export const EVENT_PRINTER: TablePrinter = {
  columns: [
    column('Last Seen', 'string', 'Time since the event was last seen.'),
    column('Type', 'string', 'Normal or Warning.'),
    column('Reason', 'string', 'Short reason of the event.'),
    column('Object', 'string', 'The object the event is about.'),
    wideColumn('Subobject', 'string', 'Part of the object, e.g. one container.'),
    wideColumn('Source', 'string', 'Component that reported the event.'),
    column('Message', 'string', 'What happened.'),
    wideColumn('First Seen', 'string', 'Time since the event was first seen.'),
    wideColumn('Count', 'string', 'Times the event was seen.'),
    { ...NAME_COLUMN, priority: 1 },
  ],
  cells(ev, now) {
    const first = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
    let last = ev.lastTimestamp ? since(ev.lastTimestamp, now) : first;
    let count = asNum(ev.count);
    const series = ev.series ? asObj(ev.series) : undefined;
    if (series) {
      last = since(series.lastObservedTime, now);
      count = asNum(series.count);
    } else if (count === 0) {
      count = 1; // singleton events written through events.k8s.io carry no count
    }
    const involved = asObj(ev.involvedObject);
    const kind = asStr(involved.kind).toLowerCase();
    const target = asStr(involved.name) ? `${kind}/${asStr(involved.name)}` : kind;
    return [last, asStr(ev.type), asStr(ev.reason), target, asStr(involved.fieldPath), eventSource(ev), asStr(ev.message).trim(), first, count, ev.metadata?.name ?? ''];
  },
};

export const LEASE_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, column('Holder', 'string', 'Identity of the current holder of the lease.'), AGE_COLUMN],
  cells(lease, now) {
    return [lease.metadata?.name ?? '', asStr(asObj(lease.spec).holderIdentity), since(lease.metadata?.creationTimestamp, now)];
  },
};
