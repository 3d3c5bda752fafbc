import type { KubeObject } from '../meta/types';
import { fieldOf, hasKey, setField } from '../patch/json-value';
import { LAST_APPLIED_CONFIG_ANNOTATION } from '../workloads/deployment-revisions';

type JsonMap = Record<string, unknown>;

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Top-level fields apply never writes: identity, and what the server reports. */
const NOT_APPLIED = new Set(['apiVersion', 'kind', 'metadata', 'status']);
/** Top-level maps merged key by key (a key set by someone else survives); other fields are replaced whole. */
const KEYED_FIELDS = new Set(['spec', 'data', 'binaryData', 'stringData']);

/**
 * The merge of a simple `kubectl apply`, one level deep: the manifest's keys win; a key
 * the manifest lacks is dropped when the last applied configuration had it (the user
 * removed it) and kept otherwise (the server or someone else set it: a Service's
 * clusterIP, a Deployment's replicas set by `scale`, a label added by `kubectl label`).
 */
function mergeKeys(current: unknown, manifest: JsonMap, lastApplied: unknown): JsonMap {
  const out: JsonMap = { ...manifest };
  if (!isMap(current)) return out;
  const last = isMap(lastApplied) ? lastApplied : {};
  for (const [key, value] of Object.entries(current)) {
    if (!hasKey(manifest, key) && !hasKey(last, key)) setField(out, key, value);
  }
  return out;
}

/** The configuration last applied to `obj` (its annotation), or {} when there is none or it is not JSON. */
export function lastAppliedConfiguration(obj: KubeObject): JsonMap {
  const text = obj.metadata.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION];
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isMap(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** A copy with every map's keys sorted, as Go's encoding/json writes maps. */
function sortedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (!isMap(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortedKeys(v[k])]),
  );
}

/**
 * JSON as kubectl writes the last-applied configuration (Go's json.Encoder): keys sorted,
 * `<`, `>`, `&` and the line separators escaped, a newline at the end. Written the same,
 * a later `kubectl apply` of the same file finds nothing to change.
 */
export function kubectlJson(value: unknown): string {
  const escapes: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  return `${JSON.stringify(sortedKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c])}\n`;
}

/**
 * `manifest` with the annotation recording it, as kubectl writes it: the configuration
 * with its annotations but that one (an empty map when none), in kubectlJson.
 */
export function withAppliedConfiguration(manifest: KubeObject): KubeObject {
  const out = structuredClone(manifest);
  const { [LAST_APPLIED_CONFIG_ANNOTATION]: _previous, ...annotations } = out.metadata.annotations ?? {};
  const recorded: KubeObject = { ...out, metadata: { ...out.metadata, annotations } };
  out.metadata.annotations = { ...annotations, [LAST_APPLIED_CONFIG_ANNOTATION]: kubectlJson(recorded) };
  return out;
}

/** A NodePort the server picked stays when the manifest's port does not name one (else every apply would move it). */
function keepAssignedNodePorts(next: JsonMap, current: KubeObject): void {
  const spec = next.spec;
  const currentPorts = (current.spec as { ports?: JsonMap[] } | undefined)?.ports;
  if (!isMap(spec) || !Array.isArray(spec.ports) || !Array.isArray(currentPorts)) return;
  spec.ports = spec.ports.map((port: unknown) => {
    if (!isMap(port) || port.nodePort !== undefined) return port;
    const same = currentPorts.find((c) => c.port === port.port && (c.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
    return same?.nodePort !== undefined ? { ...port, nodePort: same.nodePort } : port;
  });
}

/**
 * What applying `manifest` to the stored `current` writes: the manifest's content fields
 * (spec, data, …) and labels and annotations, merged as above; finalizers and owner
 * references when the manifest names them; everything the server owns (identity,
 * status, resourceVersion, revision annotations) as it is. The result carries the new
 * last-applied configuration and no resourceVersion (the write is unconditional).
 */
export function applyToCurrent(current: KubeObject, manifest: KubeObject): KubeObject {
  const applied = withAppliedConfiguration(manifest);
  const last = lastAppliedConfiguration(current);
  const next: JsonMap = {};
  // Own keys only, set as data: a field named `constructor` or `__proto__` is just a field.
  for (const [key, value] of Object.entries(current)) if (NOT_APPLIED.has(key) || !hasKey(last, key)) setField(next, key, value);
  for (const [key, value] of Object.entries(applied)) {
    if (NOT_APPLIED.has(key)) continue;
    setField(next, key, KEYED_FIELDS.has(key) && isMap(value) ? mergeKeys(fieldOf(current as unknown as JsonMap, key), value, fieldOf(last, key)) : value);
  }
  if (current.kind === 'Service') keepAssignedNodePorts(next, current);
  const lastMeta = isMap(last.metadata) ? last.metadata : {};
  const metadata = { ...current.metadata };
  delete metadata.resourceVersion;
  const labels = mergeKeys(current.metadata.labels, applied.metadata.labels ?? {}, lastMeta.labels);
  const annotations = mergeKeys(current.metadata.annotations, applied.metadata.annotations ?? {}, lastMeta.annotations);
  if (Object.keys(labels).length) metadata.labels = labels as Record<string, string>;
  else delete metadata.labels;
  metadata.annotations = annotations as Record<string, string>;
  if (applied.metadata.finalizers) metadata.finalizers = applied.metadata.finalizers;
  if (applied.metadata.ownerReferences) metadata.ownerReferences = applied.metadata.ownerReferences;
  return { ...next, apiVersion: current.apiVersion, kind: current.kind, metadata } as KubeObject;
}
