import type { StatusCause } from '../meta/types';
import type { LabelSelector } from '../kinds/common';
import { forbidden, invalid, notSupported } from './field-errors';
import type { FieldPath } from './field-path';
import { goStringMap } from './go-format';
import { asRecord, asString, isRecord } from './json-access';
import { isEmptySelector, labelSelectorMatches } from './label-selector-match';
import { validateAnnotations, validateLabels } from './labels-validation';
import { validatePodSpec } from './pod-spec-validation';

/**
 * The pod template of a workload. Like the server, template labels and annotations
 * are reported at `<path>.labels` / `<path>.annotations`.
 */
export function validatePodTemplateSpec(template: unknown, path: FieldPath, extraVolumeNames?: readonly string[]): StatusCause[] {
  const t = asRecord(template);
  const meta = asRecord(t.metadata);
  const errs: StatusCause[] = [];
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validatePodSpec(t.spec, path.child('spec'), { isPod: false, extraVolumeNames }));
  if (Array.isArray(asRecord(t.spec).ephemeralContainers) && (asRecord(t.spec).ephemeralContainers as unknown[]).length > 0) {
    errs.push(forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** How a controller's selector relates to its template's labels. */
export type TemplateSelector =
  | { kind: 'labelSelector'; selector: LabelSelector | undefined }
  | { kind: 'map'; selector: Record<string, string> | undefined };

export function templateLabels(template: unknown): Record<string, string> | undefined {
  const labels = asRecord(template).metadata;
  const l = isRecord(labels) ? labels.labels : undefined;
  return isRecord(l) ? (l as Record<string, string>) : undefined;
}

/** Whether the selector picks the template's pods; a nil LabelSelector selects nothing. */
export function selectorMatchesTemplate(sel: TemplateSelector, labels: Record<string, string> | undefined): boolean {
  if (sel.kind === 'map') return labelSelectorMatches({ matchLabels: sel.selector ?? {} }, labels);
  if (!sel.selector) return false;
  return isEmptySelector(sel.selector) || labelSelectorMatches(sel.selector, labels);
}

/**
 * The template of a pod controller (ReplicaSet, Deployment, ReplicationController,
 * DaemonSet): pods it creates must match its selector, restart Always, and run forever.
 * A missing template validates as an empty one (its containers are then required).
 * `controllerKind` names the kind in the activeDeadlineSeconds message, as the server does.
 */
export function validateControllerTemplate(
  template: unknown,
  sel: TemplateSelector,
  controllerKind: string,
  path: FieldPath,
): StatusCause[] {
  const errs: StatusCause[] = [];
  const labels = templateLabels(template);
  const emptyMap = sel.kind === 'map' && Object.keys(sel.selector ?? {}).length === 0;
  const emptyLabelSelector = sel.kind === 'labelSelector' && sel.selector !== undefined && isEmptySelector(sel.selector);
  if (!emptyMap && !emptyLabelSelector && !selectorMatchesTemplate(sel, labels)) {
    errs.push(invalid(path.child('metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const spec = asRecord(asRecord(template).spec);
  const restart = asString(spec.restartPolicy);
  if (restart !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), restart, ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${controllerKind} is not Supported`));
  }
  return errs;
}
