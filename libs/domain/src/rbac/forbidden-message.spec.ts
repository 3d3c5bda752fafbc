import { forbiddenError, forbiddenMessage, forbiddenObjectError } from './forbidden-message';
import type { UserInfo } from './types';

const alice: UserInfo = { name: 'alice', groups: ['system:authenticated'] };

describe('forbiddenMessage', () => {
  it('words a named request in a namespace', () => {
    expect(forbiddenMessage(alice, { verb: 'delete', apiGroup: '', resource: 'pods', namespace: 'default', name: 'web-1' })).toBe(
      'pods "web-1" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('leaves the name out when the request has none', () => {
    expect(forbiddenMessage(alice, { verb: 'list', apiGroup: '', resource: 'pods', namespace: 'default' })).toBe(
      'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"',
    );
  });

  it('says "at the cluster scope" without a namespace', () => {
    expect(forbiddenMessage(alice, { verb: 'list', apiGroup: '', resource: 'nodes' })).toBe(
      'nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope',
    );
    expect(forbiddenMessage(alice, { verb: 'get', apiGroup: '', resource: 'namespaces', name: 'team-a', namespace: '' })).toBe(
      'namespaces "team-a" is forbidden: User "alice" cannot get resource "namespaces" in API group "" at the cluster scope',
    );
  });

  it('qualifies the leading resource with its group, and keeps the group apart in the sentence', () => {
    expect(forbiddenMessage(alice, { verb: 'create', apiGroup: 'apps', resource: 'deployments', namespace: 'team-a' })).toBe(
      'deployments.apps is forbidden: User "alice" cannot create resource "deployments" in API group "apps" in the namespace "team-a"',
    );
  });

  it('names the subresource in the sentence only', () => {
    expect(forbiddenMessage(alice, { verb: 'get', apiGroup: '', resource: 'pods', subresource: 'log', namespace: 'default', name: 'web-1' })).toBe(
      'pods "web-1" is forbidden: User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"',
    );
    expect(forbiddenMessage(alice, { verb: 'update', apiGroup: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'default', name: 'web' })).toBe(
      'deployments.apps "web" is forbidden: User "alice" cannot update resource "deployments/scale" in API group "apps" in the namespace "default"',
    );
  });

  it('words a denied path', () => {
    expect(forbiddenMessage(alice, { verb: 'get', path: '/metrics' })).toBe('forbidden: User "alice" cannot get path "/metrics"');
  });

  it('appends the authorizer reason', () => {
    expect(forbiddenMessage(alice, { verb: 'get', apiGroup: '', resource: 'pods', namespace: 'default', name: 'web-1' }, 'RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found')).toBe(
      'pods "web-1" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default": RBAC: clusterrole.rbac.authorization.k8s.io "gone" not found',
    );
  });

  it('escapes HTML in its own sentence', () => {
    expect(forbiddenMessage({ name: '<b>&', groups: [] }, { verb: 'get', path: '/x' })).toBe('forbidden: User "&lt;b&gt;&amp;" cannot get path "/x"');
  });
});

describe('forbiddenError', () => {
  it('is a 403 Forbidden Status whose details name the object', () => {
    const status = forbiddenError(alice, { verb: 'get', apiGroup: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'default', name: 'web' }).toStatus();
    expect(status).toMatchObject({ code: 403, reason: 'Forbidden', status: 'Failure', details: { name: 'web', group: 'apps', kind: 'deployments' } });
  });

  it('leaves details empty for a path', () => {
    expect(forbiddenError(alice, { verb: 'get', path: '/metrics' }).toStatus().details).toEqual({});
  });
});

describe('forbiddenObjectError', () => {
  it('wraps any reason the way apimachinery NewForbidden does', () => {
    expect(forbiddenObjectError('rbac.authorization.k8s.io', 'rolebindings', 'ops', 'nope').message).toBe('rolebindings.rbac.authorization.k8s.io "ops" is forbidden: nope');
    expect(forbiddenObjectError('', 'pods', '', 'nope').message).toBe('pods is forbidden: nope');
    expect(forbiddenObjectError('', '', '', 'nope').message).toBe('forbidden: nope');
  });
});
