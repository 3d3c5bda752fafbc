import type { ListMeta } from '../meta/types';
import type { IncludeObject } from '../tables/to-table';
import { column, type Table, type TableRow } from '../tables/types';
import { formatParsedQuantity, tryParseQuantityExact, type ParsedQuantity } from '../validation/quantity';
import type { NodeMetrics, PodMetrics } from './resource-metrics';

const COLUMNS = [
  column('Name', 'string', 'Name of the resource', 'name'),
  column('cpu', 'string', '', 'quantity'),
  column('memory', 'string', '', 'quantity'),
  column('Window', 'string', '', 'duration'),
];

function sum(quantities: string[]): string {
  let total: ParsedQuantity | undefined;
  for (const q of quantities) {
    const p = tryParseQuantityExact(q);
    if (p) total = total ? { nanos: total.nanos + p.nanos, format: total.format } : p;
  }
  return total ? formatParsedQuantity(total) : '0';
}

/** `kubectl get nodemetrics|podmetrics` as metrics-server prints them: name, cpu, memory (a pod's summed) and window. */
export function metricsTable(items: readonly (NodeMetrics | PodMetrics)[], includeObject: IncludeObject, listMeta: ListMeta = {}): Table {
  const rows = items.map((m): TableRow => {
    const usage = m.kind === 'NodeMetrics' ? [m.usage.cpu, m.usage.memory] : [sum(m.containers.map((c) => c.usage.cpu)), sum(m.containers.map((c) => c.usage.memory))];
    const object = includeObject === 'None' ? null : includeObject === 'Metadata' ? { kind: 'PartialObjectMetadata' as const, apiVersion: 'meta.k8s.io/v1' as const, metadata: m.metadata } : m;
    return { cells: [m.metadata.name, ...usage, m.window], object };
  });
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { ...listMeta }, columnDefinitions: COLUMNS.map((c) => ({ ...c })), rows };
}
