import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { DEFINITIONS, definitionName, type ResourceType, type Schema } from '@skiff/domain';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Class = new () => any;
type GqlType = Class | typeof Int | typeof Float | typeof String | typeof Boolean | typeof GraphQLJSON;

const VALID_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * GraphQL object types made, code-first, from the same schema model that feeds the
 * OpenAPI documents and `kubectl explain` (libs/domain/src/schema): every served kind
 * is typed down to its leaves. Maps (labels, data, resource lists), free-form objects
 * and IntOrString/Quantity values are the JSON scalar; 64-bit integers are Float
 * (GraphQL's Int is 32 bits).
 */
export class KubeObjectTypes {
  private readonly classes = new Map<string, Class>();
  private readonly names: Map<string, string>;

  constructor() {
    this.names = graphqlNames(Object.keys(DEFINITIONS));
  }

  /** The object type of a served kind (`Deployment`). */
  forKind(t: ResourceType): Class {
    const type = this.forDefinition(definitionName(t));
    if (type === GraphQLJSON || !isClass(type)) throw new Error(`no object type for ${t.kind}`);
    return type;
  }

  private forDefinition(name: string): GqlType {
    const schema = DEFINITIONS[name];
    if (!schema) return GraphQLJSON;
    if (schema.type !== 'object') return this.forSchema(schema);
    const made = this.classes.get(name);
    if (made) return made;
    const props = Object.entries(schema.properties).filter(([field]) => VALID_NAME.test(field) && !field.startsWith('__'));
    if (schema.preserveUnknown || props.length === 0) return GraphQLJSON;
    const typeName = this.names.get(name)!;
    const cls = { [typeName]: class {} }[typeName] as Class;
    this.classes.set(name, cls);
    for (const [field, fieldSchema] of props) {
      // Made now (not when the schema is built, too late to register): a type being made is already in the map.
      const list = fieldSchema.type === 'array' && fieldSchema.items.type !== 'array';
      const type = list ? this.forSchema(fieldSchema.items) : fieldSchema.type === 'array' ? GraphQLJSON : this.forSchema(fieldSchema);
      Field(() => (list ? [type] : type) as any, { nullable: true, description: fieldSchema.description })(cls.prototype, field);
    }
    ObjectType(typeName, { description: schema.description })(cls);
    return cls;
  }

  private forSchema(schema: Schema): GqlType {
    switch (schema.type) {
      case 'ref':
        return this.forDefinition(schema.name);
      case 'string':
        return String;
      case 'boolean':
        return Boolean;
      case 'integer':
        return schema.format === 'int32' ? Int : Float;
      case 'number':
        return Float;
      case 'object':
        // An inline object with no definition of its own: no name to give it.
        return GraphQLJSON;
      default:
        return GraphQLJSON;
    }
  }
}

function isClass(t: GqlType): t is Class {
  return typeof t === 'function' && t !== String && t !== Boolean && t !== (Int as unknown) && t !== (Float as unknown);
}

/**
 * A GraphQL name per definition: the Go type name (`DeploymentSpec`), prefixed with its
 * package and version where two packages share it (`AutoscalingV2MetricSpec`).
 */
export function graphqlNames(definitions: readonly string[]): Map<string, string> {
  const short = (d: string) => d.slice(d.lastIndexOf('.') + 1);
  const count = new Map<string, number>();
  for (const d of definitions) count.set(short(d), (count.get(short(d)) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const d of definitions) {
    const parts = d.split('.');
    const [pkg, version] = parts.slice(-3, -1);
    const name = count.get(short(d))! > 1 ? `${capital(pkg)}${capital(version)}${short(d)}` : short(d);
    out.set(d, name.replace(/[^_0-9A-Za-z]/g, '_'));
  }
  return out;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
