import { isRecord } from '../validation/json-access';
import { canonicalizeResourceList } from './resource-list-defaults';

/** Node: allocatable defaults to capacity; quantities in canonical form. */
export function defaultNode(obj: Record<string, unknown>): void {
  if (!isRecord(obj.status)) return;
  const status = obj.status;
  canonicalizeResourceList(status.capacity);
  canonicalizeResourceList(status.allocatable);
  if (status.allocatable === undefined && isRecord(status.capacity)) status.allocatable = { ...status.capacity };
}
