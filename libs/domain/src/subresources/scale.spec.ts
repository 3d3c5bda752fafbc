import type { KubeObject } from '../meta/types';
import { rejection } from '../testing/rejection';
import { fromScale, toScale } from './scale';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '7' },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] } },
  status: { replicas: 2 },
};

describe('scale subresource', () => {
  it('shows desired and current replicas and the selector as a string', () => {
    expect(toScale(deployment)).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', resourceVersion: '7' },
      spec: { replicas: 3 },
      status: { replicas: 2, selector: 'app=web,tier in (a,b)' },
    });
  });
  it("reads a ReplicationController's map selector", () => {
    const rc = { ...deployment, kind: 'ReplicationController', spec: { replicas: 1, selector: { app: 'old' } } };
    expect(toScale(rc).status).toMatchObject({ selector: 'app=old' });
  });
  it('writes the new replica count back, unconditional unless the Scale names a resourceVersion', () => {
    const next = fromScale(deployment, { spec: { replicas: 5 } });
    expect((next.spec as { replicas: number }).replicas).toBe(5);
    expect(next.metadata.resourceVersion).toBeUndefined();
    expect(fromScale(deployment, { spec: { replicas: 5 }, metadata: { resourceVersion: '6' } }).metadata.resourceVersion).toBe('6');
  });
  it('refuses a negative replica count with 422 naming spec.replicas', () => {
    const err = rejection(() => fromScale(deployment, { spec: { replicas: -1 } }));
    expect(err.code).toBe(422);
    expect(err.details?.causes?.[0].field).toBe('spec.replicas');
  });
});
