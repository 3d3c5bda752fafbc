'use client';
import { useMemo, useState } from 'react';
import { Alert, Button } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useConsole } from '@/lib/console-context';
import { useLiveList } from '@/lib/use-live-list';
import { CLUSTER_ROLE_BINDINGS, RBAC_GROUP, ROLE_BINDINGS } from '../admin-kinds';
import { PageHeader } from '../page-header';
import { bindingRows } from './binding-rows';
import { BindingsTable } from './bindings-table';
import { GrantRoleDialog } from './grant-role-dialog';

/** RoleBindings of the picked namespaces and every ClusterRoleBinding, live; grant and revoke as RBAC allows. */
export function BindingsAdmin() {
  const { namespaces, can } = useConsole();
  const roleBindings = useLiveList(ROLE_BINDINGS, namespaces);
  const clusterRoleBindings = useLiveList(CLUSTER_ROLE_BINDINGS, []);
  const rows = useMemo(() => bindingRows(roleBindings.items, clusterRoleBindings.items), [roleBindings.items, clusterRoleBindings.items]);
  const [granting, setGranting] = useState(false);
  const mayGrant = can('create', 'rolebindings', RBAC_GROUP, namespaces[0] ?? 'default') || can('create', 'clusterrolebindings', RBAC_GROUP);
  const errors = [roleBindings.error, clusterRoleBindings.error].filter((e): e is Error => !!e);
  return (
    <>
      <PageHeader title="Role bindings">
        {mayGrant && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setGranting(true)}>
            Grant role
          </Button>
        )}
      </PageHeader>
      {errors.map((e) => (
        <Alert key={e.message} severity="error" sx={{ mb: 2 }}>
          {e.message}
        </Alert>
      ))}
      <BindingsTable rows={rows} loading={roleBindings.loading || clusterRoleBindings.loading} />
      {granting && <GrantRoleDialog onClose={() => setGranting(false)} onGranted={() => setGranting(false)} />}
    </>
  );
}
