import { Definitions, Schema } from './dsl';
import { DEFINITIONS, definitionNameForKind } from './registry';

/** Like the real server, stop collecting after this many (a hostile body could hold millions). */
const MAX_REPORTED = 100;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Fields of `obj` that the schema of `kind` does not declare, in the form the real API
 * server reports them under `fieldValidation=Strict` or `Warn`:
 * `unknown field "spec.template.spec.containers[0].imagee"`. Values of the wrong type are
 * not looked into (that is a decoding error, not an unknown field); parts of the schema
 * that preserve unknown fields accept anything. An unknown kind yields nothing.
 */
export function findUnknownFields(kind: string, obj: unknown, definitions: Definitions = DEFINITIONS): string[] {
  const name = definitionNameForKind(kind);
  if (!name) return [];
  const found: string[] = [];
  walk({ type: 'ref', name }, obj, '', definitions, found);
  return found.map((path) => `unknown field ${JSON.stringify(path)}`);
}

function walk(schema: Schema, value: unknown, path: string, definitions: Definitions, found: string[]): void {
  if (found.length >= MAX_REPORTED || value === null || value === undefined) return;
  switch (schema.type) {
    case 'ref': {
      const target = definitions[schema.name];
      if (target) walk(target, value, path, definitions, found);
      return;
    }
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => walk(schema.items, item, `${path}[${i}]`, definitions, found));
      return;
    case 'map':
      if (isPlainObject(value)) {
        for (const [key, item] of Object.entries(value)) walk(schema.values, item, join(path, key), definitions, found);
      }
      return;
    case 'object':
      if (!isPlainObject(value) || schema.preserveUnknown) return;
      for (const [key, item] of Object.entries(value)) {
        const field = Object.prototype.hasOwnProperty.call(schema.properties, key) ? schema.properties[key] : undefined;
        if (!field) {
          if (found.length < MAX_REPORTED) found.push(join(path, key));
          continue;
        }
        walk(field, item, join(path, key), definitions, found);
      }
      return;
    default:
      return;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
