/** The keys of a JSON Pointer (RFC 6901): `/metadata/labels/app~1tier` → `metadata`, `labels`, `app/tier`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * A JSON Pointer as a person reads a field: `spec.template.spec.containers[0].image`,
 * `metadata.annotations["deployment.kubernetes.io/revision"]`. `doc` (the object the
 * pointer points into) tells a list index from a map key that happens to be a number.
 */
export function fieldPath(pointer: string, doc?: unknown): string {
  let out = '';
  let at: unknown = doc;
  for (const key of pointerSegments(pointer)) {
    if (Array.isArray(at) && /^\d+$/.test(key)) out += `[${key}]`;
    else if (PLAIN_KEY.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  }
  return out;
}

/** The value `pointer` names in `doc`, or undefined. */
export function valueAt(doc: unknown, pointer: string): unknown {
  let at: unknown = doc;
  for (const key of pointerSegments(pointer)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
