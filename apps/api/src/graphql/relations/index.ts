import { EndpointsRelations, NodeRelations, PodRelations, ServiceRelations } from './network-relations.resolver';
import { RelatedObjects } from './related-objects';
import { DaemonSetRelations, DeploymentRelations, ReplicaSetRelations, StatefulSetRelations } from './workload-relations.resolver';

export const RELATION_PROVIDERS = [
  RelatedObjects,
  DeploymentRelations,
  ReplicaSetRelations,
  StatefulSetRelations,
  DaemonSetRelations,
  PodRelations,
  NodeRelations,
  ServiceRelations,
  EndpointsRelations,
];
