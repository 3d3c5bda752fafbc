'use client';
import { useMemo } from 'react';
import { Stack } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { isOwnedBy, podSelectorOf } from './pod-selector';
import { RelatedTable } from './related-table';

const POD = kindByName('Pod')!;
const REPLICA_SET = kindByName('ReplicaSet')!;

/** A Deployment's ReplicaSets, old and new, and their pods, both live. */
export function DeploymentPods({ deployment }: { deployment: KubeObject }) {
  const namespaces = [deployment.metadata.namespace ?? 'default'];
  const selector = podSelectorOf(deployment);
  const replicaSets = useLiveList(REPLICA_SET, namespaces, selector);
  const pods = useLiveList(POD, namespaces, selector);
  const owned = useMemo(() => replicaSets.items.filter((rs) => isOwnedBy(rs, new Set([deployment.metadata.uid ?? '']))), [replicaSets.items, deployment.metadata.uid]);
  const ownedPods = useMemo(() => {
    const uids = new Set(owned.map((rs) => rs.metadata.uid ?? ''));
    return pods.items.filter((p) => isOwnedBy(p, uids));
  }, [owned, pods.items]);
  return (
    <Stack spacing={3}>
      <RelatedTable kind={POD} items={ownedPods} loading={pods.loading || replicaSets.loading} error={pods.error} />
      <RelatedTable kind={REPLICA_SET} items={owned} loading={replicaSets.loading} error={replicaSets.error} />
    </Stack>
  );
}
