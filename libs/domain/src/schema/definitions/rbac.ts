import { atomicList, Definitions, kindObj, labelSelector, obj, rbac, ref, str, strList } from '../dsl';

const rules = (holder: string) => atomicList(ref(rbac('PolicyRule')), `The rules of this ${holder}.`);
const subjects = () => atomicList(ref(rbac('Subject')), 'Who the binding grants the role to.');

/** rbac.authorization.k8s.io/v1: Role, ClusterRole, RoleBinding, ClusterRoleBinding. */
export const RBAC_DEFINITIONS: Definitions = {
  [rbac('Role')]: kindObj('A namespaced set of rules, granted inside its namespace by RoleBindings.', {
    rules: rules('Role'),
  }),
  [rbac('ClusterRole')]: kindObj(
    'A cluster-wide set of rules, granted everywhere by ClusterRoleBindings or inside one namespace by a RoleBinding.',
    {
      rules: rules('ClusterRole'),
      aggregationRule: ref(
        rbac('AggregationRule'),
        'When set, the rules are those of the ClusterRoles it selects, kept up to date by a controller; rules written directly are overwritten.',
      ),
    },
  ),
  [rbac('AggregationRule')]: obj('Which ClusterRoles to fold into an aggregated ClusterRole.', {
    clusterRoleSelectors: atomicList(labelSelector(), 'ClusterRoles matching any of these selectors contribute their rules.'),
  }),
  [rbac('PolicyRule')]: obj(
    'Verbs allowed on resources or on non-resource URLs. A rule names either resources or non-resource URLs, not both.',
    {
      verbs: strList('Verbs the rule allows, e.g. `get`, `list`, `create`; `*` allows all.'),
      apiGroups: strList('API groups of the resources; `""` is the core group and `*` any group.'),
      resources: strList('Resources the rule applies to, e.g. `pods` or `pods/log`; `*` means all.'),
      resourceNames: strList('When set, only objects with these names match. Empty means every object.'),
      nonResourceURLs: strList(
        'Paths outside the resource API, e.g. `/healthz`; a trailing `*` matches a prefix. Only meaningful in a ClusterRole bound by a ClusterRoleBinding.',
      ),
    },
    ['verbs'],
  ),
  [rbac('RoleBinding')]: kindObj(
    'Grants a Role of its namespace, or a ClusterRole, to users, groups or service accounts, inside its namespace only.',
    {
      subjects: subjects(),
      roleRef: ref(rbac('RoleRef'), 'The Role in this namespace, or the ClusterRole, to grant. Immutable.'),
    },
    ['roleRef'],
  ),
  [rbac('ClusterRoleBinding')]: kindObj(
    'Grants a ClusterRole to users, groups or service accounts in every namespace and at cluster scope.',
    {
      subjects: subjects(),
      roleRef: ref(rbac('RoleRef'), 'The ClusterRole to grant. Immutable.'),
    },
    ['roleRef'],
  ),
  [rbac('RoleRef')]: obj(
    'The role a binding grants.',
    {
      apiGroup: str('API group of the role: `rbac.authorization.k8s.io`.'),
      kind: str('`Role` or `ClusterRole`.'),
      name: str('Name of the role.'),
    },
    ['apiGroup', 'kind', 'name'],
  ),
  [rbac('Subject')]: obj(
    'A user, group or service account a binding grants to.',
    {
      kind: str('`User`, `Group` or `ServiceAccount`.'),
      apiGroup: str('`rbac.authorization.k8s.io` for User and Group (the default), `""` for ServiceAccount.'),
      name: str('Name of the user, group or service account.'),
      namespace: str("Namespace of a ServiceAccount; left empty in a RoleBinding it means the binding's own. Not used for users and groups."),
    },
    ['kind', 'name'],
  ),
};
