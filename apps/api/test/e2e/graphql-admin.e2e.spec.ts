import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { StoreRuntime } from '../../src/store/store-runtime';
import { startTestApi, type TestApi } from '../support/test-server';

/**
 * The dashboard's administration over GraphQL — users, tokens, kubeconfigs, role grants
 * with RBAC and its escalation check as for kubectl — and object history, checked with
 * the real kubectl.
 */
describe('GraphQL administration and history', () => {
  let api: TestApi;

  /** One GraphQL operation, as the admin or with `token`. */
  async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: any; errors?: any[] }> {
    const res = await api.call('POST', '/graphql', { body: { query, variables }, ...(token ? { token } : {}) });
    expect(res.status).toBeLessThan(500);
    return res.body;
  }
  async function ok(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
    const res = await gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }
  /** The first error's code and message. */
  async function refused(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ code: string; message: string; causes?: any[] }> {
    const res = await gql(query, variables, token);
    expect(res.errors?.length).toBeGreaterThan(0);
    return { code: res.errors![0].extensions?.code, message: res.errors![0].message, causes: res.errors![0].extensions?.causes };
  }

  const CREATE_USER = `mutation($name: String!, $groups: [String!]) { createUser(name: $name, password: "a long enough password", groups: $groups) { name groups createdAt } }`;
  const CREATE_TOKEN = `mutation($name: String!, $user: String, $s: Int) { createToken(name: $name, user: $user, expiresInSeconds: $s) { token info { id name user expiresAt } } }`;
  const KUBECONFIG = `mutation($user: String, $ns: String) { kubeconfig(user: $user, expiresInSeconds: 3600, namespace: $ns) }`;
  const GRANT = `mutation($user: String, $group: String, $clusterRole: String, $role: String, $ns: String, $name: String) {
    grantRole(user: $user, group: $group, clusterRole: $clusterRole, role: $role, namespace: $ns, bindingName: $name) }`;
  const REVOKE = `mutation($name: String!, $ns: String) { revokeRole(bindingName: $name, namespace: $ns) }`;

  /** A user with a token of its own. */
  async function userWithToken(name: string, groups: string[] = []): Promise<string> {
    await ok(CREATE_USER, { name, groups });
    return (await ok(CREATE_TOKEN, { name: 'tests', user: name })).createToken.token;
  }
  /** Writes a kubeconfig that the kubeconfig mutation made to a file for kubectl. */
  function kubeconfigFile(name: string, yaml: string): string {
    const file = path.join(api.home, `${name}.kubeconfig`);
    fs.writeFileSync(file, yaml, { mode: 0o600 });
    return file;
  }

  beforeAll(async () => {
    api = await startTestApi();
    await api.kubectlOk(['create', 'namespace', 'team-a']);
  });
  afterAll(async () => {
    await api?.stop();
  });

  describe('accounts', () => {
    let aliceToken: string;

    it('answers me, creates users and lists them, refusing system groups', async () => {
      const me = (await ok(`{ me { name groups } }`)).me;
      expect(me.name).toBe('admin');
      expect(me.groups).toContain('system:masters');
      const alice = (await ok(CREATE_USER, { name: 'alice', groups: ['team-a'] })).createUser;
      expect(alice).toMatchObject({ name: 'alice', groups: ['team-a'] });
      expect(Date.parse(alice.createdAt)).toBeGreaterThan(0);
      const system = await refused(CREATE_USER, { name: 'mallory', groups: ['system:masters'] });
      expect(system.code).toBe('Invalid');
      expect(system.causes?.[0].field).toBe('groups');
      expect((await refused(CREATE_USER, { name: 'alice' })).code).toBe('AlreadyExists');
      expect((await ok(`{ users { name groups } }`)).users.map((u: any) => u.name)).toEqual(['admin', 'alice']);
    });

    it('returns a token once, stores only its hash, and never lists it', async () => {
      const issued = (await ok(CREATE_TOKEN, { name: 'ci', user: 'alice', s: 3600 })).createToken;
      aliceToken = issued.token;
      expect(issued.info).toMatchObject({ name: 'ci', user: 'alice' });
      expect(Date.parse(issued.info.expiresAt) - Date.now()).toBeGreaterThan(3500_000);

      const rows = await api.server.app.get(StoreRuntime).ds.query(`SELECT * FROM tokens WHERE id = $1`, [issued.info.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].hash).toBe(createHash('sha256').update(aliceToken).digest('hex'));
      expect(JSON.stringify(rows[0])).not.toContain(aliceToken);

      const listed = (await ok(`query($u: String) { tokens(user: $u) { id name user createdAt expiresAt lastUsedAt revokedAt } }`, { u: 'alice' })).tokens;
      expect(listed.map((t: any) => t.id)).toEqual([issued.info.id]);
      expect(JSON.stringify(listed)).not.toContain(aliceToken);
      // The type has no field for it.
      expect((await refused(`{ tokens { token } }`)).code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await refused(CREATE_TOKEN, { name: 'x', user: 'alice', s: 5 })).causes?.[0].field).toBe('expiresInSeconds');
    });

    it('refuses a non-admin the accounts of others with Forbidden, and lets it manage its own', async () => {
      expect((await ok(`{ me { name groups } }`, {}, aliceToken)).me).toEqual({ name: 'alice', groups: ['team-a'] });
      const users = await refused(`{ users { name } }`, {}, aliceToken);
      expect(users).toMatchObject({ code: 'Forbidden', message: 'User "alice" cannot list users: only cluster admins may' });
      expect((await refused(CREATE_USER, { name: 'eve' }, aliceToken)).code).toBe('Forbidden');
      expect((await refused(`mutation { deleteUser(name: "admin") }`, {}, aliceToken)).code).toBe('Forbidden');
      expect((await refused(`{ tokens(user: "admin") { id } }`, {}, aliceToken)).message).toBe('User "alice" cannot list the tokens of "admin"');
      expect((await refused(CREATE_TOKEN, { name: 'x', user: 'admin' }, aliceToken)).code).toBe('Forbidden');
      expect((await refused(`mutation { setPassword(name: "admin", password: "another long password") }`, {}, aliceToken)).code).toBe('Forbidden');
      expect((await refused(KUBECONFIG, { user: 'admin' }, aliceToken)).code).toBe('Forbidden');

      // Its own: tokens (only its own listed), password, revoking.
      const second = (await ok(CREATE_TOKEN, { name: 'laptop' }, aliceToken)).createToken;
      expect(second.info.user).toBe('alice');
      expect((await ok(`{ tokens { user } }`, {}, aliceToken)).tokens.map((t: any) => t.user)).toEqual(['alice', 'alice']);
      expect((await ok(`mutation { setPassword(name: "alice", password: "a new long password") }`, {}, aliceToken)).setPassword).toBe(true);
      expect((await ok(`mutation($id: String!) { revokeToken(id: $id) }`, { id: second.info.id }, aliceToken)).revokeToken).toBe(true);
      expect((await api.call('POST', '/graphql', { body: { query: '{ me { name } }' }, token: second.token })).status).toBe(401);
      // Another user's token id is not hers to revoke (nor to learn of).
      const adminTokens = (await ok(`{ tokens(user: "admin") { id } }`)).tokens;
      expect((await refused(`mutation($id: String!) { revokeToken(id: $id) }`, { id: adminTokens[0].id }, aliceToken)).code).toBe('NotFound');
    });

    it('deletes a user, and with it its tokens', async () => {
      const token = await userWithToken('carol');
      expect((await ok(`mutation { deleteUser(name: "carol") }`)).deleteUser).toBe(true);
      expect((await api.call('POST', '/graphql', { body: { query: '{ me { name } }' }, token })).status).toBe(401);
      expect((await refused(`mutation { deleteUser(name: "carol") }`)).code).toBe('NotFound');
    });
  });

  describe('role grants and kubeconfigs', () => {
    let bobToken: string;
    let bobKubeconfig: string;
    const asBob = (args: string[]) => api.kubectl(args, { kubeconfig: bobKubeconfig });

    beforeAll(async () => {
      bobToken = await userWithToken('bob', ['builders']);
      bobKubeconfig = kubeconfigFile('bob', (await ok(KUBECONFIG, { user: 'bob', ns: 'team-a' })).kubeconfig);
    });

    it('makes a kubeconfig the real kubectl uses, for another user (admin) or for oneself', async () => {
      // Authenticated as bob (its context in team-a), who may do nothing yet.
      expect((await asBob(['get', 'pods'])).stderr).toContain('pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "team-a"');
      expect((await asBob(['auth', 'can-i', 'create', 'pods'])).stdout.trim()).toBe('no');
      const own = kubeconfigFile('bob-own', (await ok(`mutation { kubeconfig }`, {}, bobToken)).kubeconfig);
      const forbidden = await api.kubectl(['get', 'pods'], { kubeconfig: own });
      expect(forbidden.stderr).toContain('pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"');
    });

    it('grants a ClusterRole in a namespace: the user acts with kubectl there, not elsewhere; revoking takes it back', async () => {
      const binding = (await ok(GRANT, { user: 'bob', clusterRole: 'edit', ns: 'team-a' })).grantRole;
      expect(binding).toMatchObject({
        kind: 'RoleBinding',
        metadata: { name: 'bob-edit', namespace: 'team-a' },
        roleRef: { kind: 'ClusterRole', name: 'edit' },
        subjects: [{ kind: 'User', name: 'bob' }],
      });
      expect(await api.kubectlOk(['get', 'rolebinding', 'bob-edit', '-n', 'team-a', '-o', 'jsonpath={.roleRef.name}'])).toBe('edit');
      expect((await asBob(['create', 'configmap', 'settings', '--from-literal=mode=a'])).code).toBe(0);
      expect((await asBob(['get', 'configmaps', '-n', 'default'])).stderr).toContain('cannot list resource "configmaps" in API group "" in the namespace "default"');

      expect((await ok(REVOKE, { name: 'bob-edit', ns: 'team-a' })).revokeRole.metadata.name).toBe('bob-edit');
      expect((await asBob(['get', 'configmaps'])).stderr).toContain('cannot list resource "configmaps"');
      expect((await refused(REVOKE, { name: 'bob-edit', ns: 'team-a' })).code).toBe('NotFound');
    });

    it('grants cluster-wide to a group with a ClusterRoleBinding, and a Role only within its namespace', async () => {
      const crb = (await ok(GRANT, { group: 'builders', clusterRole: 'view', name: 'builders-view' })).grantRole;
      expect(crb).toMatchObject({ kind: 'ClusterRoleBinding', metadata: { name: 'builders-view' }, subjects: [{ kind: 'Group', name: 'builders' }] });
      expect(crb.metadata.namespace).toBeUndefined();
      expect((await asBob(['get', 'pods', '-n', 'default'])).code).toBe(0);
      expect((await ok(REVOKE, { name: 'builders-view' })).revokeRole.kind).toBe('ClusterRoleBinding');
      expect((await asBob(['get', 'pods', '-n', 'default'])).code).not.toBe(0);

      const role = await refused(GRANT, { user: 'bob', role: 'reader' });
      expect(role.code).toBe('Invalid');
      expect(role.causes?.[0].field).toBe('namespace');
      expect((await refused(GRANT, { user: 'bob', group: 'builders', clusterRole: 'view', ns: 'team-a' })).causes?.[0].field).toBe('user');
      expect((await refused(GRANT, { user: 'bob', clusterRole: 'view', ns: 'nowhere' })).code).toBe('NotFound');
    });

    it('refuses an edit user a grant of cluster-admin: by RBAC, and by the escalation check once it may bind', async () => {
      await ok(GRANT, { user: 'bob', clusterRole: 'edit', ns: 'team-a' });
      const unbound = await refused(GRANT, { user: 'bob', clusterRole: 'cluster-admin', ns: 'team-a', name: 'bob-root' }, bobToken);
      expect(unbound).toMatchObject({ code: 'Forbidden' });
      expect(unbound.message).toContain('User "bob" cannot create resource "rolebindings" in API group "rbac.authorization.k8s.io" in the namespace "team-a"');

      // Allowed to write bindings in team-a, bob may grant what edit holds, nothing more.
      await api.kubectlOk(['create', 'role', 'binding-writer', '-n', 'team-a', '--verb=create,delete', '--resource=rolebindings.rbac.authorization.k8s.io']);
      await api.kubectlOk(['create', 'rolebinding', 'bob-binding-writer', '-n', 'team-a', '--role=binding-writer', '--user=bob']);
      const escalation = await refused(GRANT, { user: 'bob', clusterRole: 'cluster-admin', ns: 'team-a', name: 'bob-root' }, bobToken);
      expect(escalation.code).toBe('Forbidden');
      expect(escalation.message).toContain('rolebindings.rbac.authorization.k8s.io "bob-root" is forbidden: user "bob" (groups=["builders" "system:authenticated"]) is attempting to grant RBAC permissions not currently held');
      expect((await api.kubectl(['get', 'rolebinding', 'bob-root', '-n', 'team-a'])).code).not.toBe(0);
      expect((await ok(GRANT, { user: 'dave', clusterRole: 'view', ns: 'team-a' }, bobToken)).grantRole.metadata.name).toBe('dave-view');
      expect((await refused(GRANT, { user: 'dave', clusterRole: 'view' }, bobToken)).message).toContain('cannot create resource "clusterrolebindings"');
      expect((await ok(REVOKE, { name: 'dave-view', ns: 'team-a' }, bobToken)).revokeRole.metadata.name).toBe('dave-view');
    });
  });

  describe('history', () => {
    const image = (d: any) => d.spec.template.spec.containers[0].image;
    const REVISIONS = `query($kind: String!, $name: String!, $limit: Int, $continue: String) {
      objectRevisions(kind: $kind, name: $name, limit: $limit, continue: $continue) {
        metadata { resourceVersion continue } object { apiVersion kind namespace name } compactedRevision items { revision time type changed summary } } }`;
    const AT = `query($kind: String!, $name: String!, $revision: Int, $time: String) { objectAt(kind: $kind, name: $name, revision: $revision, time: $time) }`;
    const DIFF = `query($kind: String!, $name: String!, $from: String!, $to: String!) {
      objectDiff(kind: $kind, name: $name, from: $from, to: $to) { object { kind name } from { revision exists resourceVersion } to { revision exists } noise patch changes { path field from to } unified } }`;
    let created: number;
    let imageChanges: { revision: number; time: string; summary: string }[];
    let viewerToken: string;

    beforeAll(async () => {
      created = Number(await api.kubectlOk(['create', 'deployment', 'web', '--image=web:1.0', '-o', 'jsonpath={.metadata.resourceVersion}']));
      for (const tag of ['2.0', '3.0', '4.0']) await api.kubectlOk(['set', 'image', 'deployment/web', `web=web:${tag}`]);
      await api.kubectlOk(['create', 'secret', 'generic', 'db', '--from-literal=password=s3cret']);
      viewerToken = await userWithToken('viewer');
      await ok(GRANT, { user: 'viewer', clusterRole: 'view', ns: 'default' });
    });

    it('lists the revisions in order, a page at a time', async () => {
      const list = (await ok(REVISIONS, { kind: 'deploy', name: 'web' })).objectRevisions;
      expect(list.object).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' });
      expect(list.compactedRevision).toBe(0);
      expect(list.metadata.continue).toBeNull();
      expect(list.items[0]).toMatchObject({ revision: created, type: 'ADDED', summary: 'created' });
      const revisions = list.items.map((i: any) => i.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      imageChanges = list.items.filter((i: any) => i.summary.startsWith('spec.template.spec.containers[0].image'));
      expect(imageChanges.map((i) => i.summary)).toEqual([
        'spec.template.spec.containers[0].image: web:1.0 → web:2.0',
        'spec.template.spec.containers[0].image: web:2.0 → web:3.0',
        'spec.template.spec.containers[0].image: web:3.0 → web:4.0',
      ]);
      const page = (await ok(REVISIONS, { kind: 'Deployment', name: 'web', limit: 2 })).objectRevisions;
      expect(page.items.map((i: any) => i.revision)).toEqual(revisions.slice(0, 2));
      const next = (await ok(REVISIONS, { kind: 'deployments.apps', name: 'web', limit: 2, continue: page.metadata.continue })).objectRevisions;
      expect(next.items.map((i: any) => i.revision)).toEqual(revisions.slice(2, 4));
    });

    it('returns the Deployment as it was at a revision or a time', async () => {
      const first = (await ok(AT, { kind: 'Deployment', name: 'web', revision: created })).objectAt;
      expect(first.metadata.resourceVersion).toBe(String(created));
      expect(image(first)).toBe('web:1.0');
      expect(image((await ok(AT, { kind: 'Deployment', name: 'web', revision: imageChanges[0].revision })).objectAt)).toBe('web:2.0');
      expect(image((await ok(AT, { kind: 'Deployment', name: 'web', time: imageChanges[1].time })).objectAt)).toBe('web:3.0');
      expect((await refused(AT, { kind: 'Deployment', name: 'web', revision: created, time: imageChanges[1].time })).code).toBe('BadRequest');
      expect((await refused(AT, { kind: 'Deployment', name: 'web', time: '2001-01-01T00:00:00Z' })).message).toBe('deployments.apps "web" not found at time 2001-01-01T00:00:00Z');
      expect((await refused(AT, { kind: 'gadgets', name: 'web', revision: created })).causes?.[0].field).toBe('kind');
    });

    it('diffs two revisions: the image path as JSON Patch, field changes and unified text', async () => {
      const last = imageChanges[2].revision;
      const diff = (await ok(DIFF, { kind: 'Deployment', name: 'web', from: String(created), to: String(last) })).objectDiff;
      expect(diff).toMatchObject({ object: { kind: 'Deployment', name: 'web' }, from: { revision: created, exists: true, resourceVersion: String(created) }, to: { revision: last, exists: true }, noise: false });
      expect(diff.patch).toContainEqual({ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'web:4.0' });
      expect(diff.changes).toContainEqual({ path: '/spec/template/spec/containers/0/image', field: 'spec.template.spec.containers[0].image', from: 'web:1.0', to: 'web:4.0' });
      expect(diff.unified).toContain('\n-      - image: web:1.0\n+      - image: web:4.0\n');
    });

    it('authorizes as a get of the object: a view user reads a Deployment’s history, not a Secret’s', async () => {
      expect((await ok(REVISIONS, { kind: 'Deployment', name: 'web' }, viewerToken)).objectRevisions.items.length).toBeGreaterThan(3);
      const secret = await refused(REVISIONS, { kind: 'Secret', name: 'db' }, viewerToken);
      expect(secret).toMatchObject({ code: 'Forbidden', message: 'secrets "db" is forbidden: User "viewer" cannot get resource "secrets" in API group "" in the namespace "default"' });
      expect((await refused(AT, { kind: 'secret', name: 'db', revision: created }, viewerToken)).code).toBe('Forbidden');
      expect((await refused(DIFF, { kind: 'secrets', name: 'db', from: String(created), to: String(created + 1) }, viewerToken)).code).toBe('Forbidden');
    });
  });
});
