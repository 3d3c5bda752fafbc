'use client';
import { KINDS } from '@/lib/kinds';
import type { DetailTab } from './tabs';
import { EventsTab } from './workload/events-tab';
import { HistoryTab } from './workload/history-tab';
import { MetricsTab } from './workload/metrics-tab';
import { PodsTab } from './workload/pods-tab';

/** Related objects, events, rollout history and metrics (workloads, pods, services, nodes). */
export const WORKLOAD_TABS: DetailTab[] = [
  { title: 'Pods', kinds: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController', 'Service', 'Node'], Component: PodsTab },
  { title: 'History', kinds: ['Deployment', 'StatefulSet', 'DaemonSet'], Component: HistoryTab },
  { title: 'Metrics', kinds: ['Pod', 'Node'], Component: MetricsTab },
  { title: 'Events', kinds: KINDS.map((k) => k.kind).filter((k) => k !== 'Event'), Component: EventsTab },
];
