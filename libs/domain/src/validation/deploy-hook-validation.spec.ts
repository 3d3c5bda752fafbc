import { validateObject, validateObjectUpdate } from './object-validation';

const hook = (spec: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'skiff.io/v1alpha1',
  kind: 'DeployHook',
  metadata: { name: 'web', namespace: 'default' },
  spec,
  ...extra,
});
const good = { target: { kind: 'Deployment', name: 'web', container: 'web' }, secretRef: { name: 'web-hook' }, tagPatterns: ['v*'], type: 'generic' };

describe('DeployHook validation', () => {
  it('accepts a complete hook, and one that leaves the optional fields out', () => {
    expect(validateObject('DeployHook', hook(good))).toEqual([]);
    expect(validateObject('DeployHook', hook({ target: { kind: 'StatefulSet', name: 'db' }, secretRef: { name: 's' } }))).toEqual([]);
  });

  it('requires a target and a secretRef, naming the fields', () => {
    expect(validateObject('DeployHook', hook(undefined)).map((c) => c.field)).toEqual(['spec']);
    expect(validateObject('DeployHook', hook({})).map((c) => `${c.field}: ${c.message}`)).toEqual(['spec.target: Required value', 'spec.secretRef: Required value']);
    expect(validateObject('DeployHook', hook({ target: {}, secretRef: {} })).map((c) => c.field)).toEqual(['spec.target.kind', 'spec.target.name', 'spec.secretRef.name']);
  });

  it('refuses other target kinds, bad names, bad patterns and unknown types', () => {
    const causes = validateObject('DeployHook', hook({
      target: { kind: 'DaemonSet', name: 'Web', container: 'a_b' },
      secretRef: { name: 'ok' },
      tagPatterns: ['v*', '', 'a/b'],
      type: 'gitlab',
    }));
    expect(causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.target.kind: Unsupported value: "DaemonSet": supported values: "Deployment", "StatefulSet"',
      expect.stringMatching(/^spec\.target\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/),
      expect.stringMatching(/^spec\.target\.container: Invalid value: "a_b": a lowercase RFC 1123 label/),
      'spec.tagPatterns[1]: Invalid value: "": must be non-empty',
      'spec.tagPatterns[2]: Invalid value: "a/b": must not contain "/": a tag has none',
      'spec.type: Unsupported value: "gitlab": supported values: "generic", "docker", "github"',
    ]);
  });

  it('keeps the webhook path on the uid and the outcome among the known ones', () => {
    const meta = { name: 'web', namespace: 'default', uid: '0b8e7a52-8d3c-4a5e-9f5c-2f1d3c4b5a69', resourceVersion: '5' };
    const old = { ...hook(good), metadata: meta, status: { webhookPath: `/hooks/${meta.uid}` } };
    expect(validateObjectUpdate('DeployHook', old, old)).toEqual([]);
    const moved = { ...old, status: { webhookPath: '/hooks/mine', lastDelivery: { id: '1', time: 't', outcome: 'maybe' } } };
    expect(validateObjectUpdate('DeployHook', moved, old).map((c) => c.field)).toEqual(['status.webhookPath', 'status.lastDelivery.outcome']);
  });
});
