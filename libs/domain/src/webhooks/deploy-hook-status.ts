import type { KubeObject } from '../meta/types';
import type { DeployHookLastDelivery, DeployHookStatus } from './types';
import { webhookPath } from './webhook-path';

/** What a DeployHook holds from its creation on: the path deliveries are posted to. */
export function deployHookInitialStatus(uid: string): DeployHookStatus {
  return { webhookPath: webhookPath(uid) };
}

/** `hook` with `status.lastDelivery` replaced (the status write after each delivery). */
export function withLastDelivery(hook: KubeObject, last: DeployHookLastDelivery): KubeObject {
  const status = (hook.status ?? {}) as DeployHookStatus;
  const uid = hook.metadata.uid ?? '';
  return { ...hook, status: { ...status, webhookPath: status.webhookPath ?? webhookPath(uid), lastDelivery: last } };
}
