'use client';
import { useMemo } from 'react';
import { Alert, AlertTitle, Stack } from '@mui/material';
import type { KubeObject } from '@skiff/domain';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import type { DetailTabProps } from '../tabs';
import { RelatedTable } from './related-table';

const EVENT = kindByName('Event')!;

interface CoreEvent {
  type?: string;
  reason?: string;
  message?: string;
  involvedObject?: { uid?: string; kind?: string; name?: string };
  lastTimestamp?: string;
  eventTime?: string;
}

const lastSeen = (e: KubeObject) => {
  const ev = e as CoreEvent;
  return ev.lastTimestamp ?? ev.eventTime ?? e.metadata.creationTimestamp ?? '';
};

/** Whether an event is about `object`: by uid, or by kind and name when the recorder left the uid out. */
function isAbout(e: KubeObject, object: KubeObject): boolean {
  const io = (e as CoreEvent).involvedObject ?? {};
  return io.uid ? io.uid === object.metadata.uid : io.kind === object.kind && io.name === object.metadata.name;
}

/**
 * Events about the object, newest first and live; warnings are counted above the list and
 * marked in it. A cluster-scoped object's events are in `default`, where kubelet and the
 * controllers record them.
 */
export function EventsTab({ object }: DetailTabProps) {
  const { items, loading, error } = useLiveList(EVENT, [object.metadata.namespace || 'default']);
  const events = useMemo(() => items.filter((e) => isAbout(e, object)).sort((a, b) => lastSeen(b).localeCompare(lastSeen(a))), [items, object]);
  const warnings = events.filter((e) => (e as CoreEvent).type === 'Warning');
  return (
    <Stack spacing={2}>
      {warnings.length > 0 && (
        <Alert severity="warning">
          <AlertTitle>
            {warnings.length} warning{warnings.length === 1 ? '' : 's'}
          </AlertTitle>
          Latest: {(warnings[0] as CoreEvent).reason} — {(warnings[0] as CoreEvent).message}
        </Alert>
      )}
      <RelatedTable kind={EVENT} items={events} loading={loading} error={error} />
    </Stack>
  );
}
