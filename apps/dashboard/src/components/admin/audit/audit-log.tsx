'use client';
import { Alert } from '@mui/material';
import { ApiError } from '@/lib/api';
import { formError } from '../api-errors';
import { PageHeader } from '../page-header';
import { useGqlQuery } from '../use-gql-query';
import { AuditFilters } from './audit-filters';
import { AuditPager } from './audit-pager';
import { AUDIT_EVENTS, AUDIT_FILTERS, type AuditPage } from './audit-queries';
import { AuditTable } from './audit-table';
import { sinceArgument, useAuditLocation } from './use-audit-location';

/** The audit log with its filters and page in the URL. */
export function AuditLog() {
  const { filters, cursor, go } = useAuditLocation();
  const { data, error, loading } = useGqlQuery<{ auditEvents: AuditPage }>(AUDIT_EVENTS, { ...filters, since: sinceArgument(filters.since), continue: cursor });
  const page = data?.auditEvents;
  const older = page?.continue;
  const message = formError(error, AUDIT_FILTERS);
  return (
    <>
      <PageHeader title="Audit log" />
      <AuditFilters key={JSON.stringify(filters)} initial={filters} error={error} onApply={(f) => go(f)} />
      {message && (
        <Alert severity={error instanceof ApiError && error.status === 403 ? 'warning' : 'error'} sx={{ mb: 2 }}>
          {message}
        </Alert>
      )}
      <AuditTable events={error ? [] : (page?.items ?? [])} loading={loading} />
      <AuditPager onNewest={cursor ? () => go(filters) : undefined} onOlder={older && !loading ? () => go(filters, older) : undefined} />
    </>
  );
}
