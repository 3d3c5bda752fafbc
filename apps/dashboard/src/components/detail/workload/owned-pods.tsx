'use client';
import { useMemo } from 'react';
import type { KubeObject } from '@skiff/domain';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { isOwnedBy, podSelectorOf } from './pod-selector';
import { RelatedTable } from './related-table';

const POD = kindByName('Pod')!;

/** The pods a ReplicaSet, StatefulSet, DaemonSet or ReplicationController owns, live. */
export function OwnedPods({ owner }: { owner: KubeObject }) {
  const { items, loading, error } = useLiveList(POD, [owner.metadata.namespace ?? 'default'], podSelectorOf(owner));
  const pods = useMemo(() => items.filter((p) => isOwnedBy(p, new Set([owner.metadata.uid ?? '']))), [items, owner.metadata.uid]);
  return <RelatedTable kind={POD} items={pods} loading={loading} error={error} />;
}
