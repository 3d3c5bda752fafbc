import { RESOURCE_TYPES, type ResourceType } from '../resources/registry';
import { invalidArgument } from './action-errors';

/** Whether `name` names `t` the ways kubectl accepts: Kind, plural, singular or short name, in any case. */
function names(t: ResourceType, name: string): boolean {
  const n = name.toLowerCase();
  return t.kind.toLowerCase() === n || t.resource === n || t.singular === n || (t.shortNames ?? []).includes(n);
}

/**
 * The served type a user names in an action's `kind` argument: `Deployment`, `deployments`,
 * `deploy`, or qualified by group (`deployments.apps`). `among` limits it to the kinds the
 * action supports; anything else is a 422 on `kind` listing them.
 */
export function resourceTypeNamed(name: string, among: readonly ResourceType[] = RESOURCE_TYPES, field = 'kind'): ResourceType {
  const dot = name.indexOf('.');
  const base = dot < 0 ? name : name.slice(0, dot);
  const group = dot < 0 ? undefined : name.slice(dot + 1);
  const found = RESOURCE_TYPES.find((t) => names(t, base) && (group === undefined || t.group === group));
  const supported = among.map((t) => `"${t.kind}"`).join(', ');
  if (!found) throw invalidArgument(field, `Unsupported value: ${JSON.stringify(name)}: supported values: ${supported}`, undefined, 'FieldValueNotSupported');
  if (!among.includes(found)) {
    throw invalidArgument(field, `Unsupported value: ${JSON.stringify(name)}: this action supports ${supported}`, undefined, 'FieldValueNotSupported');
  }
  return found;
}

/** The served types of these kinds, in this order. */
export function typesOfKinds(...kinds: string[]): ResourceType[] {
  return kinds.map((k) => {
    const t = RESOURCE_TYPES.find((x) => x.kind === k);
    if (!t) throw new Error(`${k} is not a served kind`);
    return t;
  });
}
