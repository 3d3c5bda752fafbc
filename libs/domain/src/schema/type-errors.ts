import type { Definitions, PrimitiveSchema, Schema } from './dsl';
import { DEFINITIONS, definitionNameForKind } from './registry';

/** A value whose JSON type the schema does not allow, as Go's decoder names it. */
export interface TypeMismatch {
  /** `spec.template.spec.containers[0].ports[0].containerPort` */
  field: string;
  /** The JSON value: `string`, `number 1.5`, `object`, `array`, `bool`. */
  got: string;
  /** The Go type it would decode into: `int32`, `string`, `[]T`, `map[string]T`, `struct`. */
  want: string;
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  // Beyond 2^53 JavaScript holds no exact integer (and Postgres' bigint ends at 2^63).
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return `number ${Number.isFinite(v) ? v : v > 0 ? '1e400' : '-1e400'}`;
  return typeof v;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fitsPrimitive(s: Pick<PrimitiveSchema, 'type' | 'format'>, v: unknown): boolean {
  switch (s.type) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer': {
      const [min, max] = INT_RANGES[s.format ?? 'int64'] ?? INT_RANGES.int64;
      return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    }
  }
}

function goType(s: Schema, definitions: Definitions): string {
  switch (s.type) {
    case 'ref':
      return definitions[s.name] ? goType(definitions[s.name], definitions) : 'struct';
    case 'integer':
      return s.format ?? 'int64';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'union':
      return s.of.join(' or ');
    case 'array':
      return '[]' + goType(s.items, definitions);
    case 'map':
      return 'map[string]' + goType(s.values, definitions);
    case 'object':
      return 'struct';
  }
}

/**
 * The first value in `obj` whose JSON type the schema of `kind` does not allow, as decoding
 * into Go types refuses it on the real server (a string for `replicas`, an object for
 * `finalizers`, 2^31 for an int32); undefined when every value fits. `null` fits anything
 * (it decodes to the zero value); fields the schema does not declare, and the parts that
 * preserve unknown fields, are not looked into. An unknown kind yields nothing.
 */
export function findTypeMismatch(kind: string, obj: unknown, definitions: Definitions = DEFINITIONS): TypeMismatch | undefined {
  const name = definitionNameForKind(kind);
  return name ? check({ type: 'ref', name }, obj, '', definitions) : undefined;
}

function check(schema: Schema, value: unknown, path: string, definitions: Definitions): TypeMismatch | undefined {
  if (value === null || value === undefined) return undefined;
  const mismatch = () => ({ field: path, got: jsonType(value), want: goType(schema, definitions) });
  switch (schema.type) {
    case 'ref': {
      const target = definitions[schema.name];
      return target ? check(target, value, path, definitions) : undefined;
    }
    case 'union':
      return schema.of.some((t) => fitsPrimitive({ type: t }, value)) ? undefined : mismatch();
    case 'array':
      if (!Array.isArray(value)) return mismatch();
      for (const [i, item] of value.entries()) {
        const found = check(schema.items, item, `${path}[${i}]`, definitions);
        if (found) return found;
      }
      return undefined;
    case 'map':
      if (!isPlainObject(value)) return mismatch();
      for (const [key, item] of Object.entries(value)) {
        const found = check(schema.values, item, join(path, key), definitions);
        if (found) return found;
      }
      return undefined;
    case 'object':
      if (!isPlainObject(value)) return mismatch();
      if (schema.preserveUnknown) return undefined;
      for (const [key, item] of Object.entries(value)) {
        if (!Object.prototype.hasOwnProperty.call(schema.properties, key)) continue;
        const found = check(schema.properties[key], item, join(path, key), definitions);
        if (found) return found;
      }
      return undefined;
    default:
      return fitsPrimitive(schema, value) ? undefined : mismatch();
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
