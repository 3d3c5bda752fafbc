import type { LabelSelector } from '../kinds/common';
import type { StatusCause } from '../meta/types';
import { RBAC_GROUP } from '../rbac/types';
import { invalid, notSupported, required } from './field-errors';
import { FieldPath } from './field-path';
import { goLiteral, goQuote, goStringSlice, type GoLiteral } from './go-format';
import { asArray, asRecord, asString, asText, isRecord } from './json-access';
import { validateLabelSelector } from './labels-validation';
import { isDNS1123Subdomain, isValidPathSegmentName, type NameValidator } from './name-rules';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';

/**
 * rbac.authorization.k8s.io/v1, as kube-apiserver's pkg/apis/rbac/validation checks it.
 * Roles, bindings and the roles a binding names only need to be usable as a URL path segment.
 */
const rbacName: NameValidator = (name) => isValidPathSegmentName(name);

type Obj = Record<string, unknown>;

const SUBJECT_KINDS = ['ServiceAccount', 'User', 'Group'];

function strings(v: unknown): string[] {
  return asArray(v).map(asText);
}

/** One rule: at least one verb; either non-resource URLs (ClusterRoles only) or API groups and resources. */
function validatePolicyRule(ruleValue: unknown, namespaced: boolean, path: FieldPath): StatusCause[] {
  const rule = asRecord(ruleValue);
  const errs: StatusCause[] = [];
  if (strings(rule.verbs).length === 0) errs.push(required(path.child('verbs'), 'verbs must contain at least one value'));
  const urls = strings(rule.nonResourceURLs);
  if (urls.length > 0) {
    if (namespaced) errs.push(invalid(path.child('nonResourceURLs'), goStringSlice(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if (strings(rule.apiGroups).length || strings(rule.resources).length || strings(rule.resourceNames).length) {
      errs.push(invalid(path.child('nonResourceURLs'), goStringSlice(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (strings(rule.apiGroups).length === 0) errs.push(required(path.child('apiGroups'), 'resource rules must supply at least one api group'));
  if (strings(rule.resources).length === 0) errs.push(required(path.child('resources'), 'resource rules must supply at least one resource'));
  return errs;
}

function validateRules(rules: unknown, namespaced: boolean): StatusCause[] {
  return asArray(rules).flatMap((rule, i) => validatePolicyRule(rule, namespaced, FieldPath.root('rules').index(i)));
}

function validateAggregationRule(value: unknown): StatusCause[] {
  if (!isRecord(value)) return [];
  const path = FieldPath.root('aggregationRule', 'clusterRoleSelectors');
  const selectors = asArray<LabelSelector>(value.clusterRoleSelectors);
  if (selectors.length === 0) return [required(path, 'at least one clusterRoleSelector required if aggregationRule is non-nil')];
  return selectors.flatMap((selector, i) => {
    const errs = validateLabelSelector(selector, path.index(i));
    // The server also fails to turn such a selector into a label query and says so once more,
    // reporting the nil selector it got back, which v1.32 prints as the string "null".
    if (errs.length) errs.push(invalid(path.index(i), 'null', 'invalid label selector.'));
    return errs;
  });
}

/** rbac.RoleRef as Go's %#v prints it, the value `cannot change roleRef` reports. */
function goRoleRef(ref: Obj): GoLiteral {
  const field = (k: string) => goQuote(asString(ref[k]));
  return goLiteral(`rbac.RoleRef{APIGroup:${field('apiGroup')}, Kind:${field('kind')}, Name:${field('name')}}`);
}

function validateRoleRef(value: unknown, kinds: readonly string[]): StatusCause[] {
  const ref = asRecord(value);
  const path = FieldPath.root('roleRef');
  const errs: StatusCause[] = [];
  const apiGroup = asString(ref.apiGroup);
  if (apiGroup !== RBAC_GROUP) errs.push(notSupported(path.child('apiGroup'), apiGroup, [RBAC_GROUP]));
  const kind = asString(ref.kind);
  if (!kinds.includes(kind)) errs.push(notSupported(path.child('kind'), kind, kinds));
  const name = asString(ref.name);
  if (!name) errs.push(required(path.child('name')));
  else for (const msg of rbacName(name, false)) errs.push(invalid(path.child('name'), name, msg));
  return errs;
}

/** A subject of a binding; in a RoleBinding a ServiceAccount may leave its namespace to the binding's. */
function validateSubject(value: unknown, namespaced: boolean, path: FieldPath): StatusCause[] {
  const subject = asRecord(value);
  const errs: StatusCause[] = [];
  const name = asString(subject.name);
  const apiGroup = asString(subject.apiGroup);
  if (!name) errs.push(required(path.child('name')));
  switch (subject.kind) {
    case 'ServiceAccount':
      if (name) for (const msg of isDNS1123Subdomain(name)) errs.push(invalid(path.child('name'), name, msg));
      if (apiGroup) errs.push(notSupported(path.child('apiGroup'), apiGroup, ['']));
      if (!namespaced && !asString(subject.namespace)) errs.push(required(path.child('namespace')));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== RBAC_GROUP) errs.push(notSupported(path.child('apiGroup'), apiGroup, [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(path.child('kind'), asString(subject.kind), SUBJECT_KINDS));
  }
  return errs;
}

function validateBinding(obj: Obj, namespaced: boolean, roleKinds: readonly string[]): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced, nameFn: rbacName });
  errs.push(...validateRoleRef(obj.roleRef, roleKinds));
  asArray(obj.subjects).forEach((s, i) => errs.push(...validateSubject(s, namespaced, FieldPath.root('subjects').index(i))));
  return errs;
}

/** A binding never changes the role it grants: to grant another, delete it and create a new one. */
function validateRoleRefUnchanged(obj: Obj, old: Obj): StatusCause[] {
  const next = asRecord(obj.roleRef);
  const prev = asRecord(old.roleRef);
  const same = ['apiGroup', 'kind', 'name'].every((k) => asString(next[k]) === asString(prev[k]));
  return same ? [] : [invalid(FieldPath.root('roleRef'), goRoleRef(next), 'cannot change roleRef')];
}

export function validateRole(obj: Obj): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: rbacName });
  errs.push(...validateRules(obj.rules, true));
  return errs;
}

export function validateRoleUpdate(obj: Obj, old: Obj): StatusCause[] {
  return [...validateRole(obj), ...validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata))];
}

export function validateClusterRole(obj: Obj): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: false, nameFn: rbacName });
  errs.push(...validateRules(obj.rules, false));
  errs.push(...validateAggregationRule(obj.aggregationRule));
  return errs;
}

export function validateClusterRoleUpdate(obj: Obj, old: Obj): StatusCause[] {
  return [...validateClusterRole(obj), ...validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata))];
}

export function validateRoleBinding(obj: Obj): StatusCause[] {
  return validateBinding(obj, true, ['Role', 'ClusterRole']);
}

export function validateRoleBindingUpdate(obj: Obj, old: Obj): StatusCause[] {
  return [...validateRoleBinding(obj), ...validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata)), ...validateRoleRefUnchanged(obj, old)];
}

export function validateClusterRoleBinding(obj: Obj): StatusCause[] {
  return validateBinding(obj, false, ['ClusterRole']);
}

export function validateClusterRoleBindingUpdate(obj: Obj, old: Obj): StatusCause[] {
  return [
    ...validateClusterRoleBinding(obj),
    ...validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata)),
    ...validateRoleRefUnchanged(obj, old),
  ];
}
