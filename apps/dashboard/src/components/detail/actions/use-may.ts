'use client';
import { useConsole } from '@/lib/console-context';
import { apiGroupOf, type DashboardKind } from '@/lib/kinds';

/**
 * Whether RBAC lets the user `verb` an object of this kind (or its subresource) in its
 * namespace; false until the server has answered, so controls appear only once allowed.
 */
export function useMay(kind: DashboardKind, namespace: string | undefined): (verb: string, subresource?: string) => boolean {
  const { can } = useConsole();
  return (verb, subresource) => can(verb, kind.resource, apiGroupOf(kind), kind.namespaced ? namespace : undefined, subresource) === true;
}
