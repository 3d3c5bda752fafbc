'use client';
import { useEffect, useState } from 'react';
import { rest } from '@/lib/api';
import type { NodeMetricsItem } from './node-resources';

const POLL_MS = 15_000;

/**
 * Nodes' usage from metrics.k8s.io, read every 15 s (agents report about as often).
 * Undefined while there is none: the API answers 404 or an empty list until a sample arrives.
 */
export function useNodeMetrics(): NodeMetricsItem[] | undefined {
  const [items, setItems] = useState<NodeMetricsItem[]>();
  useEffect(() => {
    let current = true;
    const read = () =>
      rest<{ items?: NodeMetricsItem[] }>('GET', '/apis/metrics.k8s.io/v1beta1/nodes').then(
        (list) => current && setItems(list.items?.length ? list.items : undefined),
        () => current && setItems(undefined),
      );
    void read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, []);
  return items;
}
