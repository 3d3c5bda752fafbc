export { toTable, tableColumns } from './to-table';
export type { IncludeObject, TableOptions } from './to-table';
export type { Table, TableRow, TableColumnDefinition, TableRowCondition, PartialObjectMetadata } from './types';
export { humanDuration } from './human-duration';
