import type { FieldInfo, GroupVersionKind, Schema } from '../schema';
import { groupVersionKinds } from '../schema';

export type Dialect = 'v2' | 'v3';
export type Json = Record<string, unknown>;

const REF_PREFIX: Record<Dialect, string> = { v2: '#/definitions/', v3: '#/components/schemas/' };

export function refTo(name: string, dialect: Dialect): Json {
  return { $ref: REF_PREFIX[dialect] + name };
}

/** The strategic-merge extensions kubectl reads from a field. */
function patchExtensions(field: FieldInfo): Json {
  const out: Json = {};
  if (field.patchMergeKey) out['x-kubernetes-patch-merge-key'] = field.patchMergeKey;
  if (field.patchStrategy) out['x-kubernetes-patch-strategy'] = field.patchStrategy;
  return out;
}

function withDescription(description: string | undefined, rest: Json): Json {
  return description ? { description, ...rest } : rest;
}

/** One schema of the model as OpenAPI JSON (Swagger 2.0 or OpenAPI 3.0 flavour). */
export function renderSchema(schema: Schema, dialect: Dialect): Json {
  const ext = patchExtensions(schema);
  switch (schema.type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return withDescription(schema.description, {
        type: schema.type,
        ...(schema.format ? { format: schema.format } : {}),
        ...(schema.enum ? { enum: [...schema.enum] } : {}),
        ...ext,
      });
    case 'union':
      return withDescription(schema.description, {
        ...(dialect === 'v2' ? { type: schema.v2Type } : { oneOf: schema.of.map((type) => ({ type })) }),
        ...(schema.format ? { format: schema.format } : {}),
      });
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, renderSchema(v, dialect)]));
      return withDescription(schema.description, {
        type: 'object',
        ...(Object.keys(properties).length ? { properties } : {}),
        ...(schema.required?.length ? { required: [...schema.required] } : {}),
        ...(schema.preserveUnknown ? { 'x-kubernetes-preserve-unknown-fields': true } : {}),
        ...ext,
      });
    }
    case 'array':
      return withDescription(schema.description, {
        type: 'array',
        items: renderSchema(schema.items, dialect),
        ...(schema.listType ? { 'x-kubernetes-list-type': schema.listType } : {}),
        ...(schema.listType === 'map' && schema.listMapKeys ? { 'x-kubernetes-list-map-keys': [...schema.listMapKeys] } : {}),
        ...ext,
      });
    case 'map':
      return withDescription(schema.description, {
        type: 'object',
        additionalProperties: renderSchema(schema.values, dialect),
        ...(schema.mapType ? { 'x-kubernetes-map-type': schema.mapType } : {}),
        ...ext,
      });
    case 'ref': {
      const target = refTo(schema.name, dialect);
      const siblings = withDescription(schema.description, ext);
      if (!Object.keys(siblings).length) return target;
      // OpenAPI 3.0 ignores siblings of $ref, so the real server wraps the reference in allOf.
      return dialect === 'v2' ? { ...target, ...siblings } : { allOf: [target], ...siblings };
    }
  }
}

export function gvkJson(gvk: GroupVersionKind): Json {
  return { group: gvk.group, kind: gvk.kind, version: gvk.version };
}

/** A named definition, tagged with the kinds it is the schema of. */
export function renderDefinition(name: string, schema: Schema, dialect: Dialect): Json {
  const out = renderSchema(schema, dialect);
  const gvks = groupVersionKinds(name);
  if (gvks.length) out['x-kubernetes-group-version-kind'] = gvks.map(gvkJson);
  return out;
}
