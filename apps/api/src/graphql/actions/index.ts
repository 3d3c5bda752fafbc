import { ActionWrites } from './action-writes';
import { ActionsResolver } from './actions.resolver';
import { ManifestApply } from './manifest-apply.service';
import { NodeActions } from './node-actions.service';
import { ObjectActions } from './object-actions.service';
import { RolloutActions } from './rollout-actions.service';

export { ActionsResolver } from './actions.resolver';

/** The everyday-action mutations: the resolver and the services it uses (ObjectAccess, ObjectRegistry, StoreRuntime come from elsewhere). */
export const ACTION_PROVIDERS = [ActionsResolver, ActionWrites, ManifestApply, ObjectActions, RolloutActions, NodeActions];
