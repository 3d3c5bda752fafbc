// The builders of ./dsl stay internal (short names like `str` or `obj` would clash in the root index).
export type {
  Schema, Definitions, GroupVersionKind, FieldInfo, PrimitiveSchema, ObjectSchema, ArraySchema, MapSchema, RefSchema, UnionSchema, ListType,
} from './dsl';
export {
  DEFINITIONS, definitionName, listDefinitionName, definitionNameForKind, groupVersionKinds, directRefs, definitionClosure,
} from './registry';
export { findUnknownFields, pruneUnknownFields } from './unknown-fields';
export { findTypeMismatch, type TypeMismatch } from './type-errors';
