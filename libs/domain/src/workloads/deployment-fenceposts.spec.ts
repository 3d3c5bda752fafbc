import { deploymentMaxSurge, deploymentMaxUnavailable, resolveFenceposts, scaledValueFromIntOrPercent } from './deployment-fenceposts';
import { makeDeployment } from './test-fixtures';

describe('resolveFenceposts', () => {
  it('rounds surge up and unavailable down', () => {
    expect(resolveFenceposts('25%', '25%', 10)).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    expect(resolveFenceposts('25%', '25%', 4)).toEqual({ maxSurge: 1, maxUnavailable: 1 });
    expect(resolveFenceposts('10%', '10%', 3)).toEqual({ maxSurge: 1, maxUnavailable: 0 });
  });

  it('takes integers as they are', () => {
    expect(resolveFenceposts(3, 2, 10)).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    expect(resolveFenceposts(0, 1, 10)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(resolveFenceposts('100%', 0, 10)).toEqual({ maxSurge: 10, maxUnavailable: 0 });
  });

  it('makes maxUnavailable 1 when both resolve to 0', () => {
    expect(resolveFenceposts('0%', '1%', 2)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(resolveFenceposts(undefined, undefined, 5)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });

  it('rejects strings that are not percentages', () => {
    expect(scaledValueFromIntOrPercent('5', 10, true)).toBeUndefined();
    expect(resolveFenceposts('5', 1, 10)).toEqual({ maxSurge: 0, maxUnavailable: 0 });
  });
});

describe('Deployment fenceposts', () => {
  it('caps maxUnavailable at replicas and zeroes both for Recreate', () => {
    expect(deploymentMaxUnavailable(makeDeployment({ replicas: 2, maxUnavailable: 5 }))).toBe(2);
    expect(deploymentMaxUnavailable(makeDeployment({ replicas: 0 }))).toBe(0);
    expect(deploymentMaxSurge(makeDeployment({ strategy: 'Recreate' }))).toBe(0);
    expect(deploymentMaxUnavailable(makeDeployment({ strategy: 'Recreate' }))).toBe(0);
  });
});
