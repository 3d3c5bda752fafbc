import type { KubeObject } from '../meta/types';
import { asArr, asNum, asObj, asStr, containerCells, dig, formatLabels, formatLabelSelector, labelSelectorString } from './format';
import { since } from './human-duration';
import { AGE_COLUMN, column, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, TablePrinter, wideColumn } from './types';

const name = (o: KubeObject): string => o.metadata?.name ?? '';
const age = (o: KubeObject, now: Date): string => since(o.metadata?.creationTimestamp, now);
const spec = (o: KubeObject) => asObj(o.spec);
const status = (o: KubeObject) => asObj(o.status);
/** spec.replicas as the server defaults it. */
const desired = (o: KubeObject): number => asNum(spec(o).replicas, 1);
const podSpec = (o: KubeObject) => dig(o.spec, 'template', 'spec');

/** The -o wide columns of the kinds that own pods through a selector. */
const POD_OWNER_WIDE_COLUMNS = [CONTAINERS_COLUMN, IMAGES_COLUMN, wideColumn('Selector', 'string', 'Label selector of the pods.')];

export const DEPLOYMENT_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'Ready pods out of the desired number.'),
    column('Up-to-date', 'string', 'Pods running the current template.'),
    column('Available', 'string', 'Pods available to serve.'),
    AGE_COLUMN,
    ...POD_OWNER_WIDE_COLUMNS,
  ],
  cells(o, now) {
    const s = status(o);
    const selector = labelSelectorString(spec(o).selector);
    return [
      name(o),
      `${asNum(s.readyReplicas)}/${desired(o)}`,
      asNum(s.updatedReplicas),
      asNum(s.availableReplicas),
      age(o, now),
      ...containerCells(podSpec(o)),
      selector === undefined ? '<invalid>' : selector,
    ];
  },
};

export const REPLICA_SET_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Number of pods wanted.'),
    column('Current', 'integer', 'Number of pods that exist.'),
    column('Ready', 'integer', 'Number of pods ready.'),
    AGE_COLUMN,
    ...POD_OWNER_WIDE_COLUMNS,
  ],
  cells(o, now) {
    const s = status(o);
    return [name(o), desired(o), asNum(s.replicas), asNum(s.readyReplicas), age(o, now), ...containerCells(podSpec(o)), formatLabelSelector(spec(o).selector)];
  },
};

export const REPLICATION_CONTROLLER_PRINTER: TablePrinter = {
  columns: REPLICA_SET_PRINTER.columns,
  cells(o, now) {
    const s = status(o);
    return [name(o), desired(o), asNum(s.replicas), asNum(s.readyReplicas), age(o, now), ...containerCells(podSpec(o)), formatLabels(spec(o).selector)];
  },
};

export const STATEFUL_SET_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, column('Ready', 'string', 'Ready pods out of the desired number.'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  cells(o, now) {
    return [name(o), `${asNum(status(o).readyReplicas)}/${desired(o)}`, age(o, now), ...containerCells(podSpec(o))];
  },
};

export const DAEMON_SET_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Nodes that should run the daemon pod.'),
    column('Current', 'integer', 'Nodes running the daemon pod.'),
    column('Ready', 'integer', 'Nodes whose daemon pod is ready.'),
    column('Up-to-date', 'integer', 'Nodes running the current template.'),
    column('Available', 'integer', 'Nodes whose daemon pod is available.'),
    column('Node Selector', 'string', 'Labels a node needs to run the daemon pod.'),
    AGE_COLUMN,
    ...POD_OWNER_WIDE_COLUMNS,
  ],
  cells(o, now) {
    const s = status(o);
    return [
      name(o),
      asNum(s.desiredNumberScheduled),
      asNum(s.currentNumberScheduled),
      asNum(s.numberReady),
      asNum(s.updatedNumberScheduled),
      asNum(s.numberAvailable),
      formatLabels(podSpec(o).nodeSelector),
      age(o, now),
      ...containerCells(podSpec(o)),
      formatLabelSelector(spec(o).selector),
    ];
  },
};

/** `statefulset.apps/web`: the controlling owner of an object, or `<none>`. */
function controllerOf(o: KubeObject): string {
  const owner = (o.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
  if (!owner) return '<none>';
  const apiVersion = owner.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const groupKind = group ? `${owner.kind}.${group}` : owner.kind;
  return groupKind ? `${groupKind.toLowerCase()}/${owner.name}` : owner.name;
}

export const CONTROLLER_REVISION_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, column('Controller', 'string', 'Object that owns the revision.'), column('Revision', 'string', 'Revision number.'), AGE_COLUMN],
  cells(o, now) {
    return [name(o), controllerOf(o), asNum(o.revision), age(o, now)];
  },
};

/** A Quantity as printed; the stored text is kept as written. */
function quantityText(value: unknown): string {
  if (value === undefined || value === null) return '<nil>';
  return typeof value === 'number' ? String(value) : asStr(value);
}

/** The TARGETS cell: `cpu: 40%/80%, memory: 100Mi/200Mi + 1 more...`. */
export function formatHpaMetrics(specs: unknown, statuses: unknown): string {
  const metrics = asArr(specs);
  if (!metrics.length) return '<none>';
  const current = asArr(statuses);
  const MAX = 2;
  const list = metrics.map((m, i) => {
    const st = current[i];
    const source = (field: string) => (st && st[field] ? asObj(st[field]) : undefined);
    switch (m.type) {
      case 'External':
      case 'Object': {
        const field = m.type === 'External' ? 'external' : 'object';
        const target = dig(m, field, 'target');
        const cur = source(field);
        if (target.averageValue !== undefined) {
          const value = cur && dig(cur, 'current').averageValue !== undefined ? quantityText(dig(cur, 'current').averageValue) : '<unknown>';
          return `${value}/${quantityText(target.averageValue)} (avg)`;
        }
        return `${cur ? quantityText(dig(cur, 'current').value) : '<unknown>'}/${quantityText(target.value)}`;
      }
      case 'Pods': {
        const cur = source('pods');
        return `${cur ? quantityText(dig(cur, 'current').averageValue) : '<unknown>'}/${quantityText(dig(m, 'pods', 'target').averageValue)}`;
      }
      case 'Resource':
      case 'ContainerResource': {
        const field = m.type === 'Resource' ? 'resource' : 'containerResource';
        const src = asObj(m[field]);
        const target = asObj(src.target);
        const cur = source(field);
        if (target.averageValue !== undefined) {
          return `${asStr(src.name)}: ${cur ? quantityText(dig(cur, 'current').averageValue) : '<unknown>'}/${quantityText(target.averageValue)}`;
        }
        const utilization = cur ? dig(cur, 'current').averageUtilization : undefined;
        const value = typeof utilization === 'number' ? `${utilization}%` : '<unknown>';
        const goal = typeof target.averageUtilization === 'number' ? `${target.averageUtilization}%` : '<auto>';
        return `${asStr(src.name)}: ${value}/${goal}`;
      }
      default:
        return '<unknown type>';
    }
  });
  if (list.length > MAX) return `${list.slice(0, MAX).join(', ')} + ${list.length - MAX} more...`;
  return list.join(', ');
}

export const HPA_PRINTER: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Reference', 'string', 'The workload being scaled.'),
    column('Targets', 'string', 'Current and target value of each metric.'),
    column('MinPods', 'string', 'Lowest replica count.'),
    column('MaxPods', 'string', 'Highest replica count.'),
    column('Replicas', 'string', 'Current replica count.'),
    AGE_COLUMN,
  ],
  cells(o, now) {
    const s = spec(o);
    const ref = asObj(s.scaleTargetRef);
    const min = typeof s.minReplicas === 'number' ? String(s.minReplicas) : '<unset>';
    return [
      name(o),
      `${asStr(ref.kind)}/${asStr(ref.name)}`,
      formatHpaMetrics(s.metrics, status(o).currentMetrics),
      min,
      asNum(s.maxReplicas),
      asNum(status(o).currentReplicas),
      age(o, now),
    ];
  },
};
