/**
 * The `kubernetes.io/change-cause` a delivery writes on its target, which the rollout's
 * revision keeps and `kubectl rollout history` prints:
 * `deployhook default/web delivery 1234: image nginx:1.26`.
 */
export function deliveryChangeCause(hook: { namespace: string; name: string }, deliveryId: string, image: string): string {
  return `deployhook ${hook.namespace}/${hook.name} delivery ${deliveryId}: image ${image}`;
}

/** The user a hook's writes are made as, in the style of `system:serviceaccount:<ns>:<name>`. */
export function deployHookUserName(hook: { namespace: string; name: string }): string {
  return `skiff:deployhook:${hook.namespace}:${hook.name}`;
}
