'use client';
import { Suspense } from 'react';
import { Skeleton } from '@mui/material';
import { AuditLog } from '@/components/admin/audit/audit-log';

/** The audit log (its filters live in the URL, read on the client: hence the Suspense a static export needs). */
export default function AuditPage() {
  return (
    <Suspense fallback={<Skeleton variant="rectangular" height={480} />}>
      <AuditLog />
    </Suspense>
  );
}
