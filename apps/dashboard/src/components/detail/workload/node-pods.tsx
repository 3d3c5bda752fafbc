'use client';
import type { KubeObject } from '@skiff/domain';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { RelatedTable } from './related-table';

const POD = kindByName('Pod')!;
const ALL_NAMESPACES: string[] = [];

/** The pods bound to a node, in every namespace, live (the server filters them by spec.nodeName). */
export function NodePods({ node }: { node: KubeObject }) {
  const { items, loading, error } = useLiveList(POD, ALL_NAMESPACES, undefined, `spec.nodeName=${node.metadata.name}`);
  return <RelatedTable kind={POD} items={items} loading={loading} error={error} showNamespace />;
}
