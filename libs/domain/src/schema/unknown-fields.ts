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
  const found: string[] = [];
  visitUnknownFields(kind, obj, definitions, (_parent, _key, path) => {
    found.push(path);
    return found.length < MAX_REPORTED;
  });
  return found.map((path) => `unknown field ${JSON.stringify(path)}`);
}

/**
 * Drops the fields the schema of `kind` does not declare, as decoding into Go types
 * does on the real server, and says which they were (in `findUnknownFields`' form, at
 * most 100 named). Mutates `obj`.
 */
export function pruneUnknownFields(kind: string, obj: unknown, definitions: Definitions = DEFINITIONS): string[] {
  const removed: string[] = [];
  visitUnknownFields(kind, obj, definitions, (parent, key, path) => {
    delete parent[key];
    if (removed.length < MAX_REPORTED) removed.push(`unknown field ${JSON.stringify(path)}`);
    return true;
  });
  return removed;
}

/** Called for each unknown field; returning false stops the walk. */
type OnUnknown = (parent: Record<string, unknown>, key: string, path: string) => boolean;

function visitUnknownFields(kind: string, obj: unknown, definitions: Definitions, onUnknown: OnUnknown): void {
  const name = definitionNameForKind(kind);
  if (name) walk({ type: 'ref', name }, obj, '', definitions, onUnknown);
}

/** Returns false once `onUnknown` asked to stop. */
function walk(schema: Schema, value: unknown, path: string, definitions: Definitions, onUnknown: OnUnknown): boolean {
  if (value === null || value === undefined) return true;
  switch (schema.type) {
    case 'ref': {
      const target = definitions[schema.name];
      return target ? walk(target, value, path, definitions, onUnknown) : true;
    }
    case 'array':
      if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) if (!walk(schema.items, item, `${path}[${i}]`, definitions, onUnknown)) return false;
      }
      return true;
    case 'map':
      if (isPlainObject(value)) {
        for (const [key, item] of Object.entries(value)) if (!walk(schema.values, item, join(path, key), definitions, onUnknown)) return false;
      }
      return true;
    case 'object':
      if (!isPlainObject(value) || schema.preserveUnknown) return true;
      for (const [key, item] of Object.entries(value)) {
        const field = Object.prototype.hasOwnProperty.call(schema.properties, key) ? schema.properties[key] : undefined;
        const goOn = field ? walk(field, item, join(path, key), definitions, onUnknown) : onUnknown(value, key, join(path, key));
        if (!goOn) return false;
      }
      return true;
    default:
      return true;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
