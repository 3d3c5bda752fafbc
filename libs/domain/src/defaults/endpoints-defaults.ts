import { asArray, asRecord, isRecord } from '../validation/json-access';

export function defaultEndpoints(obj: Record<string, unknown>): void {
  for (const subset of asArray(obj.subsets)) {
    for (const port of asArray(asRecord(subset).ports)) {
      if (isRecord(port) && !port.protocol) port.protocol = 'TCP';
    }
  }
}
