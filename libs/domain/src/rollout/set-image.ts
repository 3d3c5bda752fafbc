import type { KubeObject } from '../meta/types';
import { invalidArgument, type ActionTarget } from '../actions/action-errors';
import { groupOfKind } from './workload-kinds';
import { allContainersOf } from './workload-template';

/** One container whose image a `set image` changed. */
export interface ImageChange {
  container: string;
  from: string;
  to: string;
}

/** Every container, as `kubectl set image` matches them. */
export const ALL_CONTAINERS = '*';

const targetOf = (obj: KubeObject): ActionTarget => ({ group: groupOfKind(obj.kind ?? ''), kind: obj.kind ?? '', name: obj.metadata.name ?? '' });

/**
 * `kubectl set image` on `obj` (a copy the caller owns): the named container, or init
 * container, gets `image`; `*` sets every one; no name picks the only container. Returns
 * the containers that changed (none when they already ran `image`). 422 on `image` when
 * it is empty, on `container` when it names none or is needed and left out.
 */
export function setContainerImage(obj: KubeObject, container: string | undefined, image: string): ImageChange[] {
  const target = targetOf(obj);
  if (!image.trim()) throw invalidArgument('image', 'Required value: an image is required', target, 'FieldValueRequired');
  if (/\s/.test(image)) throw invalidArgument('image', `Invalid value: ${JSON.stringify(image)}: an image reference has no spaces`, target);
  const { containers, initContainers } = allContainersOf(obj);
  const all = [...containers, ...initContainers];
  const names = all.map((c) => `"${c.name}"`).join(', ');
  let chosen = all;
  if (!container) {
    if (containers.length !== 1) {
      throw invalidArgument('container', `Required value: the pod template has ${containers.length} containers (${names}): name one, or "*" for all`, target, 'FieldValueRequired');
    }
    chosen = containers;
  } else if (container !== ALL_CONTAINERS) {
    chosen = all.filter((c) => c.name === container);
    if (!chosen.length) throw invalidArgument('container', `Not found: ${JSON.stringify(container)}: the pod template has containers ${names}`, target, 'FieldValueNotFound');
  }
  const changes: ImageChange[] = [];
  for (const c of chosen) {
    if (c.image === image) continue;
    changes.push({ container: c.name, from: c.image ?? '', to: image });
    c.image = image;
  }
  return changes;
}

/** How a change-cause names it: `set image web=nginx:1.27`, `set image *=nginx:1.27`. */
export function describeSetImage(obj: KubeObject, container: string | undefined, image: string): string {
  const name = container || allContainersOf(obj).containers[0]?.name || ALL_CONTAINERS;
  return `set image ${name}=${image}`;
}
