'use client';
import { OwnAccount } from '@/components/admin/users/own-account';
import { UsersAdmin } from '@/components/admin/users/users-admin';
import { useClusterAdmin } from '@/components/admin/use-cluster-admin';

/** Accounts: all of them for cluster admins; one's own password for everyone else. */
export default function UsersPage() {
  return useClusterAdmin() ? <UsersAdmin /> : <OwnAccount />;
}
