import { nodeMayWrite, nodeRequestAllowed } from './node-authorizer';

describe('node authorizer', () => {
  it('lets a node read what its pods need, but not write arbitrary objects', () => {
    expect(nodeRequestAllowed({ verb: 'watch', resource: 'pods', subresource: '' })).toBe(true);
    expect(nodeRequestAllowed({ verb: 'get', resource: 'secrets', subresource: '' })).toBe(true);
    expect(nodeRequestAllowed({ verb: 'list', resource: 'deployments.apps', subresource: '' })).toBe(false);
    expect(nodeRequestAllowed({ verb: 'create', resource: 'pods', subresource: '' })).toBe(false);
    expect(nodeRequestAllowed({ verb: 'update', resource: 'configmaps', subresource: '' })).toBe(false);
    expect(nodeRequestAllowed({ verb: 'patch', resource: 'pods', subresource: 'status' })).toBe(true);
    expect(nodeRequestAllowed({ verb: 'update', resource: 'leases.coordination.k8s.io', subresource: '' })).toBe(true);
  });

  it('limits writes to its own Node, Lease and pods', () => {
    const mine = ['n1', 'n2'];
    expect(nodeMayWrite(mine, { kind: 'Node', metadata: { name: 'n2' } })).toBe(true);
    expect(nodeMayWrite(mine, { kind: 'Node', metadata: { name: 'n3' } })).toBe(false);
    expect(nodeMayWrite(mine, { kind: 'Lease', metadata: { name: 'n1', namespace: 'kube-node-lease' } })).toBe(true);
    expect(nodeMayWrite(mine, { kind: 'Lease', metadata: { name: 'n1', namespace: 'default' } })).toBe(false);
    expect(nodeMayWrite(mine, { kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'n1' } })).toBe(true);
    expect(nodeMayWrite(mine, { kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'other' } })).toBe(false);
    expect(nodeMayWrite(mine, { kind: 'ConfigMap', metadata: { name: 'c' } })).toBe(false);
  });
});
