import type { StatusCause } from '../meta/types';
import { forbidden, invalid, notSupported, required, validateNonnegativeField } from './field-errors';
import { FieldPath } from './field-path';
import { goJSON, goStringMap } from './go-format';
import { intOrPercentValue, intOrStringValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent';
import { asArray, asNumber, asRecord, asString, isRecord } from './json-access';
import { isDNS1123Label, nameIsDNSLabel } from './name-rules';
import { deepEqual, validateObjectMeta, validateObjectMetaUpdate } from './object-meta-validation';
import { selectorMatchesTemplate, templateLabels, validatePodTemplateSpec } from './pod-template-validation';
import { validateWorkloadSelector } from './workload-selector';

const RETENTION_POLICIES = ['Retain', 'Delete'];

function validateUpdateStrategy(strategy: unknown, path: FieldPath): StatusCause[] {
  const s = asRecord(strategy);
  switch (asString(s.type)) {
    case '':
      return [required(path)];
    case 'OnDelete':
      return isRecord(s.rollingUpdate)
        ? [invalid(path.child('rollingUpdate'), goJSON(s.rollingUpdate), "only allowed for updateStrategy 'RollingUpdate'")]
        : [];
    case 'RollingUpdate': {
      if (!isRecord(s.rollingUpdate)) return [];
      const ru = s.rollingUpdate;
      const p = path.child('rollingUpdate');
      const errs = validateNonnegativeField(asNumber(ru.partition) ?? 0, p.child('partition'));
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, p.child('maxUnavailable')));
        if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(p.child('maxUnavailable'), intOrStringValue(ru.maxUnavailable), 'cannot be 0'));
        errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, p.child('maxUnavailable')));
      }
      return errs;
    }
    default:
      return [invalid(path, goJSON(s), "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

function claimTemplateNames(spec: Record<string, unknown>): string[] {
  return asArray(spec.volumeClaimTemplates).map((t) => asString(asRecord(asRecord(t).metadata).name)).filter(Boolean);
}

function validateStatefulSetSpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  const errs: StatusCause[] = [];
  const policy = asString(spec.podManagementPolicy);
  if (!policy) errs.push(required(path.child('podManagementPolicy')));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(invalid(path.child('podManagementPolicy'), policy, "must be 'OrderedReady' or 'Parallel'"));
  }
  errs.push(...validateUpdateStrategy(spec.updateStrategy, path.child('updateStrategy')));
  if (isRecord(spec.persistentVolumeClaimRetentionPolicy)) {
    for (const f of ['whenDeleted', 'whenScaled']) {
      const v = asString(spec.persistentVolumeClaimRetentionPolicy[f]);
      if (!RETENTION_POLICIES.includes(v)) errs.push(notSupported(path.child('persistentVolumeClaimRetentionPolicy', f), v, RETENTION_POLICIES));
    }
  }
  errs.push(...validateNonnegativeField(asNumber(spec.replicas) ?? 0, path.child('replicas')));
  errs.push(...validateNonnegativeField(asNumber(spec.minReadySeconds) ?? 0, path.child('minReadySeconds')));
  if (isRecord(spec.ordinals)) errs.push(...validateNonnegativeField(asNumber(spec.ordinals.start) ?? 0, path.child('ordinals.start')));
  // Pods get the service name as their subdomain, which must be a DNS label.
  const serviceName = asString(spec.serviceName);
  if (serviceName) for (const msg of isDNS1123Label(serviceName)) errs.push(invalid(path.child('serviceName'), serviceName, msg));
  const sel = validateWorkloadSelector(spec.selector, 'statefulset', path.child('selector'));
  errs.push(...sel.errors);
  const templatePath = path.child('template');
  if (sel.usable) {
    const labels = templateLabels(spec.template);
    const emptySelector = sel.selector !== undefined && Object.keys(sel.selector.matchLabels ?? {}).length + asArray(sel.selector.matchExpressions).length === 0;
    if (!emptySelector && !selectorMatchesTemplate({ kind: 'labelSelector', selector: sel.selector }, labels)) {
      errs.push(invalid(templatePath.child('metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'));
    }
    // Unlike the real server (which leaves this to pod creation), the template's pod spec is
    // checked here too; claim templates count as volumes.
    errs.push(...validatePodTemplateSpec(spec.template, templatePath, claimTemplateNames(spec)));
  } else {
    errs.push(invalid(path.child('selector'), goJSON(sel.selector), ''));
  }
  const podSpec = asRecord(asRecord(spec.template).spec);
  const restart = asString(podSpec.restartPolicy);
  if (restart !== 'Always') errs.push(notSupported(templatePath.child('spec', 'restartPolicy'), restart, ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(forbidden(templatePath.child('spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

export function validateStatefulSet(obj: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMeta(asRecord(obj.metadata), { namespaced: true, nameFn: nameIsDNSLabel });
  errs.push(...validateStatefulSetSpec(obj.spec, FieldPath.root('spec')));
  return errs;
}

/** Fields of a StatefulSet spec that may change after creation. */
const MUTABLE_SPEC_FIELDS = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function validateStatefulSetUpdate(obj: Record<string, unknown>, old: Record<string, unknown>): StatusCause[] {
  const errs = validateObjectMetaUpdate(asRecord(obj.metadata), asRecord(old.metadata));
  errs.push(...validateStatefulSetSpec(obj.spec, FieldPath.root('spec')));
  const next = { ...asRecord(obj.spec) };
  const prev = asRecord(old.spec);
  for (const f of MUTABLE_SPEC_FIELDS) next[f] = prev[f];
  if (!deepEqual(next, prev)) {
    errs.push(
      forbidden(
        FieldPath.root('spec'),
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}
