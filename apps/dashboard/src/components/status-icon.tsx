'use client';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import PendingIcon from '@mui/icons-material/Pending';
import type { KubeObject } from '@skiff/domain';
import { objectHealth } from '@/lib/health';

/** Green, amber or red at a glance, as the Kubernetes Dashboard marks rows. */
export function StatusIcon({ object }: { object: KubeObject }) {
  const h = objectHealth(object);
  if (h === 'ok') return <CheckCircleIcon fontSize="small" color="success" titleAccess="Healthy" />;
  if (h === 'failed') return <ErrorIcon fontSize="small" color="error" titleAccess="Failed" />;
  return <PendingIcon fontSize="small" color="warning" titleAccess="In progress" />;
}
