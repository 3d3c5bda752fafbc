'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { AUDIT_FILTERS, type AuditFilters } from './audit-queries';

/** The audit page's filters and page (`continue`) as its URL holds them, and a way to go elsewhere. */
export function useAuditLocation(): { filters: AuditFilters; cursor?: string; go(filters: AuditFilters, cursor?: string): void } {
  const params = useSearchParams();
  const router = useRouter();
  const filters: AuditFilters = {};
  for (const f of AUDIT_FILTERS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  const go = (next: AuditFilters, cursor?: string) => {
    const q = new URLSearchParams();
    for (const f of AUDIT_FILTERS) if (next[f]) q.set(f, next[f]!);
    if (cursor) q.set('continue', cursor);
    router.push(`/admin/audit/${q.size ? `?${q}` : ''}`);
  };
  return { filters, cursor: params.get('continue') ?? undefined, go };
}

/** `since` from a datetime-local field (local time) as the RFC 3339 time the API takes; left as typed when it is not a time, for the API to name. */
export function sinceArgument(since: string | undefined): string | undefined {
  if (!since) return undefined;
  const d = new Date(since);
  return Number.isNaN(d.getTime()) ? since : d.toISOString();
}
