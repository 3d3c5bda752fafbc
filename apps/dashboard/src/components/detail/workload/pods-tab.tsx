'use client';
import type { DetailTabProps } from '../tabs';
import { DeploymentPods } from './deployment-pods';
import { NodePods } from './node-pods';
import { OwnedPods } from './owned-pods';
import { ServicePods } from './service-pods';

/** The pods related to an object: owned (through ReplicaSets for a Deployment), selected (Service) or bound (Node). */
export function PodsTab({ kind, object }: DetailTabProps) {
  switch (kind.kind) {
    case 'Deployment':
      return <DeploymentPods deployment={object} />;
    case 'Service':
      return <ServicePods service={object} />;
    case 'Node':
      return <NodePods node={object} />;
    default:
      return <OwnedPods owner={object} />;
  }
}
