import type { StatusCause } from '../meta/types';
import { invalid, notSupported, required, validateNonnegativeField } from './field-errors';
import { FieldPath } from './field-path';
import { goLiteral, goQuote } from './go-format';
import { intOrPercentValue, intOrStringValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent';
import { asNumber, asRecord, asString, isRecord } from './json-access';
import { validateControllerTemplate } from './pod-template-validation';
import { appsWorkloadValidation, validateWorkloadSelector } from './workload-selector';

function validateUpdateStrategy(strategy: unknown, path: FieldPath): StatusCause[] {
  const s = asRecord(strategy);
  const type = asString(s.type);
  if (type === 'OnDelete') return [];
  if (type !== 'RollingUpdate') {
    return [notSupported(path, goLiteral(`apps.DaemonSetUpdateStrategy{Type:${goQuote(type)}}`), ['RollingUpdate', 'OnDelete'])];
  }
  if (!isRecord(s.rollingUpdate)) return [required(path.child('rollingUpdate'))];
  const ru = s.rollingUpdate;
  const p = path.child('rollingUpdate');
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, p.child('maxUnavailable')),
    ...validatePositiveIntOrPercent(ru.maxSurge, p.child('maxSurge')),
    ...isNotMoreThan100Percent(ru.maxUnavailable, p.child('maxUnavailable')),
    ...isNotMoreThan100Percent(ru.maxSurge, p.child('maxSurge')),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errs.push(invalid(p.child('maxSurge'), intOrStringValue(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(p.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

function validateDaemonSetSpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  // apps/v1 DaemonSets have no "selector required" check: a missing selector shows up as a label mismatch.
  const sel = validateWorkloadSelector(spec.selector, 'daemonset', path.child('selector'), false);
  const errs = [...sel.errors];
  const templateErrs = validateControllerTemplate(spec.template, { kind: 'labelSelector', selector: sel.selector }, 'DaemonSet', path.child('template'));
  const mismatch = path.child('template', 'metadata', 'labels').toString();
  // An unusable selector cannot be matched against the labels, so no mismatch is reported.
  errs.push(...templateErrs.filter((e) => sel.usable || e.field !== mismatch));
  errs.push(...validateNonnegativeField(asNumber(spec.minReadySeconds) ?? 0, path.child('minReadySeconds')));
  errs.push(...validateUpdateStrategy(spec.updateStrategy, path.child('updateStrategy')));
  const history = asNumber(spec.revisionHistoryLimit);
  if (history !== undefined) errs.push(...validateNonnegativeField(history, path.child('revisionHistoryLimit')));
  return errs;
}

export const [validateDaemonSet, validateDaemonSetUpdate] = appsWorkloadValidation(validateDaemonSetSpec);
