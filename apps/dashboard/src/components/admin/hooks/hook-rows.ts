import type { DeployHook, KubeObject } from '@skiff/domain';

export interface HookRow {
  id: string;
  namespace: string;
  name: string;
  /** `Deployment/web` or `Deployment/web (container app)` */
  target: string;
  /** Where deliveries are posted: `/hooks/<uid>`. */
  path: string;
  lastOutcome: string;
  lastTime: Date | null;
  lastImage: string;
  /** Changes whenever the hook does (a new delivery updates its status). */
  resourceVersion: string;
}

/** DeployHooks as table rows, by namespace and name. */
export function hookRows(hooks: KubeObject[]): HookRow[] {
  return hooks
    .map((o) => {
      const h = o as DeployHook;
      const t = h.spec?.target;
      const last = h.status?.lastDelivery;
      return {
        id: `${h.metadata.namespace}/${h.metadata.name}`,
        namespace: h.metadata.namespace ?? '',
        name: h.metadata.name!,
        target: t ? `${t.kind}/${t.name}${t.container ? ` (container ${t.container})` : ''}` : '',
        path: h.status?.webhookPath ?? '',
        lastOutcome: last?.outcome ?? '',
        lastTime: last?.time ? new Date(last.time) : null,
        lastImage: last?.image ?? '',
        resourceVersion: h.metadata.resourceVersion ?? '',
      };
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
