'use client';
import { useConsole } from '@/lib/console-context';
import type { DashboardKind } from '@/lib/kinds';

/** A kind's API group as RBAC names it ('' for the core group), from its REST base (`/apis/apps/v1` → `apps`). */
export function apiGroupOf(kind: DashboardKind): string {
  return kind.apiBase.startsWith('/apis/') ? kind.apiBase.split('/')[2] : '';
}

/**
 * Whether RBAC lets the user `verb` an object of this kind (or its subresource) in its
 * namespace; false until the server has answered, so controls appear only once allowed.
 */
export function useMay(kind: DashboardKind, namespace: string | undefined): (verb: string, subresource?: string) => boolean {
  const { can } = useConsole();
  return (verb, subresource) => can(verb, kind.resource, apiGroupOf(kind), kind.namespaced ? namespace : undefined, subresource) === true;
}
