import { breakdownRule, rulesCover, uncoveredRules } from './rules-cover';
import type { PolicyRule } from './types';

const r = (verbs: string[], apiGroups: string[], resources: string[], resourceNames?: string[]): PolicyRule =>
  resourceNames ? { verbs, apiGroups, resources, resourceNames } : { verbs, apiGroups, resources };

describe('breakdownRule', () => {
  it('splits a rule into one permission per group, resource, verb and name', () => {
    expect(breakdownRule(r(['get', 'list'], ['', 'apps'], ['deployments']))).toEqual([
      r(['get'], [''], ['deployments']),
      r(['list'], [''], ['deployments']),
      r(['get'], ['apps'], ['deployments']),
      r(['list'], ['apps'], ['deployments']),
    ]);
    expect(breakdownRule(r(['get'], [''], ['configmaps'], ['a', 'b']))).toEqual([r(['get'], [''], ['configmaps'], ['a']), r(['get'], [''], ['configmaps'], ['b'])]);
  });

  it('splits URL rules by URL and verb', () => {
    expect(breakdownRule({ verbs: ['get', 'post'], nonResourceURLs: ['/a'] })).toEqual([
      { verbs: ['get'], nonResourceURLs: ['/a'] },
      { verbs: ['post'], nonResourceURLs: ['/a'] },
    ]);
  });
});

describe('rulesCover', () => {
  it('is true when each permission is held by some owner rule', () => {
    const owner = [r(['get', 'list'], [''], ['pods']), r(['delete'], [''], ['pods'])];
    expect(rulesCover(owner, [r(['get', 'delete'], [''], ['pods'])])).toBe(true);
    expect(rulesCover(owner, [r(['get', 'update'], [''], ['pods'])])).toBe(false);
    expect(uncoveredRules(owner, [r(['get', 'update'], [''], ['pods'])])).toEqual([r(['update'], [''], ['pods'])]);
  });

  it('covers anything with wildcards, but a wildcard only with a wildcard', () => {
    const root = [r(['*'], ['*'], ['*']), { verbs: ['*'], nonResourceURLs: ['*'] }];
    expect(rulesCover(root, [r(['escalate'], ['rbac.authorization.k8s.io'], ['roles/anything'], ['x']), { verbs: ['get'], nonResourceURLs: ['/healthz'] }])).toBe(true);
    expect(rulesCover([r(['get', 'list', 'watch'], [''], ['pods'])], [r(['*'], [''], ['pods'])])).toBe(false);
    expect(rulesCover([r(['get'], ['apps', ''], ['pods'])], [r(['get'], ['*'], ['pods'])])).toBe(false);
    expect(rulesCover([r(['get'], [''], ['pods', 'secrets'])], [r(['get'], [''], ['*'])])).toBe(false);
  });

  it('covers subresources only by exact name or */subresource', () => {
    expect(rulesCover([r(['get'], [''], ['pods'])], [r(['get'], [''], ['pods/log'])])).toBe(false);
    expect(rulesCover([r(['get'], [''], ['*/log'])], [r(['get'], [''], ['pods/log'])])).toBe(true);
    expect(rulesCover([r(['get'], [''], ['pods/log'])], [r(['get'], [''], ['pods/log'])])).toBe(true);
    expect(rulesCover([r(['get'], [''], ['*/log'])], [r(['get'], [''], ['pods'])])).toBe(false);
  });

  it('needs owner resourceNames to include every requested one, and none to grant unnamed access', () => {
    const onlyA = [r(['get'], [''], ['configmaps'], ['a'])];
    expect(rulesCover(onlyA, [r(['get'], [''], ['configmaps'], ['a'])])).toBe(true);
    expect(rulesCover(onlyA, [r(['get'], [''], ['configmaps'], ['a', 'b'])])).toBe(false);
    expect(rulesCover(onlyA, [r(['get'], [''], ['configmaps'])])).toBe(false);
    expect(rulesCover([r(['get'], [''], ['configmaps'])], [r(['get'], [''], ['configmaps'], ['a'])])).toBe(true);
  });

  it('compares URL rules by prefix', () => {
    const owner: PolicyRule[] = [{ verbs: ['get'], nonResourceURLs: ['/apis/*', '/healthz'] }];
    expect(rulesCover(owner, [{ verbs: ['get'], nonResourceURLs: ['/apis/apps/v1', '/healthz'] }])).toBe(true);
    expect(rulesCover(owner, [{ verbs: ['get'], nonResourceURLs: ['/api'] }])).toBe(false);
    expect(rulesCover(owner, [{ verbs: ['get'], nonResourceURLs: ['/apis/*'] }])).toBe(true);
    expect(rulesCover([r(['*'], ['*'], ['*'])], [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }])).toBe(false);
  });

  it('is trivially true for nothing requested', () => {
    expect(rulesCover([], [])).toBe(true);
  });
});
