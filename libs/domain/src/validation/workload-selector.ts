import type { StatusCause } from '../meta/types';
import type { LabelSelector } from '../kinds/common';
import { invalid, required } from './field-errors';
import { FieldPath } from './field-path';
import { goLabelSelector } from './go-format';
import { validateControllerTemplate } from './pod-template-validation';
import { asRecord, isRecord } from './json-access';
import { isEmptySelector } from './label-selector-match';
import { validateLabelSelector } from './labels-validation';
import { nameIsDNSSubdomain } from './name-rules';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

export interface SelectorCheck {
  errors: StatusCause[];
  selector: LabelSelector | undefined;
  /** False when the selector cannot be turned into a matcher (the server then skips template checks). */
  usable: boolean;
}

/**
 * `spec.selector` of an apps/v1 workload: required, well formed and not empty.
 * `kindWord` is what the server's message calls the kind ("deployment", "statefulset").
 */
export function validateWorkloadSelector(value: unknown, kindWord: string, path: FieldPath, requiredSelector = true): SelectorCheck {
  if (!isRecord(value)) {
    return { errors: requiredSelector ? [required(path)] : [], selector: undefined, usable: true };
  }
  const selector = value as LabelSelector;
  const problems = validateLabelSelector(selector, path);
  const errors = [...problems];
  if (isEmptySelector(selector)) errors.push(invalid(path, goLabelSelector(selector), `empty selector is invalid for ${kindWord}`));
  return { errors, selector, usable: problems.length === 0 };
}

/** apps/v1 selectors may not change after creation. */
export function validateSelectorImmutable(next: unknown, prev: unknown, path: FieldPath): StatusCause[] {
  return validateImmutableField(next, prev, path, goLabelSelector(isRecord(next) ? (next as LabelSelector) : undefined));
}

type Validate = (obj: Record<string, unknown>) => StatusCause[];
type ValidateUpdate = (obj: Record<string, unknown>, old: Record<string, unknown>) => StatusCause[];

/** Create and update validation of an apps/v1 workload: namespaced, DNS-subdomain name, immutable selector. */
export function appsWorkloadValidation(validateSpec: (spec: unknown, path: FieldPath) => StatusCause[]): [Validate, ValidateUpdate] {
  const validate: Validate = (obj) => {
    const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSSubdomain });
    errs.push(...validateSpec(obj.spec, FieldPath.root('spec')));
    return errs;
  };
  const validateUpdate: ValidateUpdate = (obj, old) => {
    const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
    errs.push(...validateSpec(obj.spec, FieldPath.root('spec')));
    errs.push(...validateSelectorImmutable(asRecord(obj.spec).selector, asRecord(old.spec).selector, FieldPath.root('spec', 'selector')));
    return errs;
  };
  return [validate, validateUpdate];
}

/**
 * A ReplicaSet-shaped spec (Deployment, ReplicaSet): its selector, and its pod template,
 * whose labels the selector must match. The server's messages say "deployment" for both.
 */
export function validateSelectedTemplate(spec: Record<string, unknown>, path: FieldPath): StatusCause[] {
  const sel = validateWorkloadSelector(spec.selector, 'deployment', path.child('selector'));
  if (!sel.usable) return [...sel.errors, invalid(path.child('selector'), goLabelSelector(sel.selector), 'invalid label selector')];
  return [...sel.errors, ...validateControllerTemplate(spec.template, { kind: 'labelSelector', selector: sel.selector }, 'ReplicaSet', path.child('template'))];
}
