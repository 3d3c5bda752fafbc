import { Errors } from '../errors/status-error';
import { clone, deployment } from './test-fixtures';
import { validateObject, validateObjectUpdate } from './object-validation';

describe('Deployment validation', () => {
  it('accepts a defaulted deployment', () => {
    expect(validateObject('Deployment', deployment() as never)).toEqual([]);
  });

  it('requires the selector to match the template labels, as the server words it', () => {
    const d = deployment();
    d.spec.selector = { matchLabels: { app: 'api' } };
    const causes = validateObject('Deployment', d as never);
    expect(causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.template.metadata.labels',
        message: 'Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      },
    ]);
    expect(Errors.invalid('apps', 'Deployment', 'web', causes).message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });

  it('reports a missing selector and the resulting label mismatch', () => {
    const d = deployment();
    delete d.spec.selector;
    expect(validateObject('Deployment', d as never).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects an empty selector', () => {
    const d = deployment();
    d.spec.selector = {};
    expect(validateObject('Deployment', d as never)).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.selector',
        message: 'Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      },
    ]);
  });

  it('matches selectors with expressions', () => {
    const d = deployment();
    d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] };
    expect(validateObject('Deployment', d as never)).toEqual([]);
    d.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] };
    expect(validateObject('Deployment', d as never).map((c) => c.field)).toEqual(['spec.selector.matchExpressions[0].values', 'spec.selector']);
  });

  it('prefixes pod template errors with the template path', () => {
    const d = deployment();
    delete d.spec.template.spec.containers[0].image;
    d.spec.template.spec.restartPolicy = 'Never';
    expect(validateObject('Deployment', d as never).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.template.spec.containers[0].image: Required value',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('rejects negative replicas and revision history', () => {
    const d = deployment();
    d.spec.replicas = -1;
    d.spec.revisionHistoryLimit = -2;
    expect(validateObject('Deployment', d as never).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
    ]);
  });

  it('checks the rolling update strategy', () => {
    const d = deployment();
    d.spec.strategy.rollingUpdate = { maxUnavailable: 0, maxSurge: '0%' };
    expect(validateObject('Deployment', d as never).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]);
    d.spec.strategy.rollingUpdate = { maxUnavailable: '150%', maxSurge: 'x' };
    expect(validateObject('Deployment', d as never).map((c) => c.field)).toEqual([
      'spec.strategy.rollingUpdate.maxSurge',
      'spec.strategy.rollingUpdate.maxUnavailable',
    ]);
    d.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } };
    expect(validateObject('Deployment', d as never).map((c) => c.message)).toEqual([
      "Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
  });

  it('requires progressDeadlineSeconds above minReadySeconds', () => {
    const d = deployment();
    d.spec.minReadySeconds = 600;
    expect(validateObject('Deployment', d as never).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ]);
  });

  it('keeps the selector immutable on update', () => {
    const old = deployment();
    const next = clone(old);
    next.spec.selector = { matchLabels: { app: 'web', tier: 'front' } };
    next.spec.template.metadata.labels.tier = 'front';
    expect(validateObjectUpdate('Deployment', next as never, old as never)).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.selector',
        message:
          'Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"front"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      },
    ]);
  });

  it('allows scaling and changing the template on update', () => {
    const old = deployment();
    const next = clone(old);
    next.spec.replicas = 5;
    next.spec.template.spec.containers[0].image = 'nginx:1.28';
    expect(validateObjectUpdate('Deployment', next as never, old as never)).toEqual([]);
  });
});
