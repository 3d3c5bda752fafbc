import type { StatusCause } from '../meta/types';
import { forbidden, invalid, notSupported, required, validateNonnegativeField } from './field-errors';
import { FieldPath } from './field-path';
import { goLiteral, goQuote } from './go-format';
import { intOrPercentValue, intOrStringValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './int-or-percent';
import { asNumber, asRecord, asString, isRecord } from './json-access';
import { appsWorkloadValidation, validateSelectedTemplate } from './workload-selector';

function validateStrategy(strategy: unknown, path: FieldPath): StatusCause[] {
  const s = asRecord(strategy);
  const type = asString(s.type);
  if (type === 'Recreate') {
    return isRecord(s.rollingUpdate) ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (type === 'RollingUpdate') {
    if (!isRecord(s.rollingUpdate)) return [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')];
    const ru = s.rollingUpdate;
    const p = path.child('rollingUpdate');
    const errs = [
      ...validatePositiveIntOrPercent(ru.maxUnavailable, p.child('maxUnavailable')),
      ...validatePositiveIntOrPercent(ru.maxSurge, p.child('maxSurge')),
    ];
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(invalid(p.child('maxUnavailable'), intOrStringValue(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, p.child('maxUnavailable')));
    return errs;
  }
  const shown = goLiteral(`apps.DeploymentStrategy{Type:${goQuote(type)}, RollingUpdate:${isRecord(s.rollingUpdate) ? '(*apps.RollingUpdateDeployment){...}' : '(*apps.RollingUpdateDeployment)(nil)'}}`);
  return [notSupported(path, shown, ['Recreate', 'RollingUpdate'])];
}

function validateDeploymentSpec(specValue: unknown, path: FieldPath): StatusCause[] {
  const spec = asRecord(specValue);
  const errs = validateNonnegativeField(asNumber(spec.replicas) ?? 0, path.child('replicas'));
  errs.push(...validateSelectedTemplate(spec, path));
  errs.push(...validateStrategy(spec.strategy, path.child('strategy')));
  const minReady = asNumber(spec.minReadySeconds) ?? 0;
  errs.push(...validateNonnegativeField(minReady, path.child('minReadySeconds')));
  const history = asNumber(spec.revisionHistoryLimit);
  if (history !== undefined) errs.push(...validateNonnegativeField(history, path.child('revisionHistoryLimit')));
  const deadline = asNumber(spec.progressDeadlineSeconds);
  if (deadline !== undefined) {
    errs.push(...validateNonnegativeField(deadline, path.child('progressDeadlineSeconds')));
    if (deadline <= minReady) errs.push(invalid(path.child('progressDeadlineSeconds'), deadline, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export const [validateDeployment, validateDeploymentUpdate] = appsWorkloadValidation(validateDeploymentSpec);
