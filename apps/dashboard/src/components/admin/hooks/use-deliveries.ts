'use client';
import { useEffect, useState } from 'react';
import { rest } from '@/lib/api';

/** One kept delivery of a hook (GET /skiff/v1/namespaces/<ns>/deployhooks/<name>/deliveries), newest first. */
export interface Delivery {
  deliveryId: string;
  receivedAt: string;
  sourceIP: string;
  eventType: string;
  image?: string;
  outcome: string;
  code?: number;
  message: string;
  targetResourceVersion?: string;
}

/** A hook's delivery log, read again whenever the hook changes (each delivery updates its status). */
export function useDeliveries(namespace: string, name: string, hookVersion: string): { items: Delivery[]; loading: boolean; error?: Error } {
  const [state, setState] = useState<{ items: Delivery[]; loading: boolean; error?: Error }>({ items: [], loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    rest<{ items: Delivery[] }>('GET', `/skiff/v1/namespaces/${encodeURIComponent(namespace)}/deployhooks/${encodeURIComponent(name)}/deliveries`).then(
      (list) => current && setState({ items: list.items ?? [], loading: false }),
      (error: Error) => current && setState({ items: [], loading: false, error }),
    );
    return () => {
      current = false;
    };
  }, [namespace, name, hookVersion]);
  return state;
}
