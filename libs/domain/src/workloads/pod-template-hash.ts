import type { PodTemplateSpec } from '../kinds/pod-template';

/**
 * pod-template-hash: the label a Deployment puts on each ReplicaSet (and its pods) so
 * ReplicaSets of different templates never select each other's pods; also how a
 * Deployment recognises the ReplicaSet running its current template.
 */

/** apps/v1 DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** The alphabet of rand.SafeEncodeString: no vowels (no words), no look-alike characters. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each character mapped into the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[(ch.codePointAt(0) ?? 0) % SAFE_ALPHABET.length];
  return out;
}

/** The UTF-8 bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** FNV-1a (32-bit) over bytes, continuing from `hash` (the offset basis by default). */
export function fnv1a32(bytes: Iterable<number>, hash = FNV32_OFFSET): number {
  let h = hash >>> 0;
  for (const b of bytes) {
    h ^= b & 0xff;
    h = Math.imul(h, FNV32_PRIME) >>> 0;
  }
  return h >>> 0;
}

/** FNV-1a (32-bit) of a string's UTF-8 bytes. */
/** FNV-1 (32-bit; Go's fnv.New32: multiply, then xor) over bytes, continuing from `hash`. */
export function fnv1Hash32(bytes: Iterable<number>, hash = FNV32_OFFSET): number {
  let h = hash >>> 0;
  for (const b of bytes) {
    h = Math.imul(h, FNV32_PRIME) >>> 0;
    h = (h ^ (b & 0xff)) >>> 0;
  }
  return h;
}

export function fnv1a32String(s: string): number {
  return fnv1a32(utf8Bytes(s));
}

/**
 * A JSON rendering with object keys sorted at every level, so equal values always
 * print alike whatever order their keys were written in. Undefined members are left out.
 */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/**
 * The template with what Go's semantic equality ignores taken out: null members and
 * empty maps and lists (nil and empty are equal there), recursively.
 */
export function normalizeTemplate(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeTemplate(v) ?? null);
  if (value === null || typeof value !== 'object') return value === null ? undefined : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const n = normalizeTemplate(v);
    if (n === undefined) continue;
    if (Array.isArray(n) && n.length === 0) continue;
    if (typeof n === 'object' && n !== null && !Array.isArray(n) && Object.keys(n).length === 0) continue;
    out[k] = n;
  }
  return out;
}

/**
 * controller.ComputeHash: FNV-1a of the (normalized, key-sorted) template, then the
 * collision count as 8 little-endian bytes when set, printed in decimal and mapped
 * through SafeEncodeString. Kubernetes hashes Go's spew dump instead, so the values
 * differ from a real cluster's, but they are stable and only name ReplicaSets.
 */
export function podTemplateHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let h = fnv1a32String(stableStringify(normalizeTemplate(template ?? {})));
  if (collisionCount !== undefined && collisionCount !== null) {
    const c = collisionCount >>> 0;
    h = fnv1a32([c & 0xff, (c >>> 8) & 0xff, (c >>> 16) & 0xff, (c >>> 24) & 0xff, 0, 0, 0, 0], h);
  }
  return safeEncodeString(String(h));
}

function withoutHashLabel(template: PodTemplateSpec | undefined): unknown {
  const t = normalizeTemplate(template ?? {}) as PodTemplateSpec;
  const labels = t.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return t;
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
  const metadata = { ...t.metadata, labels: rest };
  if (Object.keys(rest).length === 0) delete (metadata as { labels?: unknown }).labels;
  return normalizeTemplate({ ...t, metadata });
}

/**
 * deploymentutil.EqualIgnoreHash: two templates are the same apart from the
 * pod-template-hash label (null, empty and missing members compare equal).
 */
export function templatesEqualIgnoringHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return stableStringify(withoutHashLabel(a)) === stableStringify(withoutHashLabel(b));
}
