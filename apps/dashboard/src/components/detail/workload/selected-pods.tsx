'use client';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { RelatedTable } from './related-table';

const POD = kindByName('Pod')!;

/** The pods of a namespace a label selector matches, live. */
export function SelectedPods({ namespace, selector }: { namespace: string; selector: string }) {
  const { items, loading, error } = useLiveList(POD, [namespace], selector);
  return <RelatedTable kind={POD} items={items} loading={loading} error={error} />;
}
