import type { ControllerRevision } from '../kinds/controller-revision';
import type { PodTemplateSpec } from '../kinds/pod-template';
import type { ReplicaSet } from '../kinds/replica-set';
import { revisionDataTemplate } from '../statefulsets/controller-history';
import { CHANGE_CAUSE_ANNOTATION, revisionOf } from '../workloads/deployment-revisions';

/** One revision of a rollout, as `kubectl rollout history` shows it, with the template to go back to. */
export interface RolloutRevision {
  revision: number;
  /** The containers' images, in template order (`name=image`). */
  images: { container: string; image: string }[];
  changeCause?: string;
  createdAt?: string;
  /** The ReplicaSet or ControllerRevision that holds this revision. */
  source: string;
  template: PodTemplateSpec;
}

function imagesOf(template: PodTemplateSpec | undefined): RolloutRevision['images'] {
  return (template?.spec?.containers ?? []).map((c) => ({ container: c.name, image: c.image ?? '' }));
}

/** A Deployment's revisions from its ReplicaSets' revision annotations, oldest first. */
export function deploymentHistory(replicaSets: readonly ReplicaSet[]): RolloutRevision[] {
  const out: RolloutRevision[] = [];
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (!revision) continue;
    const template = rs.spec?.template ?? {};
    out.push({
      revision,
      images: imagesOf(template),
      ...changeCause(rs.metadata.annotations),
      ...(rs.metadata.creationTimestamp ? { createdAt: rs.metadata.creationTimestamp } : {}),
      source: rs.metadata.name ?? '',
      template,
    });
  }
  return out.sort((a, b) => a.revision - b.revision);
}

/** A StatefulSet's (or DaemonSet's) revisions from its ControllerRevisions, oldest first. */
export function controllerRevisionHistory(revisions: readonly ControllerRevision[]): RolloutRevision[] {
  return revisions
    .map((cr) => {
      const template = revisionDataTemplate(cr.data) ?? {};
      return {
        revision: cr.revision,
        images: imagesOf(template),
        ...changeCause(cr.metadata.annotations),
        ...(cr.metadata.creationTimestamp ? { createdAt: cr.metadata.creationTimestamp } : {}),
        source: cr.metadata.name ?? '',
        template,
      };
    })
    .sort((a, b) => a.revision - b.revision);
}

function changeCause(annotations: Record<string, string> | undefined): { changeCause?: string } {
  const cause = annotations?.[CHANGE_CAUSE_ANNOTATION];
  return cause ? { changeCause: cause } : {};
}
