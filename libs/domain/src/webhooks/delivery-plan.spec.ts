import type { KubeObject } from '../meta/types';
import { deliveryChangeCause, deployHookUserName } from './change-cause';
import { planDelivery, targetContainer, withContainerImage, type PlanInput } from './delivery-plan';
import { withLastDelivery } from './deploy-hook-status';
import type { DeployHookSpec } from './types';

function deployment(...containers: { name: string; image: string }[]): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', annotations: { team: 'a' } },
    spec: { template: { spec: { containers } } },
  };
}

const spec = (extra: Partial<DeployHookSpec> = {}): DeployHookSpec => ({ target: { kind: 'Deployment', name: 'web' }, secretRef: { name: 's' }, ...extra });
const plan = (over: Partial<PlanInput>) => planDelivery({ spec: spec(), target: deployment({ name: 'web', image: 'web:1.0' }), images: ['web:2.0'], refuseOtherRepositories: true, ...over });

describe('planning a delivery', () => {
  it('applies a new tag of the image the container runs', () => {
    expect(plan({})).toEqual({ outcome: 'applied', message: 'container "web": web:1.0 → web:2.0', container: 'web', image: 'web:2.0' });
    // Docker Hub's names: `web` and `docker.io/library/web` are one repository.
    expect(plan({ images: ['docker.io/library/web:2.0'] })).toMatchObject({ outcome: 'applied', image: 'docker.io/library/web:2.0' });
  });

  it('changes nothing when the container already runs the image', () => {
    expect(plan({ images: ['web:1.0'] })).toEqual({ outcome: 'unchanged', message: 'container "web" already runs web:1.0', container: 'web', image: 'web:1.0' });
  });

  it('refuses a generic delivery of another repository, and ignores a registry\'s', () => {
    expect(plan({ images: ['acme/other:2.0'] })).toEqual({
      outcome: 'rejected',
      message: 'acme/other:2.0 is not of repository web, which container "web" runs',
      container: 'web',
      image: 'acme/other:2.0',
    });
    expect(plan({ images: ['acme/other:2.0'], refuseOtherRepositories: false })).toMatchObject({ outcome: 'ignored' });
  });

  it('deploys the last push of the target repository among several', () => {
    expect(plan({ images: ['web:1.5', 'acme/other:9', 'web:2.0'], refuseOtherRepositories: false })).toMatchObject({ outcome: 'applied', image: 'web:2.0' });
  });

  it('ignores a delivery that pushed nothing, saying why', () => {
    expect(plan({ images: [], note: 'ping: the hook is reachable' })).toEqual({ outcome: 'ignored', message: 'ping: the hook is reachable', container: 'web' });
  });

  it('rejects tags the patterns do not allow, and digests when patterns are set', () => {
    const tagged = spec({ tagPatterns: ['v*', 'main-*'] });
    const target = deployment({ name: 'web', image: 'web:v1' });
    expect(plan({ spec: tagged, target, images: ['web:v2'] })).toMatchObject({ outcome: 'applied' });
    expect(plan({ spec: tagged, target, images: ['web:latest'] })).toEqual({
      outcome: 'rejected',
      message: 'tag "latest" is not allowed by spec.tagPatterns (v*, main-*)',
      container: 'web',
      image: 'web:latest',
    });
    expect(plan({ spec: tagged, target, images: ['web@sha256:' + 'a'.repeat(64)] })).toMatchObject({ outcome: 'rejected', message: expect.stringContaining('has no tag') });
  });

  it('picks the named container, or the only one', () => {
    const two = deployment({ name: 'web', image: 'web:1' }, { name: 'sidecar', image: 'proxy:1' });
    expect(targetContainer(two, 'sidecar')).toEqual({ name: 'sidecar', image: 'proxy:1' });
    expect(targetContainer(two, undefined)).toBe('the pod template has 2 containers: spec.target.container must name one');
    expect(targetContainer(two, 'db')).toBe('the pod template has no container "db"');
    expect(plan({ target: two })).toEqual({ outcome: 'failed', message: 'the pod template has 2 containers: spec.target.container must name one' });
    expect(plan({ target: two, spec: spec({ target: { kind: 'Deployment', name: 'web', container: 'sidecar' } }), images: ['proxy:2'] })).toMatchObject({ outcome: 'applied', container: 'sidecar' });
  });
});

describe('writing a delivery', () => {
  const cause = deliveryChangeCause({ namespace: 'default', name: 'web' }, '1234', 'web:2.0');

  it('names the hook and the delivery in the change-cause', () => {
    expect(cause).toBe('deployhook default/web delivery 1234: image web:2.0');
    expect(deployHookUserName({ namespace: 'default', name: 'web' })).toBe('skiff:deployhook:default:web');
  });

  it('sets the image and the change-cause, keeping the other annotations', () => {
    const out = withContainerImage(deployment({ name: 'web', image: 'web:1.0' }, { name: 'log', image: 'log:1' }), 'web', 'web:2.0', cause);
    expect((out.spec as any).template.spec.containers).toEqual([{ name: 'web', image: 'web:2.0' }, { name: 'log', image: 'log:1' }]);
    expect(out.metadata.annotations).toEqual({ team: 'a', 'kubernetes.io/change-cause': cause });
  });

  it('leaves a target that already runs the image as it is', () => {
    const d = deployment({ name: 'web', image: 'web:2.0' });
    expect(withContainerImage(structuredClone(d), 'web', 'web:2.0', cause)).toEqual(d);
  });

  it('records the last delivery in the status, keeping the path', () => {
    const hook = { metadata: { name: 'web', uid: 'u-1' }, status: { webhookPath: '/hooks/u-1' } };
    const last = { id: '1234', time: '2026-11-26T10:00:00Z', outcome: 'applied' as const, image: 'web:2.0', message: 'ok' };
    expect(withLastDelivery(hook, last).status).toEqual({ webhookPath: '/hooks/u-1', lastDelivery: last });
  });
});
