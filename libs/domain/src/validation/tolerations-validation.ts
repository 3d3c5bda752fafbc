import type { StatusCause } from '../meta/types';
import { invalid, notSupported } from './field-errors';
import type { FieldPath } from './field-path';
import { asArray, asNumber, asRecord, asString } from './json-access';
import { validateLabelName } from './labels-validation';
import { isValidLabelValue } from './name-rules';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string, allowEmpty: boolean, path: FieldPath): StatusCause[] {
  if (effect === '' && allowEmpty) return [];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(path, effect, TAINT_EFFECTS)];
}

export function validateTolerations(tolerations: unknown, path: FieldPath): StatusCause[] {
  const errs: StatusCause[] = [];
  asArray(tolerations).forEach((raw, i) => {
    const t = asRecord(raw);
    const p = path.index(i);
    const key = asString(t.key);
    const operator = asString(t.operator);
    const value = asString(t.value);
    const effect = asString(t.effect);
    if (key) errs.push(...validateLabelName(key, p.child('key')));
    if (!key && operator !== 'Exists') {
      errs.push(invalid(p.child('operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (asNumber(t.tolerationSeconds) !== undefined && effect !== 'NoExecute') {
      errs.push(invalid(p.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (operator) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(value);
        if (msgs.length) errs.push(invalid(p.child('operator'), value, msgs.join(';')));
        break;
      }
      case 'Exists':
        if (value) errs.push(invalid(p.child('operator'), value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(p.child('operator'), operator, ['Equal', 'Exists']));
    }
    if (effect) errs.push(...validateTaintEffect(effect, true, p.child('effect')));
  });
  return errs;
}
