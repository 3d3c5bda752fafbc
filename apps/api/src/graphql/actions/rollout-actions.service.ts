import { Inject, Injectable } from '@nestjs/common';
import {
  controllerRollbackTarget,
  deploymentRollbackTarget,
  describeSetImage,
  findResourceType,
  restartPodTemplate,
  rollDeploymentBack,
  rollTemplateBack,
  setChangeCause,
  setContainerImage,
  type ControllerRevision,
  type Deployment,
  type KubeObject,
  type ReplicaSet,
  type ResourceType,
  type RollbackTarget,
} from '@skiff/domain';
import { ObjectRegistry } from '../../registry/object-registry';
import { StoreRuntime } from '../../store/store-runtime';
import type { GqlContext } from '../graphql-context';
import { ObjectAccess } from '../object-access';
import { ActionWrites, changeCauseFor } from './action-writes';
import type { RollbackResult } from './action-types';

const REPLICA_SETS = findResourceType('apps', 'v1', 'replicasets')!;
const CONTROLLER_REVISIONS = findResourceType('apps', 'v1', 'controllerrevisions')!;

/**
 * `kubectl set image`, `rollout restart|undo|pause|resume`: each a PATCH of the workload,
 * authorized as kubectl's, and (for those that start a rollout) recording who started it
 * in the change-cause annotation that `kubectl rollout history` shows.
 */
@Injectable()
export class RolloutActions {
  constructor(
    @Inject(ActionWrites) private readonly writes: ActionWrites,
    @Inject(ObjectAccess) private readonly access: ObjectAccess,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
    @Inject(StoreRuntime) private readonly rt: StoreRuntime,
  ) {}

  setImage(ctx: GqlContext, type: ResourceType, namespace: string, name: string, container: string | undefined, image: string, changeCause?: string): Promise<KubeObject> {
    return this.writes.change(ctx, type, namespace, name, (obj) => {
      const cause = changeCauseFor(ctx, describeSetImage(obj, container, image), changeCause);
      // Nothing to roll out when every container already runs it: no write, no new history line.
      if (setContainerImage(obj, container, image).length) setChangeCause(obj, cause);
    });
  }

  restart(ctx: GqlContext, type: ResourceType, namespace: string, name: string, changeCause?: string): Promise<KubeObject> {
    return this.writes.change(ctx, type, namespace, name, (obj) => {
      restartPodTemplate(obj, new Date());
      setChangeCause(obj, changeCauseFor(ctx, 'rollout restart', changeCause));
    });
  }

  setPaused(ctx: GqlContext, type: ResourceType, namespace: string, name: string, paused: boolean): Promise<KubeObject> {
    return this.writes.change(ctx, type, namespace, name, (obj) => {
      const spec = (obj.spec ?? {}) as { paused?: boolean };
      if (paused) spec.paused = true;
      else delete spec.paused;
      obj.spec = spec;
    });
  }

  /**
   * `kubectl rollout undo`: the revision's template (the previous revision's by default).
   * Reads the history the way kubectl does (list ReplicaSets or ControllerRevisions in the
   * namespace), so the caller needs that right too.
   */
  async rollback(ctx: GqlContext, type: ResourceType, namespace: string, name: string, toRevision: number | undefined, changeCause?: string): Promise<RollbackResult> {
    await this.access.writeContext(ctx, 'patch', type, namespace, name);
    const deployment = type.kind === 'Deployment';
    const historyType = deployment ? REPLICA_SETS : CONTROLLER_REVISIONS;
    await this.access.authorize(ctx, 'list', historyType, namespace);
    const history = (await this.rt.store.list(historyType, { namespace })).items;
    const targetOf = (obj: KubeObject): RollbackTarget =>
      deployment ? deploymentRollbackTarget(obj as Deployment, history as ReplicaSet[], toRevision) : controllerRollbackTarget(obj, history as ControllerRevision[], toRevision);

    const current = await this.registry.get(type, namespace, name);
    const target = targetOf(current);
    if (target.current) {
      return { revision: target.revision, changed: false, message: `skipped rollback (current template already matches revision ${target.revision})`, object: current };
    }
    const cause = changeCauseFor(ctx, `rollout undo to revision ${target.revision}`, changeCause);
    const object = await this.writes.change(ctx, type, namespace, name, (obj) => {
      const latest = targetOf(obj);
      if (deployment) rollDeploymentBack(obj as Deployment, latest, history as ReplicaSet[]);
      else rollTemplateBack(obj, latest);
      setChangeCause(obj, cause);
    });
    return { revision: target.revision, changed: true, message: `rolled back to revision ${target.revision}`, object };
  }
}
