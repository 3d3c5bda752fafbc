import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { Operation } from 'fast-json-patch';

@ObjectType({ description: 'The object a history answer is about.' })
export class HistoryObject {
  @Field(() => String)
  apiVersion!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Null for a cluster-scoped kind.' })
  namespace?: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: 'One kept change of an object.' })
export class ObjectRevision {
  @Field(() => Int, { description: 'The cluster revision of the change (the object’s resourceVersion after it).' })
  revision!: number;

  @Field(() => String, { description: 'When it was committed: RFC 3339, microseconds, UTC.' })
  time!: string;

  @Field(() => String, { description: '`ADDED`, `MODIFIED` or `DELETED`.' })
  type!: string;

  @Field(() => [String], { description: 'Changed fields, two levels deep (`spec.template`, `status.replicas`).' })
  changed!: string[];

  @Field(() => String, { description: '`created`, `spec.replicas: 3 → 5`, `changed spec.template, status.conditions`.' })
  summary!: string;
}

@ObjectType({ description: 'A page’s list metadata, as a Kubernetes list has it.' })
export class RevisionListMeta {
  @Field(() => String, { description: 'The cluster’s revision when read.' })
  resourceVersion!: string;

  @Field(() => String, { nullable: true, description: 'Pass back as `continue` for the next page; null on the last.' })
  continue?: string;
}

@ObjectType({ description: 'A page of an object’s revisions, oldest first.' })
export class ObjectRevisionList {
  @Field(() => RevisionListMeta)
  metadata!: RevisionListMeta;

  @Field(() => HistoryObject)
  object!: HistoryObject;

  @Field(() => Int, { description: 'History reaches back to just after this revision.' })
  compactedRevision!: number;

  @Field(() => [ObjectRevision])
  items!: ObjectRevision[];
}

@ObjectType({ description: 'One changed field: `from` is null for an added field, `to` for a removed one.' })
export class FieldChange {
  @Field(() => String, { description: 'JSON Pointer, as in the patch.' })
  path!: string;

  @Field(() => String, { description: 'As people read it: `spec.template.spec.containers[0].image`.' })
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  from?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  to?: unknown;
}

@ObjectType({ description: 'One end of a diff: the point asked for, and whether and as what the object existed then.' })
export class DiffPoint {
  @Field(() => Int, { nullable: true })
  revision?: number;

  @Field(() => String, { nullable: true })
  time?: string;

  @Field(() => Boolean)
  exists!: boolean;

  @Field(() => String, { nullable: true, description: 'The object’s resourceVersion at that point.' })
  resourceVersion?: string;
}

@ObjectType({ description: 'What changed in an object between two points of its history.' })
export class ObjectDiff {
  @Field(() => HistoryObject)
  object!: HistoryObject;

  @Field(() => DiffPoint)
  from!: DiffPoint;

  @Field(() => DiffPoint)
  to!: DiffPoint;

  @Field(() => Boolean, { description: 'Whether resourceVersion, generation, managedFields and the last-applied annotation were kept.' })
  noise!: boolean;

  @Field(() => GraphQLJSON, { description: 'RFC 6902 operations from `from` to `to`.' })
  patch!: Operation[];

  @Field(() => [FieldChange], { description: 'The same, field by field, ordered by path.' })
  changes!: FieldChange[];

  @Field(() => String, { description: 'A unified diff of the two YAML renderings; empty when equal.' })
  unified!: string;
}
