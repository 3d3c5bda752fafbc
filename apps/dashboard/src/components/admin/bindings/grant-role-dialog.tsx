'use client';
import { useState } from 'react';
import { TextField } from '@mui/material';
import { gql } from '@/lib/api';
import { useConsole } from '@/lib/console-context';
import { kindByName } from '@/lib/kinds';
import { useLiveList } from '@/lib/use-live-list';
import { fieldError, formError } from '../api-errors';
import { ChoiceField } from '../choice-field';
import { FormDialog } from '../form-dialog';
import { SuggestField } from '../suggest-field';
import { useAction } from '../use-action';
import { GRANT_ROLE } from './binding-queries';
import { useRoleNames } from './use-role-names';

const NAMESPACES = kindByName('Namespace');

type SubjectKind = 'user' | 'group';
type RoleKind = 'clusterRole' | 'role';
type Scope = 'namespace' | 'cluster';

const FIELDS = ['user', 'group', 'clusterRole', 'role', 'namespace', 'metadata.name'] as const;

/** grantRole: one user or group, one ClusterRole or Role, in a namespace (a RoleBinding) or cluster-wide (a ClusterRoleBinding). */
export function GrantRoleDialog({ onClose, onGranted }: { onClose(): void; onGranted(): void }) {
  const { namespaces } = useConsole();
  const [subjectKind, setSubjectKind] = useState<SubjectKind>('user');
  const [subject, setSubject] = useState('');
  const [roleKind, setRoleKind] = useState<RoleKind>('clusterRole');
  const [role, setRole] = useState('');
  const [scope, setScope] = useState<Scope>('namespace');
  const [namespace, setNamespace] = useState(namespaces[0] ?? 'default');
  const [bindingName, setBindingName] = useState('');
  const namespaceNames = useLiveList(NAMESPACES, []).items.map((n) => n.metadata.name!).sort();
  const roleNames = useRoleNames(roleKind, namespace);
  const inNamespace = scope === 'namespace' || roleKind === 'role';
  const grant = useAction(() => gql(GRANT_ROLE, { [subjectKind]: subject, [roleKind]: role, namespace: inNamespace ? namespace : null, bindingName: bindingName || null }));
  const submit = async () => {
    if ((await grant.run()).ok) onGranted();
  };
  const err = (field: string) => fieldError(grant.error, field);
  return (
    <FormDialog open title="Grant a role" submitLabel="Grant" busy={grant.busy} error={formError(grant.error, FIELDS)} onClose={onClose} onSubmit={submit}>
      <ChoiceField<SubjectKind> label="Grant to" value={subjectKind} onChange={setSubjectKind} choices={[{ value: 'user', label: 'User' }, { value: 'group', label: 'Group' }]} />
      <TextField label={subjectKind === 'user' ? 'User name' : 'Group name'} value={subject} onChange={(e) => setSubject(e.target.value)} required autoFocus autoComplete="off" error={!!err(subjectKind)} helperText={err(subjectKind) ?? ' '} />
      <ChoiceField<RoleKind>
        label="Role kind"
        value={roleKind}
        onChange={setRoleKind}
        choices={[
          { value: 'clusterRole', label: 'ClusterRole' },
          { value: 'role', label: 'Role of the namespace' },
        ]}
      />
      <SuggestField label="Role" value={role} onChange={setRole} options={roleNames} required error={err(roleKind)} helperText={roleKind === 'clusterRole' ? 'e.g. view, edit, admin' : undefined} />
      <ChoiceField<Scope>
        label="Where"
        value={inNamespace ? 'namespace' : 'cluster'}
        onChange={setScope}
        choices={[
          { value: 'namespace', label: 'In a namespace' },
          { value: 'cluster', label: 'Cluster-wide', disabled: roleKind === 'role' },
        ]}
      />
      {inNamespace && <SuggestField label="Namespace" value={namespace} onChange={setNamespace} options={namespaceNames} required error={err('namespace')} />}
      <TextField label="Binding name" value={bindingName} onChange={(e) => setBindingName(e.target.value)} autoComplete="off" error={!!err('metadata.name')} helperText={err('metadata.name') ?? `Left empty: ${subject || '<name>'}-${role || '<role>'}`} />
    </FormDialog>
  );
}
