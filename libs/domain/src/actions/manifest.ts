import YAML from 'yaml';
import type { KubeObject } from '../meta/types';
import { findResourceTypeByKind, RESOURCE_TYPES, type ResourceType } from '../resources/registry';
import { invalidArgument } from './action-errors';

/** kube-apiserver refuses request bodies over 3 MiB; a manifest is held to the same. */
export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024;
/** Objects one apply may carry. */
export const MAX_MANIFEST_OBJECTS = 500;

/** One object of a manifest, with the type and place it will be written to. */
export interface ManifestObject {
  /** Where it was in the manifest, for error fields: `manifest[0]`, `manifest[1].items[2]`. */
  path: string;
  type: ResourceType;
  /** '' for a cluster-scoped kind. */
  namespace: string;
  name: string;
  object: KubeObject;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A `v1 List` (or any `…List` with items), as `kubectl get -o yaml` prints several objects. */
function isList(v: Record<string, unknown>): boolean {
  return typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items);
}

/**
 * The documents of a YAML or JSON manifest (JSON is YAML), empty documents left out, the
 * items of a List in its place; each with its path for error messages.
 */
export function manifestDocuments(text: string): { path: string; value: unknown }[] {
  if (text.length > MAX_MANIFEST_BYTES) throw invalidArgument('manifest', `Too long: must have at most ${MAX_MANIFEST_BYTES} bytes`, undefined, 'FieldValueTooLong');
  const out: { path: string; value: unknown }[] = [];
  YAML.parseAllDocuments(text).forEach((doc, i) => {
    const path = `manifest[${i}]`;
    if (doc.errors.length) throw invalidArgument(path, `could not parse the document: ${doc.errors[0].message.split('\n')[0]}`);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      throw invalidArgument(path, `could not read the document: ${(e as Error).message.split('\n')[0]}`);
    }
    if (value === null || value === undefined) return;
    if (isMap(value) && isList(value)) (value.items as unknown[]).forEach((item, j) => out.push({ path: `${path}.items[${j}]`, value: item }));
    else out.push({ path, value });
  });
  if (out.length === 0) throw invalidArgument('manifest', 'Required value: no objects passed to apply', undefined, 'FieldValueRequired');
  if (out.length > MAX_MANIFEST_OBJECTS) throw invalidArgument('manifest', `Too many: ${out.length}: must have at most ${MAX_MANIFEST_OBJECTS} objects`, undefined, 'FieldValueTooMany');
  return out;
}

/** The type a document's apiVersion and kind name, or a 422 on the field that does not match a served kind. */
function typeOf(path: string, obj: Record<string, unknown>): ResourceType {
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || !apiVersion) throw invalidArgument(`${path}.apiVersion`, 'Required value: apiVersion must be set', undefined, 'FieldValueRequired');
  if (typeof kind !== 'string' || !kind) throw invalidArgument(`${path}.kind`, 'Required value: kind must be set', undefined, 'FieldValueRequired');
  const type = findResourceTypeByKind(apiVersion, kind);
  if (type) return type;
  const served = RESOURCE_TYPES.find((t) => t.kind === kind);
  if (served) {
    const expected = served.group ? `${served.group}/${served.version}` : served.version;
    throw invalidArgument(`${path}.apiVersion`, `Unsupported value: "${apiVersion}": ${kind} is served as apiVersion "${expected}"`, undefined, 'FieldValueNotSupported');
  }
  throw invalidArgument(`${path}.kind`, `Unsupported value: "${kind}": no matches for kind "${kind}" in version "${apiVersion}"`, undefined, 'FieldValueNotSupported');
}

/**
 * The objects a manifest asks to apply, each checked for a served kind and a name and
 * placed in its namespace: its own, else `namespace`, else `default`. A document naming a
 * namespace other than the one asked for is refused, as kubectl refuses it.
 */
export function manifestObjects(text: string, namespace?: string): ManifestObject[] {
  return manifestDocuments(text).map(({ path, value }) => {
    if (!isMap(value)) throw invalidArgument(path, 'Invalid value: a document must be an object (a mapping), or a List of objects');
    const type = typeOf(path, value);
    const metadata = value.metadata;
    if (metadata !== undefined && !isMap(metadata)) throw invalidArgument(`${path}.metadata`, 'Invalid value: metadata must be an object');
    const meta = (metadata ?? {}) as { name?: unknown; namespace?: unknown; generateName?: unknown };
    if (typeof meta.name !== 'string' || !meta.name) {
      const why = meta.generateName ? 'apply needs a name; generateName cannot be used with apply' : 'name is required';
      throw invalidArgument(`${path}.metadata.name`, `Required value: ${why}`, undefined, 'FieldValueRequired');
    }
    const own = typeof meta.namespace === 'string' ? meta.namespace : '';
    if (type.namespaced && own && namespace && own !== namespace) {
      throw invalidArgument(
        'namespace',
        `Invalid value: "${namespace}": the namespace from the provided object "${own}" does not match the namespace "${namespace}"; pass namespace "${own}" to apply it`,
      );
    }
    const ns = type.namespaced ? own || namespace || 'default' : '';
    const object = structuredClone(value) as KubeObject;
    object.metadata = { ...(object.metadata ?? {}) };
    if (type.namespaced) object.metadata.namespace = ns;
    else delete object.metadata.namespace;
    return { path, type, namespace: ns, name: meta.name, object };
  });
}
