import type { Taint } from '../kinds/node';
import type { Toleration } from '../kinds/pod';

/**
 * Whether one toleration tolerates a taint (core/v1 Toleration.ToleratesTaint): an
 * empty effect matches every effect, an empty key (only valid with `Exists`) every key;
 * `Exists` ignores the value, `Equal` (the default operator) compares it.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Whether any of the tolerations tolerates the taint. */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/**
 * The first taint, in the node's order, with an effect in `effects` that no toleration
 * tolerates (v1helper.FindMatchingUntoleratedTaint); undefined when all are tolerated.
 */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: ReadonlySet<string>,
): Taint | undefined {
  for (const taint of taints) {
    if (!effects.has(taint.effect)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
