import type { KubeObject } from '../meta/types';

export type EventType = 'Normal' | 'Warning';

/** What identifies "the same event again": one Event object counts its repeats. */
export function eventKey(obj: KubeObject, type: EventType, reason: string, message: string): string {
  return [obj.metadata.uid ?? `${obj.metadata.namespace}/${obj.metadata.name}`, type, reason, message].join('\u0000');
}

/**
 * A core/v1 Event about `obj`, as kube-controller-manager and the scheduler record them
 * (what `kubectl describe` and `kubectl get events` show). Its name is the object's
 * plus a unique suffix; repeats update `count` and `lastTimestamp` instead.
 */
export function newEvent(obj: KubeObject, type: EventType, reason: string, message: string, component: string, now: Date, suffix: string): KubeObject {
  const time = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${obj.metadata.name}.${suffix}`, namespace: obj.metadata.namespace || 'default' },
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
    },
    type,
    reason,
    message,
    source: { component },
    reportingComponent: component,
    reportingInstance: component,
    firstTimestamp: time,
    lastTimestamp: time,
    count: 1,
  };
}
