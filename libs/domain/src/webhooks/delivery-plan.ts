import type { Container } from '../kinds/container';
import type { KubeObject } from '../meta/types';
import { CHANGE_CAUSE_ANNOTATION } from '../workloads/deployment-revisions';
import { parseImageReference, sameRepository } from './image-reference';
import { tagAllowed } from './tag-patterns';
import type { DeliveryOutcome, DeployHookSpec } from './types';

/**
 * What a delivery does to the hook's target, decided from the target as read: which
 * container, whether the pushed image is of that container's repository, whether its tag
 * is allowed, and whether it differs from what runs. Only `applied` writes.
 */
export interface DeliveryPlan {
  outcome: Exclude<DeliveryOutcome, 'failed'> | 'failed';
  message: string;
  container?: string;
  image?: string;
}

export interface PlanInput {
  spec: DeployHookSpec;
  /** The target workload as read (Deployment or StatefulSet). */
  target: KubeObject;
  /** Images the delivery says were pushed, in order. */
  images: readonly string[];
  /** Why there are no images, when there are none. */
  note?: string;
  /**
   * Whether an image of another repository is refused (a generic delivery asked for it)
   * rather than ignored (a registry reports every repository's pushes).
   */
  refuseOtherRepositories: boolean;
}

function containersOf(target: KubeObject): Container[] {
  const spec = (target.spec ?? {}) as { template?: { spec?: { containers?: Container[] } } };
  return spec.template?.spec?.containers ?? [];
}

/** The container a hook sets the image of, or why there is none. */
export function targetContainer(target: KubeObject, name: string | undefined): Container | string {
  const containers = containersOf(target);
  if (name) return containers.find((c) => c.name === name) ?? `the pod template has no container "${name}"`;
  if (containers.length === 1) return containers[0];
  return `the pod template has ${containers.length} containers: spec.target.container must name one`;
}

export function planDelivery(input: PlanInput): DeliveryPlan {
  const { spec, target } = input;
  const container = targetContainer(target, spec.target.container);
  if (typeof container === 'string') return { outcome: 'failed', message: container };
  const running = container.image ?? '';
  if (!input.images.length) return { outcome: 'ignored', message: input.note ?? 'the delivery names no image', container: container.name };
  const ours = input.images.filter((image) => sameRepository(image, running));
  if (!ours.length) {
    const repository = running.replace(/[:@][^/]*$/, '');
    const message = `${input.images.join(', ')} is not of repository ${repository}, which container "${container.name}" runs`;
    return { outcome: input.refuseOtherRepositories ? 'rejected' : 'ignored', message, container: container.name, image: input.images.at(-1) };
  }
  const image = ours[ours.length - 1];
  const tag = parseImageReference(image)?.tag;
  if (spec.tagPatterns?.length) {
    if (tag === undefined) return { outcome: 'rejected', message: `${image} has no tag to check against spec.tagPatterns`, container: container.name, image };
    if (!tagAllowed(tag, spec.tagPatterns)) {
      return { outcome: 'rejected', message: `tag "${tag}" is not allowed by spec.tagPatterns (${spec.tagPatterns.join(', ')})`, container: container.name, image };
    }
  }
  if (running === image) return { outcome: 'unchanged', message: `container "${container.name}" already runs ${image}`, container: container.name, image };
  return { outcome: 'applied', message: `container "${container.name}": ${running} → ${image}`, container: container.name, image };
}

/**
 * Sets `container` of `target` (a copy the caller owns) to `image`, with the change-cause
 * annotation; leaves it as it is when the container already runs that image, so the
 * write changes nothing and starts no rollout.
 */
export function withContainerImage(target: KubeObject, container: string, image: string, changeCause: string): KubeObject {
  const c = containersOf(target).find((x) => x.name === container);
  if (!c || c.image === image) return target;
  c.image = image;
  target.metadata.annotations = { ...target.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: changeCause };
  return target;
}
