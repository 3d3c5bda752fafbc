import type { KubeObject, ListMeta } from '../meta/types';
import { apiVersionOf, RESOURCE_TYPES } from '../resources/registry';
import { EVENT_PRINTER, LEASE_PRINTER, NAMESPACE_PRINTER, NODE_PRINTER } from './cluster-printers';
import { CONFIG_MAP_PRINTER, PVC_PRINTER, SECRET_PRINTER } from './config-printers';
import { DEPLOY_HOOK_PRINTER } from './deploy-hook-printer';
import { since } from './human-duration';
import { ENDPOINTS_PRINTER, SERVICE_PRINTER } from './network-printers';
import { POD_PRINTER } from './pod-printer';
import { CLUSTER_ROLE_BINDING_PRINTER, ROLE_BINDING_PRINTER, ROLE_PRINTER } from './rbac-printers';
import { AGE_COLUMN, NAME_COLUMN, Table, TableColumnDefinition, TablePrinter, TableRow } from './types';
import {
  CONTROLLER_REVISION_PRINTER, DAEMON_SET_PRINTER, DEPLOYMENT_PRINTER, HPA_PRINTER, REPLICA_SET_PRINTER, REPLICATION_CONTROLLER_PRINTER,
  STATEFUL_SET_PRINTER,
} from './workload-printers';

/** The one place that knows the columns of each kind. */
const PRINTERS: Record<string, TablePrinter> = {
  Pod: POD_PRINTER,
  Deployment: DEPLOYMENT_PRINTER,
  ReplicaSet: REPLICA_SET_PRINTER,
  StatefulSet: STATEFUL_SET_PRINTER,
  DaemonSet: DAEMON_SET_PRINTER,
  ReplicationController: REPLICATION_CONTROLLER_PRINTER,
  ControllerRevision: CONTROLLER_REVISION_PRINTER,
  HorizontalPodAutoscaler: HPA_PRINTER,
  Service: SERVICE_PRINTER,
  Endpoints: ENDPOINTS_PRINTER,
  Node: NODE_PRINTER,
  Namespace: NAMESPACE_PRINTER,
  Event: EVENT_PRINTER,
  ConfigMap: CONFIG_MAP_PRINTER,
  Secret: SECRET_PRINTER,
  PersistentVolumeClaim: PVC_PRINTER,
  Lease: LEASE_PRINTER,
  Role: ROLE_PRINTER,
  ClusterRole: ROLE_PRINTER,
  RoleBinding: ROLE_BINDING_PRINTER,
  ClusterRoleBinding: CLUSTER_ROLE_BINDING_PRINTER,
  DeployHook: DEPLOY_HOOK_PRINTER,
};

/** Kinds without a printer of their own get their name and age. */
const DEFAULT_PRINTER: TablePrinter = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  cells: (o, now) => [o.metadata?.name ?? '', since(o.metadata?.creationTimestamp, now)],
};

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  now: Date;
  /** What each row carries besides its cells; `Metadata` is what kubectl asks for. */
  includeObject: IncludeObject;
  /** resourceVersion / continue / remainingItemCount of the list (or the object's resourceVersion). */
  listMeta: ListMeta;
  /** Leave the column definitions out (watch events after the first). */
  noHeaders?: boolean;
}

function printerFor(kind: string): TablePrinter {
  return PRINTERS[kind] ?? DEFAULT_PRINTER;
}

/** The columns `kubectl get` shows for a kind; priority 1 ones only with `-o wide`. */
export function tableColumns(kind: string): TableColumnDefinition[] {
  return printerFor(kind).columns.map((c) => ({ ...c }));
}

function rowObject(kind: string, obj: KubeObject, include: IncludeObject): TableRow['object'] {
  if (include === 'None') return null;
  if (include === 'Metadata') return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
  if (obj.apiVersion && obj.kind) return obj;
  const type = RESOURCE_TYPES.find((t) => t.kind === kind);
  return type ? { apiVersion: apiVersionOf(type), kind, ...obj } : obj;
}

/**
 * Server-side printing, as for `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`:
 * one row per object with the cells `kubectl get` shows for the kind. Like the real
 * server, every row carries the wide cells too; kubectl hides them without `-o wide`.
 */
export function toTable(kind: string, objects: readonly KubeObject[], opts: TableOptions): Table {
  const printer = printerFor(kind);
  const rows = objects.map((obj): TableRow => {
    const row: TableRow = { cells: printer.cells(obj, opts.now), object: rowObject(kind, obj, opts.includeObject) };
    const conditions = printer.conditions?.(obj);
    return conditions ? { cells: row.cells, conditions, object: row.object } : row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { ...opts.listMeta },
    columnDefinitions: opts.noHeaders ? [] : tableColumns(kind),
    rows,
  };
}
