import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per stored object; `body` is the whole object as the API returns it (Secrets: sealed, see encryption/body-codec). */
@Entity({ name: 'objects' })
@Index('objects_labels_gin', { synchronize: false })
@Index('objects_owner_uids_gin', { synchronize: false })
export class ObjectRow {
  /** Group-qualified resource, `pods` or `deployments.apps`. */
  @PrimaryColumn('text') resource!: string;
  /** '' for cluster-scoped objects. */
  @PrimaryColumn('text') namespace!: string;
  @PrimaryColumn('text') name!: string;
  @Column('uuid', { unique: true }) uid!: string;
  @Column('bigint', { name: 'resource_version' }) resourceVersion!: string;
  @Column('jsonb', { default: {} }) labels!: Record<string, string>;
  @Column('uuid', { array: true, name: 'owner_uids', default: () => "'{}'" }) ownerUids!: string[];
  @Column('text', { array: true, default: () => "'{}'" }) finalizers!: string[];
  @Column('timestamptz', { name: 'deletion_timestamp', nullable: true }) deletionTimestamp!: Date | null;
  /** spec.nodeName of pods: the agents' watch filter. */
  @Column('text', { name: 'node_name', nullable: true }) nodeName!: string | null;
  @Column('jsonb') body!: Record<string, unknown>;
}

/** The change log: one row per revision, written in the same transaction as the object. */
@Entity({ name: 'changes' })
export class ChangeRow {
  @PrimaryColumn('bigint') revision!: string;
  @Column('text') type!: 'ADDED' | 'MODIFIED' | 'DELETED';
  @Column('text') resource!: string;
  @Column('text') namespace!: string;
  @Column('text') name!: string;
  @Column('jsonb') body!: Record<string, unknown>;
  /** The object before this change (MODIFIED, DELETED). */
  @Column('jsonb', { nullable: true }) prev!: Record<string, unknown> | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}

/** The single cluster-wide revision counter; its row lock orders all writes. */
@Entity({ name: 'revision' })
export class RevisionRow {
  @PrimaryColumn('int') id!: number;
  @Column('bigint') revision!: string;
  /** Changes at or below this revision have been compacted away. */
  @Column('bigint') compacted!: string;
}

/** API bearer tokens, stored as SHA-256 hashes. */
@Entity({ name: 'tokens' })
export class TokenRow {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'user_name' }) userName!: string;
  @Column('text', { array: true, default: () => "'{}'" }) groups!: string[];
  @Column('text', { unique: true }) hash!: string;
  /** For node tokens: the nodes they may act for. */
  @Column('text', { array: true, default: () => "'{}'" }) nodes!: string[];
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}

export const STORE_ENTITIES = [ObjectRow, ChangeRow, RevisionRow, TokenRow];
