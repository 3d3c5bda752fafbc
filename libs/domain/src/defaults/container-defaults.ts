import { asArray, isRecord } from '../validation/json-access';
import { canonicalizeQuantityField, canonicalizeResourceList } from './resource-list-defaults';

const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?`;
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*(?::([\\w][\\w.-]{0,127}))?$`);

/**
 * The tag an image reference pulls, as the server reads it to pick a pull policy:
 * `latest` when neither tag nor digest is given, '' when only a digest is, or when
 * the reference does not parse.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const m = REFERENCE.exec(name);
  if (!m) return '';
  if (m[1]) return m[1];
  return at >= 0 ? '' : 'latest';
}

function defaultHandler(handler: unknown): void {
  if (!isRecord(handler) || !isRecord(handler.httpGet)) return;
  const get = handler.httpGet;
  if (!get.path) get.path = '/';
  if (!get.scheme) get.scheme = 'HTTP';
}

export function defaultProbe(probe: unknown): void {
  if (!isRecord(probe)) return;
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  defaultHandler(probe);
}

function defaultEnv(env: unknown): void {
  for (const ev of asArray(env)) {
    if (!isRecord(ev) || !isRecord(ev.valueFrom)) continue;
    const fieldRef = ev.valueFrom.fieldRef;
    if (isRecord(fieldRef) && !fieldRef.apiVersion) fieldRef.apiVersion = 'v1';
    const resourceRef = ev.valueFrom.resourceFieldRef;
    if (isRecord(resourceRef)) {
      if (resourceRef.divisor === undefined) resourceRef.divisor = '0';
      canonicalizeQuantityField(resourceRef, 'divisor');
    }
  }
}

/** Container defaults for any container kind (regular, init, ephemeral). */
export function defaultContainer(ctr: unknown): void {
  if (!isRecord(ctr)) return;
  if (!ctr.imagePullPolicy) ctr.imagePullPolicy = imageTag(typeof ctr.image === 'string' ? ctr.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
  if (!ctr.terminationMessagePath) ctr.terminationMessagePath = '/dev/termination-log';
  if (!ctr.terminationMessagePolicy) ctr.terminationMessagePolicy = 'File';
  for (const port of asArray(ctr.ports)) {
    if (isRecord(port) && !port.protocol) port.protocol = 'TCP';
  }
  // The server always returns `resources`, empty or not.
  if (!isRecord(ctr.resources)) ctr.resources = {};
  const resources = ctr.resources as Record<string, unknown>;
  canonicalizeResourceList(resources.limits);
  canonicalizeResourceList(resources.requests);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(ctr[probe]);
  if (isRecord(ctr.lifecycle)) {
    defaultHandler(ctr.lifecycle.postStart);
    defaultHandler(ctr.lifecycle.preStop);
  }
  defaultEnv(ctr.env);
}
