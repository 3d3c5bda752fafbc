import { gql } from '@/lib/api';

/** An object as the action mutations name it (kind as kubectl names it). */
export interface ObjectReference {
  kind: string;
  namespace?: string;
  name: string;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface RollbackResult {
  revision: number;
  changed: boolean;
  message: string;
}

const REF = '$kind: String!, $namespace: String, $name: String!';
const BY_REF = 'kind: $kind, namespace: $namespace, name: $name';

/** The GraphQL mutations for a workload's (or any object's) everyday actions, as kubectl performs them. */
export const workloadMutations = {
  scale: (ref: ObjectReference, replicas: number) => gql(`mutation(${REF}, $replicas: Int!) { scale(${BY_REF}, replicas: $replicas) }`, { ...ref, replicas }),
  setImage: (ref: ObjectReference, container: string, image: string) =>
    gql(`mutation(${REF}, $container: String, $image: String!) { setImage(${BY_REF}, container: $container, image: $image) }`, { ...ref, container, image }),
  restart: (ref: ObjectReference) => gql(`mutation(${REF}) { restart(${BY_REF}) }`, { ...ref }),
  pause: (ref: ObjectReference) => gql(`mutation(${REF}) { pause(${BY_REF}) }`, { ...ref }),
  resume: (ref: ObjectReference) => gql(`mutation(${REF}) { resume(${BY_REF}) }`, { ...ref }),
  rollback: async (ref: ObjectReference, toRevision: number) =>
    (await gql<{ rollback: RollbackResult }>(`mutation(${REF}, $toRevision: Int) { rollback(${BY_REF}, toRevision: $toRevision) { revision changed message } }`, { ...ref, toRevision })).rollback,
  delete: async (ref: ObjectReference, propagationPolicy: PropagationPolicy) =>
    (await gql<{ delete: { removed: boolean } }>(`mutation(${REF}, $policy: String) { delete(${BY_REF}, propagationPolicy: $policy) { removed } }`, { ...ref, policy: propagationPolicy })).delete,
};
