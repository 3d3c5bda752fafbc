import type { Event, KubeObject } from '@skiff/domain';
import { detailHref, kindByName } from '@/lib/kinds';

export interface WarningRow {
  id: string;
  time: Date | null;
  reason: string;
  message: string;
  count: number;
  /** `Pod default/web-1` */
  object: string;
  /** The object's page, when the dashboard shows its kind. */
  href?: string;
}

/** When an event last happened: its last timestamp, event time or series, else when it was made. */
function lastSeen(e: Event): string | undefined {
  return e.lastTimestamp ?? e.series?.lastObservedTime ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? undefined;
}

/** The newest `limit` Warning events, newest first, each with a link to the object it is about. */
export function recentWarnings(events: readonly KubeObject[], limit = 20): WarningRow[] {
  return (events as Event[])
    .filter((e) => e.type === 'Warning')
    .map((e) => ({ e, at: lastSeen(e) }))
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))
    .slice(0, limit)
    .map(({ e, at }) => {
      const o = e.involvedObject ?? {};
      const kind = o.kind ? kindByName(o.kind) : undefined;
      return {
        id: `${e.metadata.namespace}/${e.metadata.name}`,
        time: at ? new Date(at) : null,
        reason: e.reason ?? '',
        message: e.message ?? '',
        count: e.series?.count ?? e.count ?? 1,
        object: `${o.kind ?? ''} ${o.namespace ? `${o.namespace}/` : ''}${o.name ?? ''}`.trim(),
        href: kind && o.name ? detailHref(kind, o.namespace, o.name) : undefined,
      };
    });
}
