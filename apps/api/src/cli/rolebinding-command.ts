import { bindingForGrant, bindingNamesUser, subjectsColumn, type ClusterRoleBinding, type RoleBinding } from '@skiff/domain';
import { table } from './table';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';

/** What the command needs of the CLI's connection: one JSON call to the API. */
export interface ApiCaller {
  call(method: string, path: string, body?: unknown): Promise<any>;
}

export interface RolebindingOptions {
  clusterrole?: string;
  role?: string;
  user?: string;
  group?: string[];
  namespace?: string;
}

/** A namespace's RoleBindings, or the ClusterRoleBindings when there is no namespace. */
function bindingsPath(namespace: string | undefined): string {
  return namespace ? `${RBAC}/namespaces/${encodeURIComponent(namespace)}/rolebindings` : `${RBAC}/clusterrolebindings`;
}

/**
 * `rolebinding create|list|delete`: RoleBindings (with -n) and ClusterRoleBindings
 * (without) through the Kubernetes API, as `kubectl create rolebinding|clusterrolebinding`
 * makes them, so RBAC and its escalation check apply to whoever runs it.
 */
export async function rolebindingCommand(api: ApiCaller, verb: string | undefined, name: string | undefined, o: RolebindingOptions, usage: string): Promise<string> {
  switch (verb) {
    case 'create': {
      if (!name) throw new Error(`NAME is required\n${usage}`);
      if (!o.clusterrole === !o.role) throw new Error(`exactly one of --clusterrole or --role is required\n${usage}`);
      const groups = o.group ?? [];
      if (!o.user === !groups.length || groups.length > 1) throw new Error(`exactly one --user or --group is required\n${usage}`);
      if (o.role && !o.namespace) throw new Error('--role needs -n NAMESPACE (a Role lives in a namespace); bind a --clusterrole to grant cluster-wide');
      const binding = bindingForGrant({ name, user: o.user, group: groups[0], clusterRole: o.clusterrole, role: o.role, namespace: o.namespace });
      await api.call('POST', bindingsPath(o.namespace), binding);
      const what = o.namespace ? `rolebinding ${name} created in namespace ${o.namespace}` : `clusterrolebinding ${name} created`;
      return `${what}: ${binding.roleRef.kind}/${binding.roleRef.name} for ${subjectsColumn(binding.subjects)}`;
    }
    case 'list': {
      const lists = o.namespace ? [bindingsPath(o.namespace)] : [bindingsPath(undefined), `${RBAC}/rolebindings`];
      const bindings: (RoleBinding | ClusterRoleBinding)[] = (await Promise.all(lists.map((p) => api.call('GET', p)))).flatMap((l) => l.items);
      const shown = o.user ? bindings.filter((b) => bindingNamesUser(b, o.user!)) : bindings;
      return table(
        ['NAMESPACE', 'NAME', 'ROLE', 'SUBJECTS'],
        shown.map((b) => [b.metadata.namespace ?? '<cluster-wide>', b.metadata.name ?? '', `${b.roleRef.kind}/${b.roleRef.name}`, subjectsColumn(b.subjects) || '<none>']),
      );
    }
    case 'delete': {
      if (!name) throw new Error(`NAME is required\n${usage}`);
      await api.call('DELETE', `${bindingsPath(o.namespace)}/${encodeURIComponent(name)}`);
      return `${o.namespace ? 'rolebinding' : 'clusterrolebinding'} ${name} deleted${o.namespace ? ` from namespace ${o.namespace}` : ''}`;
    }
    default:
      throw new Error(usage);
  }
}
