'use client';
import { useMemo } from 'react';
import type { KubeObject } from '@skiff/domain';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { RelatedTable } from './related-table';

const POD = kindByName('Pod')!;
const ALL_NAMESPACES: string[] = [];

/** The pods bound to a node, in every namespace, live. */
export function NodePods({ node }: { node: KubeObject }) {
  const { items, loading, error } = useLiveList(POD, ALL_NAMESPACES);
  const bound = useMemo(() => items.filter((p) => (p.spec as { nodeName?: string } | undefined)?.nodeName === node.metadata.name), [items, node.metadata.name]);
  return <RelatedTable kind={POD} items={bound} loading={loading} error={error} showNamespace />;
}
