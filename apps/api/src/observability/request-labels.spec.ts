import { requestKind } from './request-labels';

const kind = (method: string, url: string, contentType?: string) => {
  const [path, search = ''] = url.split('?');
  return requestKind(method, path, new URLSearchParams(search), contentType);
};

describe('requestKind', () => {
  it('labels resource requests as kube-apiserver does: reported verb, group, version, resource, scope', () => {
    expect(kind('POST', '/apis/apps/v1/namespaces/default/deployments').labels).toEqual({
      verb: 'POST', group: 'apps', version: 'v1', resource: 'deployments', subresource: '', scope: 'resource', component: 'apiserver',
    });
    expect(kind('GET', '/api/v1/namespaces/default/pods').labels).toMatchObject({ verb: 'LIST', resource: 'pods', scope: 'namespace' });
    expect(kind('GET', '/api/v1/pods').labels).toMatchObject({ verb: 'LIST', scope: 'cluster' });
    expect(kind('GET', '/api/v1/namespaces/default/pods/web-1').labels).toMatchObject({ verb: 'GET', scope: 'resource' });
    expect(kind('DELETE', '/api/v1/namespaces/default/pods').labels.verb).toBe('DELETECOLLECTION');
    expect(kind('PATCH', '/apis/apps/v1/namespaces/default/deployments/web/scale', 'application/merge-patch+json').labels).toMatchObject({ verb: 'PATCH', subresource: 'scale' });
    expect(kind('PATCH', '/apis/apps/v1/namespaces/default/deployments/web', 'application/apply-patch+yaml').labels.verb).toBe('APPLY');
  });

  it('never carries a name, a namespace or an unknown path segment in its labels', () => {
    const values = [
      kind('GET', '/api/v1/namespaces/team-a/configmaps/secret-name'),
      kind('GET', '/apis/example.com/v1/namespaces/x/widgets/w'),
      kind('GET', '/api/v1/namespaces/team-a/pods/p/not-a-subresource'),
      kind('GET', '/skiff/v1/users/alice'),
      kind('GET', '/ui/some/page.html'),
      kind('BREW', '/api/v1/%E0%A4%A'),
    ].flatMap((k) => Object.values(k.labels));
    for (const v of ['team-a', 'secret-name', 'example.com', 'widgets', 'not-a-subresource', 'alice', 'users', 'ui', 'BREW']) expect(values).not.toContain(v);
    expect(kind('GET', '/skiff/v1/users/alice').labels).toMatchObject({ verb: 'GET', resource: '', scope: '' });
    expect(kind('BREW', '/anything').labels.verb).toBe('OTHER');
  });

  it('counts watches and followed logs as long-running, writes as mutating', () => {
    const watch = kind('GET', '/api/v1/namespaces/default/pods?watch=true&resourceVersion=5');
    expect(watch).toMatchObject({ longRunning: true, mutating: false, labels: { verb: 'WATCH', resource: 'pods' } });
    expect(kind('GET', '/api/v1/watch/pods').labels.verb).toBe('WATCH');
    expect(kind('GET', '/api/v1/namespaces/default/pods/p/log?follow=true')).toMatchObject({ longRunning: true, labels: { subresource: 'log' } });
    expect(kind('GET', '/api/v1/namespaces/default/pods/p/log').longRunning).toBe(false);
    expect(kind('PUT', '/api/v1/namespaces/default/configmaps/c')).toMatchObject({ longRunning: false, mutating: true });
  });

  it('names the resources served outside the stored kinds: access reviews and resource metrics', () => {
    expect(kind('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews').labels).toMatchObject({ group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' });
    expect(kind('GET', '/apis/metrics.k8s.io/v1beta1/nodes').labels).toMatchObject({ group: 'metrics.k8s.io', resource: 'nodes', verb: 'LIST' });
  });
});
