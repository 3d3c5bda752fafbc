import type { KubeObject, ListMeta, ObjectMeta } from '../meta/types';

/** meta.k8s.io/v1 TableColumnDefinition. */
export interface TableColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  /** 0 for columns shown by default, 1 for those shown only with `-o wide`. */
  priority: number;
}

export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ObjectMeta;
}

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object: KubeObject | PartialObjectMetadata | null;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: ListMeta;
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** How one kind is printed: its columns and, for an object, the cells of its row. */
export interface TablePrinter {
  columns: TableColumnDefinition[];
  cells(obj: KubeObject, now: Date): unknown[];
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}

type ColumnType = TableColumnDefinition['type'];

/** A default column. */
export function column(name: string, type: ColumnType, description: string, format = ''): TableColumnDefinition {
  return { name, type, format, description, priority: 0 };
}

/** A column shown only with `-o wide`. */
export function wideColumn(name: string, type: ColumnType, description: string): TableColumnDefinition {
  return { name, type, format: '', description, priority: 1 };
}

export const NAME_COLUMN = column('Name', 'string', 'Name of the object, unique within its namespace.', 'name');
export const AGE_COLUMN = column('Age', 'string', 'Time since the object was created.');
export const CONTAINERS_COLUMN = wideColumn('Containers', 'string', 'Names of the containers of the pod template.');
export const IMAGES_COLUMN = wideColumn('Images', 'string', 'Images of the containers of the pod template.');
