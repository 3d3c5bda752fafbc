import { StatusError } from '../errors/status-error';
import type { KubeObject } from '../meta/types';
import { describeSetImage, setContainerImage } from './set-image';

const deployment = (containers: string[], init: string[] = []): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    template: {
      spec: {
        containers: containers.map((n) => ({ name: n, image: `${n}:1.0` })),
        ...(init.length ? { initContainers: init.map((n) => ({ name: n, image: `${n}:1.0` })) } : {}),
      },
    },
  },
});
const images = (obj: KubeObject) => {
  const spec = (obj.spec as any).template.spec;
  return [...spec.containers, ...(spec.initContainers ?? [])].map((c: any) => `${c.name}=${c.image}`);
};
function fieldError(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return `${e.code} ${e.details?.causes?.[0]?.field}: ${e.details?.causes?.[0]?.message}`;
    throw e;
  }
  return undefined;
}

describe('setContainerImage', () => {
  it('sets the only container when none is named, and says what changed', () => {
    const d = deployment(['web']);
    expect(setContainerImage(d, undefined, 'nginx:1.27')).toEqual([{ container: 'web', from: 'web:1.0', to: 'nginx:1.27' }]);
    expect(images(d)).toEqual(['web=nginx:1.27']);
    expect(setContainerImage(d, 'web', 'nginx:1.27')).toEqual([]);
    expect(describeSetImage(d, undefined, 'nginx:1.27')).toBe('set image web=nginx:1.27');
  });

  it('matches a named container or init container, or all with *', () => {
    const d = deployment(['web', 'sidecar'], ['setup']);
    setContainerImage(d, 'setup', 'busybox:2');
    expect(images(d)).toEqual(['web=web:1.0', 'sidecar=sidecar:1.0', 'setup=busybox:2']);
    expect(setContainerImage(d, '*', 'busybox:2').map((c) => c.container)).toEqual(['web', 'sidecar']);
    expect(describeSetImage(d, '*', 'busybox:2')).toBe('set image *=busybox:2');
  });

  it('sets a pod’s own containers', () => {
    const pod: KubeObject = { kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'a' }] } };
    setContainerImage(pod, undefined, 'b');
    expect((pod.spec as any).containers[0].image).toBe('b');
  });

  it('names the argument that is wrong', () => {
    expect(fieldError(() => setContainerImage(deployment(['web', 'sidecar']), undefined, 'x:1'))).toBe(
      '422 container: Required value: the pod template has 2 containers ("web", "sidecar"): name one, or "*" for all',
    );
    expect(fieldError(() => setContainerImage(deployment(['web']), 'db', 'x:1'))).toBe('422 container: Not found: "db": the pod template has containers "web"');
    expect(fieldError(() => setContainerImage(deployment(['web']), 'web', ' '))).toBe('422 image: Required value: an image is required');
    expect(fieldError(() => setContainerImage(deployment(['web']), 'web', 'a b'))).toMatch(/^422 image: Invalid value/);
  });
});
