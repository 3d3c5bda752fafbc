/**
 * A small vocabulary for describing Kubernetes API types by hand. One model feeds the
 * OpenAPI documents (v2 and v3), `kubectl explain`, strategic-merge metadata and the
 * unknown-field check behind `fieldValidation`.
 */

/** What every field may carry besides its type. */
export interface FieldInfo {
  description?: string;
  /** `x-kubernetes-patch-strategy`: `merge`, `retainKeys`, `merge,retainKeys`, `replace`. */
  patchStrategy?: string;
  /** `x-kubernetes-patch-merge-key`: the key that identifies list items for strategic merge. */
  patchMergeKey?: string;
}

export interface PrimitiveSchema extends FieldInfo {
  type: 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  enum?: readonly string[];
}

export interface ObjectSchema extends FieldInfo {
  type: 'object';
  properties: Record<string, Schema>;
  required?: readonly string[];
  /** Accept any field below this point (types not modelled in detail, free-form data). */
  preserveUnknown?: boolean;
}

export type ListType = 'atomic' | 'set' | 'map';

export interface ArraySchema extends FieldInfo {
  type: 'array';
  items: Schema;
  listType?: ListType;
  listMapKeys?: readonly string[];
}

export interface MapSchema extends FieldInfo {
  type: 'map';
  values: Schema;
  mapType?: 'atomic' | 'granular';
}

export interface RefSchema extends FieldInfo {
  type: 'ref';
  /** Full definition name, e.g. `io.k8s.api.core.v1.Container`. */
  name: string;
}

/** A scalar that takes more than one JSON type (IntOrString, Quantity). */
export interface UnionSchema extends FieldInfo {
  type: 'union';
  of: readonly ('string' | 'integer' | 'number')[];
  /** Swagger 2.0 has no oneOf: the single type it advertises instead. */
  v2Type: 'string' | 'integer' | 'number';
  format?: string;
}

export type Schema = PrimitiveSchema | ObjectSchema | ArraySchema | MapSchema | RefSchema | UnionSchema;

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Named definitions, keyed by their full OpenAPI name. */
export type Definitions = Record<string, Schema>;

// --- definition names --------------------------------------------------------------

export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';
export const TIME = META + 'Time';
export const MICRO_TIME = META + 'MicroTime';
export const OBJECT_META = META + 'ObjectMeta';
export const LIST_META = META + 'ListMeta';
export const LABEL_SELECTOR = META + 'LabelSelector';

export const core = (name: string): string => `io.k8s.api.core.v1.${name}`;
export const apps = (name: string): string => `io.k8s.api.apps.v1.${name}`;
export const autoscalingV2 = (name: string): string => `io.k8s.api.autoscaling.v2.${name}`;
export const autoscalingV1 = (name: string): string => `io.k8s.api.autoscaling.v1.${name}`;
export const coordination = (name: string): string => `io.k8s.api.coordination.v1.${name}`;
export const policy = (name: string): string => `io.k8s.api.policy.v1.${name}`;
export const rbac = (name: string): string => `io.k8s.api.rbac.v1.${name}`;
/** Skiff's own group, named as kube-apiserver names a CRD's types: the reversed group, then the version. */
export const skiffV1alpha1 = (name: string): string => `io.skiff.v1alpha1.${name}`;
export const meta = (name: string): string => META + name;

// --- builders ----------------------------------------------------------------------

type Extra = Omit<FieldInfo, 'description'>;

export function str(description?: string, extra: Extra & { enum?: readonly string[]; format?: string } = {}): PrimitiveSchema {
  return { type: 'string', description, ...extra };
}

export function int32(description?: string): PrimitiveSchema {
  return { type: 'integer', format: 'int32', description };
}

export function int64(description?: string): PrimitiveSchema {
  return { type: 'integer', format: 'int64', description };
}

export function num(description?: string): PrimitiveSchema {
  return { type: 'number', format: 'double', description };
}

export function bool(description?: string): PrimitiveSchema {
  return { type: 'boolean', description };
}

/** Base64 text in JSON (Go `[]byte`). */
export function bytes(description?: string): PrimitiveSchema {
  return { type: 'string', format: 'byte', description };
}

export function ref(name: string, description?: string, extra: Extra = {}): RefSchema {
  return { type: 'ref', name, description, ...extra };
}

export interface ArrayOptions extends Extra {
  listType?: ListType;
  listMapKeys?: readonly string[];
}

export function arr(items: Schema, description?: string, options: ArrayOptions = {}): ArraySchema {
  return { type: 'array', items, description, ...options };
}

/**
 * A list merged by key under strategic merge patch (`containers` by `name`, ...):
 * also declared as an associative list keyed the same way unless told otherwise.
 */
export function mergeList(items: Schema, mergeKey: string, description?: string, options: ArrayOptions = {}): ArraySchema {
  return arr(items, description, {
    patchStrategy: 'merge',
    patchMergeKey: mergeKey,
    listType: 'map',
    listMapKeys: [mergeKey],
    ...options,
  });
}

export function atomicList(items: Schema, description?: string): ArraySchema {
  return arr(items, description, { listType: 'atomic' });
}

export function strList(description?: string): ArraySchema {
  return atomicList(str(), description);
}

export function map(values: Schema, description?: string, mapType?: 'atomic' | 'granular'): MapSchema {
  return { type: 'map', values, description, mapType };
}

export function strMap(description?: string, mapType?: 'atomic' | 'granular'): MapSchema {
  return map(str(), description, mapType);
}

/** `map[ResourceName]Quantity`, as in requests, limits, capacity. */
export function resourceList(description?: string): MapSchema {
  return map(ref(QUANTITY), description);
}

export function obj(description: string, properties: Record<string, Schema>, required?: readonly string[]): ObjectSchema {
  return required && required.length ? { type: 'object', description, properties, required } : { type: 'object', description, properties };
}

/** A type whose fields are not modelled one by one: any content is accepted. */
export function opaque(description: string): ObjectSchema {
  return { type: 'object', description, properties: {}, preserveUnknown: true };
}

export const quantity = (description?: string): RefSchema => ref(QUANTITY, description);
export const intOrString = (description?: string): RefSchema => ref(INT_OR_STRING, description);
export const time = (description?: string): RefSchema => ref(TIME, description);
export const microTime = (description?: string): RefSchema => ref(MICRO_TIME, description);
export const labelSelector = (description?: string): RefSchema => ref(LABEL_SELECTOR, description);
export const objectMeta = (description = 'Standard object metadata: name, namespace, labels, annotations and the fields the system sets.'): RefSchema =>
  ref(OBJECT_META, description);

/** The `apiVersion`, `kind`, `metadata` every stored object starts with. */
export function typeMeta(): Record<string, Schema> {
  return {
    apiVersion: str('Versioned schema of this object, e.g. `v1` or `apps/v1`.'),
    kind: str('The type of this object, in CamelCase.'),
  };
}

/** A top-level kind: type meta, object meta and the given fields. */
export function kindObj(description: string, properties: Record<string, Schema>, required?: readonly string[]): ObjectSchema {
  return obj(description, { ...typeMeta(), metadata: objectMeta(), ...properties }, required);
}
