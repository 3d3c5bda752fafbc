import { parseRequestPath } from './request-info';

describe('parseRequestPath', () => {
  it('reads a namespaced named subresource', () => {
    expect(parseRequestPath('PUT', '/apis/apps/v1/namespaces/prod/deployments/web/scale', false)).toMatchObject({
      kind: 'resource', verb: 'update', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'prod', name: 'web', subresource: 'scale',
    });
  });
  it('treats namespaces/<name> as the Namespace object itself', () => {
    expect(parseRequestPath('GET', '/api/v1/namespaces/prod', false)).toMatchObject({ resource: 'namespaces', name: 'prod', namespace: '', verb: 'get' });
    expect(parseRequestPath('PUT', '/api/v1/namespaces/prod/status', false)).toMatchObject({ resource: 'namespaces', name: 'prod', subresource: 'status' });
  });
  it('turns a list with watch into a watch, also on the legacy /watch/ prefix', () => {
    expect(parseRequestPath('GET', '/api/v1/pods', true)).toMatchObject({ verb: 'watch', namespace: '' });
    expect(parseRequestPath('GET', '/api/v1/watch/namespaces/a/pods', false)).toMatchObject({ verb: 'watch', namespace: 'a' });
  });
  it('maps DELETE on a collection to deletecollection', () => {
    expect(parseRequestPath('DELETE', '/api/v1/namespaces/a/configmaps', false)).toMatchObject({ verb: 'deletecollection' });
  });
  it('recognises discovery paths and rejects others', () => {
    expect(parseRequestPath('GET', '/apis/apps', false)).toMatchObject({ kind: 'discovery', path: 'group', group: 'apps' });
    expect(parseRequestPath('GET', '/api/v1', false)).toMatchObject({ kind: 'discovery', path: 'groupversion', version: 'v1' });
    expect(parseRequestPath('GET', '/foo', false)).toEqual({ kind: 'unknown' });
    expect(parseRequestPath('GET', '/api/v1/pods/a/b/c', false)).toEqual({ kind: 'unknown' });
  });
});
