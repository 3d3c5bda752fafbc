'use client';
import { useConsole } from '@/lib/console-context';

/** The group of cluster admins, who alone manage users and everyone's tokens. */
export const MASTERS_GROUP = 'system:masters';

/** Whether the logged-in user is a cluster admin (its session's groups, as `me` answers them). The server checks again. */
export function useClusterAdmin(): boolean {
  return useConsole().session?.groups.includes(MASTERS_GROUP) ?? false;
}
