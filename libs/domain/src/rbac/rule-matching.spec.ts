import { ruleAllows, rulesAllow } from './rule-matching';
import type { PolicyRule, ResourceAttributes } from './types';

const get = (resource: string, extra: Partial<ResourceAttributes> = {}): ResourceAttributes => ({ verb: 'get', apiGroup: '', resource, namespace: 'default', name: 'web-1', ...extra });

describe('ruleAllows: resource requests', () => {
  const podsRead: PolicyRule = { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] };

  it('needs the verb, the group and the resource all to match', () => {
    expect(ruleAllows(podsRead, get('pods'))).toBe(true);
    expect(ruleAllows(podsRead, get('pods', { verb: 'delete' }))).toBe(false);
    expect(ruleAllows(podsRead, get('pods', { apiGroup: 'apps' }))).toBe(false);
    expect(ruleAllows(podsRead, get('services'))).toBe(false);
  });

  it('treats * as any verb, any group and any resource', () => {
    expect(ruleAllows({ verbs: ['*'], apiGroups: [''], resources: ['pods'] }, get('pods', { verb: 'escalate' }))).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: ['*'], resources: ['deployments'] }, get('deployments', { apiGroup: 'apps' }))).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['*'] }, get('secrets'))).toBe(true);
  });

  it('lets the resource wildcard reach subresources too', () => {
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['*'] }, get('pods', { subresource: 'log' }))).toBe(true);
  });

  it('keeps a resource and its subresources apart', () => {
    expect(ruleAllows(podsRead, get('pods', { subresource: 'log' }))).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, get('pods'))).toBe(false);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, get('pods', { subresource: 'log' }))).toBe(true);
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }, get('pods', { subresource: 'status' }))).toBe(false);
  });

  it('matches a subresource of any resource with */subresource', () => {
    const anyScale: PolicyRule = { verbs: ['update'], apiGroups: ['apps'], resources: ['*/scale'] };
    expect(ruleAllows(anyScale, get('deployments', { verb: 'update', apiGroup: 'apps', subresource: 'scale' }))).toBe(true);
    expect(ruleAllows(anyScale, get('statefulsets', { verb: 'update', apiGroup: 'apps', subresource: 'scale' }))).toBe(true);
    expect(ruleAllows(anyScale, get('deployments', { verb: 'update', apiGroup: 'apps' }))).toBe(false);
    expect(ruleAllows(anyScale, get('deployments', { verb: 'update', apiGroup: 'apps', subresource: 'status' }))).toBe(false);
  });

  it('reads resource/* literally, as Kubernetes does: it matches no subresource', () => {
    const podsStar: PolicyRule = { verbs: ['get'], apiGroups: [''], resources: ['pods/*'] };
    expect(ruleAllows(podsStar, get('pods', { subresource: 'log' }))).toBe(false);
    expect(ruleAllows(podsStar, get('pods'))).toBe(false);
  });

  it('is not fooled by a */subresource rule whose tail merely ends like the subresource', () => {
    expect(ruleAllows({ verbs: ['get'], apiGroups: [''], resources: ['*/xlog'] }, get('pods', { subresource: 'log' }))).toBe(false);
  });

  it('allows any object when resourceNames is empty, and only the named ones otherwise', () => {
    const onlyWeb1: PolicyRule = { verbs: ['get', 'update', 'delete'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['web-1'] };
    expect(ruleAllows(onlyWeb1, get('configmaps'))).toBe(true);
    expect(ruleAllows(onlyWeb1, get('configmaps', { name: 'web-2' }))).toBe(false);
    expect(ruleAllows({ ...onlyWeb1, resourceNames: [] }, get('configmaps', { name: 'web-2' }))).toBe(true);
  });

  it('never lets a named rule allow requests that carry no name (create, list, watch, deletecollection)', () => {
    const named: PolicyRule = { verbs: ['create', 'list', 'watch', 'deletecollection'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['web-1'] };
    for (const verb of ['create', 'list', 'watch', 'deletecollection']) {
      expect(ruleAllows(named, get('configmaps', { verb, name: undefined }))).toBe(false);
    }
    // A list with a metadata.name field selector names the object, and then the rule applies.
    expect(ruleAllows(named, get('configmaps', { verb: 'list', name: 'web-1' }))).toBe(true);
  });

  it('never lets a URL rule allow a resource request', () => {
    expect(ruleAllows({ verbs: ['*'], nonResourceURLs: ['*'] }, get('pods'))).toBe(false);
  });

  it('needs apiGroups: a resource rule without them allows nothing', () => {
    expect(ruleAllows({ verbs: ['get'], resources: ['pods'] }, get('pods'))).toBe(false);
  });
});

describe('ruleAllows: non-resource requests', () => {
  const rule = (...nonResourceURLs: string[]): PolicyRule => ({ verbs: ['get'], nonResourceURLs });

  it('matches exact paths', () => {
    expect(ruleAllows(rule('/healthz'), { verb: 'get', path: '/healthz' })).toBe(true);
    expect(ruleAllows(rule('/healthz'), { verb: 'get', path: '/healthz/etcd' })).toBe(false);
    expect(ruleAllows(rule('/version'), { verb: 'get', path: '/version/' })).toBe(false);
  });

  it('matches a prefix when the URL ends in *', () => {
    expect(ruleAllows(rule('/apis/*'), { verb: 'get', path: '/apis/apps/v1' })).toBe(true);
    expect(ruleAllows(rule('/apis/*'), { verb: 'get', path: '/apis/' })).toBe(true);
    expect(ruleAllows(rule('/apis/*'), { verb: 'get', path: '/apis' })).toBe(false);
    expect(ruleAllows(rule('/healthz*'), { verb: 'get', path: '/healthzfoo' })).toBe(true);
  });

  it('matches every path with *', () => {
    expect(ruleAllows({ verbs: ['*'], nonResourceURLs: ['*'] }, { verb: 'post', path: '/anything/at/all' })).toBe(true);
  });

  it('still needs the verb', () => {
    expect(ruleAllows(rule('/healthz'), { verb: 'post', path: '/healthz' })).toBe(false);
  });

  it('never lets a resource rule allow a path', () => {
    expect(ruleAllows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verb: 'get', path: '/healthz' })).toBe(false);
  });
});

describe('rulesAllow', () => {
  it('allows when any one rule does', () => {
    const rules: PolicyRule[] = [
      { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
      { verbs: ['delete'], apiGroups: [''], resources: ['pods'] },
    ];
    expect(rulesAllow(rules, get('pods', { verb: 'delete' }))).toBe(true);
    expect(rulesAllow(rules, get('pods', { verb: 'update' }))).toBe(false);
    expect(rulesAllow([], get('pods'))).toBe(false);
  });
});
