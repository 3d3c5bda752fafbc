/**
 * Container image references as the distribution spec writes them:
 * `[registry[:port]/]path[:tag][@digest]`. Deploy hooks compare repositories (so a push of
 * another image never lands on the target) and check tags against the hook's patterns.
 */
export interface ImageReference {
  /** The registry host as written (`ghcr.io`, `registry.local:5000`), or '' for Docker Hub's default. */
  registry: string;
  /** Repository path inside the registry (`library/nginx`, `octo-org/web`). */
  path: string;
  tag?: string;
  digest?: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const DOCKER_HUB = 'docker.io';

/** A first path part names a registry when it has a dot or a port, or is `localhost` (as Docker decides). */
function isRegistry(part: string): boolean {
  return part.includes('.') || part.includes(':') || part === 'localhost';
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** The parts of `image`, or undefined when it is not a valid reference. */
export function parseImageReference(image: string): ImageReference | undefined {
  if (!image || image.length > 512 || /\s/.test(image)) return undefined;
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  const registry = parts.length > 1 && isRegistry(parts[0]) ? parts.shift()! : '';
  if (!parts.length || !parts.every((p) => COMPONENT.test(p))) return undefined;
  return { registry, path: parts.join('/'), ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** The repository in full, as Docker normalizes it: `nginx` → `docker.io/library/nginx`. */
export function canonicalRepository(ref: ImageReference): string {
  const registry = !ref.registry || ref.registry === 'index.docker.io' ? DOCKER_HUB : ref.registry;
  const path = registry === DOCKER_HUB && !ref.path.includes('/') ? `library/${ref.path}` : ref.path;
  return `${registry}/${path}`;
}

/** Whether two images are of one repository (`nginx:1.25` and `docker.io/library/nginx:1.26` are). */
export function sameRepository(a: string, b: string): boolean {
  const ra = parseImageReference(a);
  const rb = parseImageReference(b);
  return !!ra && !!rb && canonicalRepository(ra) === canonicalRepository(rb);
}
