import { parseRequestPath, type ResourceRequest } from '../request/request-info';
import { resourceAttributes } from './request-attributes';

function parse(method: string, path: string, watch = false): ResourceRequest {
  const req = parseRequestPath(method, path, watch);
  if (req.kind !== 'resource') throw new Error(`not a resource request: ${path}`);
  return req;
}

describe('resourceAttributes', () => {
  it('carries verb, group, resource, subresource, namespace and name over', () => {
    expect(resourceAttributes(parse('GET', '/api/v1/namespaces/team-a/pods/web-1/log'))).toEqual({
      verb: 'get',
      apiGroup: '',
      resource: 'pods',
      subresource: 'log',
      namespace: 'team-a',
      name: 'web-1',
    });
    expect(resourceAttributes(parse('POST', '/apis/apps/v1/namespaces/team-a/deployments'))).toEqual({
      verb: 'create',
      apiGroup: 'apps',
      resource: 'deployments',
      namespace: 'team-a',
    });
    expect(resourceAttributes(parse('GET', '/api/v1/nodes'))).toEqual({ verb: 'list', apiGroup: '', resource: 'nodes' });
  });

  it('puts a request on a Namespace object in that namespace', () => {
    expect(resourceAttributes(parse('DELETE', '/api/v1/namespaces/team-a'))).toEqual({
      verb: 'delete',
      apiGroup: '',
      resource: 'namespaces',
      namespace: 'team-a',
      name: 'team-a',
    });
    expect(resourceAttributes(parse('PUT', '/api/v1/namespaces/team-a/status'))).toMatchObject({ namespace: 'team-a', name: 'team-a', subresource: 'status' });
    expect(resourceAttributes(parse('GET', '/api/v1/namespaces'))).toEqual({ verb: 'list', apiGroup: '', resource: 'namespaces' });
  });

  it('names the object a list or watch selects with metadata.name', () => {
    expect(resourceAttributes(parse('GET', '/api/v1/namespaces/team-a/configmaps'), 'settings')).toMatchObject({ verb: 'list', name: 'settings' });
    expect(resourceAttributes(parse('GET', '/api/v1/namespaces/team-a/configmaps', true), 'settings')).toMatchObject({ verb: 'watch', name: 'settings' });
  });

  it('ignores that selector for other verbs and for names that are not one path segment', () => {
    expect(resourceAttributes(parse('DELETE', '/api/v1/namespaces/team-a/configmaps'), 'settings').name).toBeUndefined();
    expect(resourceAttributes(parse('GET', '/api/v1/namespaces/team-a/configmaps'), 'a/b').name).toBeUndefined();
    expect(resourceAttributes(parse('GET', '/api/v1/namespaces/team-a/configmaps'), '..').name).toBeUndefined();
  });
});
