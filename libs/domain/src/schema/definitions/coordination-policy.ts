import { coordination, Definitions, int32, kindObj, meta, microTime, obj, policy, ref, str } from '../dsl';

/** coordination.k8s.io/v1 Lease, and policy/v1 Eviction (the pod eviction subresource). */
export const COORDINATION_POLICY_DEFINITIONS: Definitions = {
  [coordination('Lease')]: kindObj('A lock held for a time, used for leader election and node heartbeats.', {
    spec: ref(coordination('LeaseSpec'), 'State of the lease.'),
  }),
  [coordination('LeaseSpec')]: obj('State of a lease.', {
    holderIdentity: str('Identity of the current holder.'),
    leaseDurationSeconds: int32('Seconds candidates wait after the last renewal before taking the lease over.'),
    acquireTime: microTime('When the current holder acquired the lease.'),
    renewTime: microTime('When the holder last renewed the lease.'),
    leaseTransitions: int32('Times the lease changed holder.'),
    strategy: str('Strategy used to pick a leader among candidates (coordinated leader election).'),
    preferredHolder: str('Candidate the holder should hand the lease to (coordinated leader election).'),
  }),
  [policy('Eviction')]: kindObj('Asks for a pod to be deleted while honouring its disruption budgets; posted to pods/eviction.', {
    deleteOptions: ref(meta('DeleteOptions'), 'Options of the deletion.'),
  }),
};
