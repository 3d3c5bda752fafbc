import { parseImageReference } from './image-reference';
import type { DeployHookType } from './types';

/**
 * Reading a delivery: which format it is, which images it says were pushed, and its
 * delivery id (what makes a redelivery recognisable): the `X-GitHub-Delivery` header when
 * sent, else what the format carries. Formats:
 * - generic: `{"image": "web:2.0", "id": "build-41"}` (`id` optional);
 * - docker: a Docker Hub push (`push_data.tag`, `repository.repo_name`) or a distribution
 *   registry notification envelope (`events[]` with `action: push`, `target.repository`,
 *   `target.tag`, `request.host`);
 * - github: the `registry_package` (or older `package`) event of a container package,
 *   published to ghcr.io; `ping` and other events push nothing.
 */
export interface DeliveryRequest {
  /** Request headers, names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body, parsed as JSON. */
  body: unknown;
  /** SHA-256 (hex) of the raw body: the id of a delivery that carries none but repeats byte for byte. */
  bodyDigest: string;
  /** `spec.type` of the hook, when it fixes the format. */
  type?: DeployHookType;
}

export interface ParsedDelivery {
  type: DeployHookType;
  /** `generic`, `docker-hub:push`, `registry:push`, `github:registry_package`, ... */
  eventType: string;
  /** Undefined when the sender gave none and the body cannot stand for one (a generic payload without `id`). */
  deliveryId?: string;
  /** Images pushed, in order; empty when the event pushed none (`note` says why). */
  images: string[];
  note?: string;
}

export type DeliveryParseResult = { delivery: ParsedDelivery } | { error: string; type: DeployHookType; eventType: string; deliveryId?: string };

const MAX_DELIVERY_ID = 128;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Which format a request is in when the hook does not say. */
export function detectType(headers: DeliveryRequest['headers'], body: unknown): DeployHookType {
  if (headers['x-github-event']) return 'github';
  const b = obj(body);
  if (Array.isArray(b.events) || 'push_data' in b) return 'docker';
  return 'generic';
}

/** Whether a sender's delivery id can be kept: 1 to 128 printable ASCII characters, no spaces. */
export function isValidDeliveryId(id: string): boolean {
  return id.length <= MAX_DELIVERY_ID && /^[\x21-\x7e]+$/.test(id);
}

export function parseDelivery(req: DeliveryRequest): DeliveryParseResult {
  const type = req.type ?? detectType(req.headers, req.body);
  const parsed = type === 'github' ? github(req) : type === 'docker' ? docker(req) : generic(req.body);
  // GitHub's delivery header names a delivery whatever the body is.
  const deliveryId = req.headers['x-github-delivery'] || parsed.deliveryId;
  const badId = deliveryId !== undefined && !isValidDeliveryId(deliveryId);
  if ('error' in parsed) return { ...parsed, type, deliveryId: badId ? undefined : deliveryId };
  const { eventType } = parsed;
  if (badId) return { error: `the delivery id must be 1 to ${MAX_DELIVERY_ID} printable characters without spaces`, type, eventType };
  const bad = parsed.images.find((image) => !parseImageReference(image));
  if (bad !== undefined) return { error: `"${bad}" is not a valid image reference`, type, eventType, deliveryId };
  return { delivery: { ...parsed, type, deliveryId } };
}

type Parsed = Omit<ParsedDelivery, 'type'> | { error: string; eventType: string; deliveryId?: string };

function generic(body: unknown): Parsed {
  const b = obj(body);
  const id = typeof b.id === 'number' && Number.isFinite(b.id) ? String(b.id) : str(b.id);
  const image = str(b.image);
  if (!image) return { error: 'a generic delivery needs "image": "name:tag"', eventType: 'generic', deliveryId: id };
  return { eventType: 'generic', deliveryId: id, images: [image] };
}

function docker(req: DeliveryRequest): Parsed {
  const b = obj(req.body);
  if (Array.isArray(b.events)) return registryNotification(b.events, req.bodyDigest);
  const tag = str(obj(b.push_data).tag);
  const repository = str(obj(b.repository).repo_name);
  const eventType = 'docker-hub:push';
  // Docker Hub sends no id; each push's body differs (pushed_at), and a retry repeats it.
  const deliveryId = `sha256:${req.bodyDigest}`;
  if (!repository || !tag) return { error: 'a Docker Hub push needs push_data.tag and repository.repo_name', eventType, deliveryId };
  return { eventType, deliveryId, images: [`${repository}:${tag}`] };
}

/** The distribution registry's envelope: every event of every repository; only tagged manifest pushes deploy. */
function registryNotification(events: unknown[], bodyDigest: string): Parsed {
  const all = events.map(obj);
  const pushes = all.filter((e) => e.action === 'push' && str(obj(e.target).tag) && str(obj(e.target).repository));
  const single = all.length === 1 ? str(all[0].id) : undefined;
  const deliveryId = single ?? `sha256:${bodyDigest}`;
  const actions = [...new Set(all.map((e) => str(e.action) ?? 'unknown'))];
  const eventType = `registry:${actions.join(',') || 'none'}`;
  const images = pushes.map((e) => {
    const target = obj(e.target);
    const host = str(obj(e.request).host);
    return `${host ? `${host}/` : ''}${target.repository}:${target.tag}`;
  });
  return { eventType, deliveryId, images, ...(images.length ? {} : { note: 'the notification holds no push of a tagged image' }) };
}

function github(req: DeliveryRequest): Parsed {
  const event = req.headers['x-github-event'] ?? '';
  const eventType = `github:${event || 'unknown'}`;
  const deliveryId = req.headers['x-github-delivery'] || undefined;
  if (event === 'ping') return { eventType, deliveryId, images: [], note: 'ping: the hook is reachable' };
  if (event !== 'registry_package' && event !== 'package') {
    return { eventType, deliveryId, images: [], note: `a "${event || 'unnamed'}" event publishes no image` };
  }
  const b = obj(req.body);
  const pkg = obj(event === 'package' ? b.package : b.registry_package);
  const kind = (str(pkg.package_type) ?? str(pkg.ecosystem) ?? '').toLowerCase();
  if (kind && kind !== 'container' && kind !== 'docker') return { eventType, deliveryId, images: [], note: `a package of type ${kind} is not a container image` };
  const version = obj(pkg.package_version);
  const tag = str(obj(obj(version.container_metadata).tag).name);
  const owner = str(pkg.namespace) ?? str(obj(pkg.owner).login);
  const name = str(pkg.name);
  if (!owner || !name) return { error: 'a registry_package event needs registry_package.namespace (or owner.login) and name', eventType, deliveryId };
  if (!tag) return { eventType, deliveryId, images: [], note: 'the published version has no tag' };
  // ghcr.io names are lower case whatever the owner's or package's spelling.
  return { eventType, deliveryId, images: [`ghcr.io/${owner.toLowerCase()}/${name.toLowerCase()}:${tag}`] };
}
