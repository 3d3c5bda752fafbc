'use client';
import type { DetailTab } from './tabs';

/** Related objects, events, rollout history and metrics (workloads, pods, services, nodes). */
export const WORKLOAD_TABS: DetailTab[] = [];
