import { Inject, Injectable } from '@nestjs/common';
import { controllerRefOf, drainRefusal, findResourceType, invalidArgument, isStatusError, planDrain, type DrainOptions, type KubeObject, type Pod } from '@skiff/domain';
import { ObjectRegistry } from '../../registry/object-registry';
import type { GqlContext } from '../graphql-context';
import { ObjectAccess } from '../object-access';
import { ActionWrites } from './action-writes';
import type { DrainResult, PodReference } from './action-types';

const NODES = findResourceType('', 'v1', 'nodes')!;
const PODS = findResourceType('', 'v1', 'pods')!;
const DAEMON_SETS = findResourceType('apps', 'v1', 'daemonsets')!;

const podRef = (p: Pod, reason?: string): PodReference => ({ namespace: p.metadata.namespace ?? '', name: p.metadata.name ?? '', ...(reason ? { reason } : {}) });

/** `kubectl cordon|uncordon|drain`. */
@Injectable()
export class NodeActions {
  constructor(
    @Inject(ActionWrites) private readonly writes: ActionWrites,
    @Inject(ObjectAccess) private readonly access: ObjectAccess,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
  ) {}

  /** spec.unschedulable set (cordon) or cleared (uncordon): a PATCH of the node. */
  setUnschedulable(ctx: GqlContext, node: string, unschedulable: boolean): Promise<KubeObject> {
    return this.writes.change(ctx, NODES, '', node, (obj) => {
      const spec = (obj.spec ?? {}) as { unschedulable?: boolean };
      if (unschedulable) spec.unschedulable = true;
      else delete spec.unschedulable;
      obj.spec = spec;
    });
  }

  /**
   * As `kubectl drain`: cordon, list the node's pods, refuse (leaving the node cordoned)
   * when some may not go without a flag, else evict each through the pods/eviction
   * subresource's authorization (`create pods/eviction`) and delete. Returns without
   * waiting for the pods to stop; their controllers make them again on other nodes.
   */
  async drain(ctx: GqlContext, node: string, opts: DrainOptions, gracePeriodSeconds?: number): Promise<DrainResult> {
    if (gracePeriodSeconds !== undefined && (!Number.isInteger(gracePeriodSeconds) || gracePeriodSeconds < 0)) {
      throw invalidArgument('gracePeriodSeconds', `Invalid value: ${gracePeriodSeconds}: must be a non-negative integer`, { group: '', kind: 'Node', name: node });
    }
    const cordoned = await this.setUnschedulable(ctx, node, true);
    const pods = (await this.access.list(ctx, PODS, { fieldSelector: `spec.nodeName=${node}` })) as Pod[];
    const daemonSets = await this.existingDaemonSets(ctx, pods);
    const plan = planDrain(pods, opts, (ns, name) => daemonSets.has(`${ns}/${name}`));
    const refusal = drainRefusal(node, plan);
    if (refusal) throw refusal;
    const evicted = await Promise.all(plan.evict.map((p) => this.evict(ctx, p, gracePeriodSeconds)));
    return {
      node: cordoned,
      evicted: plan.evict.filter((_, i) => evicted[i]).map((p) => podRef(p)),
      skipped: plan.skipped.map((s) => podRef(s.pod, s.reason)),
      warnings: plan.warnings,
    };
  }

  /** The DaemonSets (`namespace/name`) that the node's DaemonSet pods name and that exist, read as kubectl reads them (get). */
  private async existingDaemonSets(ctx: GqlContext, pods: Pod[]): Promise<Set<string>> {
    const named = new Set<string>();
    for (const p of pods) {
      const ref = controllerRefOf(p);
      if (ref?.kind === 'DaemonSet') named.add(`${p.metadata.namespace}/${ref.name}`);
    }
    const out = new Set<string>();
    for (const key of named) {
      const [ns, name] = key.split('/');
      if (await this.access.get(ctx, DAEMON_SETS, ns, name)) out.add(key);
    }
    return out;
  }

  /**
   * One eviction, authorized and carried out as `POST pods/<name>/eviction` is
   * (ObjectRegistry.evictPod). False when the pod was already gone (or is another pod of
   * the same name by now).
   */
  private async evict(ctx: GqlContext, pod: Pod, gracePeriodSeconds?: number): Promise<boolean> {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    const rc = await this.access.writeContext(ctx, 'create', PODS, ns, name, 'eviction');
    try {
      await this.registry.evictPod(PODS, ns, name, { gracePeriodSeconds, preconditions: { uid: pod.metadata.uid } }, rc);
      return true;
    } catch (e) {
      if (isStatusError(e) && (e.code === 404 || e.code === 409)) return false;
      throw e;
    }
  }
}
