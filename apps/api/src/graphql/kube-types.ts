import { findResourceType } from '@skiff/domain';
import { KubeObjectTypes } from './kube-object-types';

/** The GraphQL object types of every served kind, made once per process. */
export const KUBE_TYPES = new KubeObjectTypes();

const served = (group: string, version: string, resource: string) => KUBE_TYPES.forKind(findResourceType(group, version, resource)!);

export const DeploymentType = served('apps', 'v1', 'deployments');
export const ReplicaSetType = served('apps', 'v1', 'replicasets');
export const StatefulSetType = served('apps', 'v1', 'statefulsets');
export const DaemonSetType = served('apps', 'v1', 'daemonsets');
export const PodType = served('', 'v1', 'pods');
export const NodeType = served('', 'v1', 'nodes');
export const ServiceType = served('', 'v1', 'services');
export const EndpointsType = served('', 'v1', 'endpoints');
export const EventType = served('', 'v1', 'events');
