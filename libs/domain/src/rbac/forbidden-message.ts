import { StatusError } from '../errors/status-error';
import type { StatusDetails } from '../meta/types';
import { quote } from './go-quote';
import { isResourceRequest, type RequestAttributes, type UserInfo } from './types';

/**
 * The message of kube-apiserver's 403 for a denied request, word for word:
 *
 *   pods "web-1" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "default"
 *   pods is forbidden: User "alice" cannot list resource "pods" in API group "" at the cluster scope
 *   pods "web-1" is forbidden: User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"
 *   forbidden: User "alice" cannot get path "/metrics"
 *
 * The leading `<resource>[.<group>] ["<name>"]` never includes the subresource; the
 * sentence does. A non-empty authorizer `reason` is appended after `: `.
 */
export function forbiddenMessage(user: UserInfo, attrs: RequestAttributes, reason = ''): string {
  return forbiddenError(user, attrs, reason).message;
}

/** The 403 Status kube-apiserver answers a denied request with. */
export function forbiddenError(user: UserInfo, attrs: RequestAttributes, reason = ''): StatusError {
  const sentence = sanitize(denialSentence(user, attrs));
  const err = reason ? `${sentence}: ${reason}` : sentence;
  if (!isResourceRequest(attrs)) return forbiddenObjectError('', '', '', err);
  return forbiddenObjectError(attrs.apiGroup, attrs.resource, attrs.name ?? '', err);
}

/**
 * apimachinery's NewForbidden, which every 403 goes through (the escalation checks
 * too): `<resource>[.<group>] ["<name>"] is forbidden: <err>`, or `forbidden: <err>`
 * when there is no resource.
 */
export function forbiddenObjectError(group: string, resource: string, name: string, err: string): StatusError {
  const groupResource = group ? `${resource}.${group}` : resource;
  let message: string;
  if (!group && !resource) message = `forbidden: ${err}`;
  else if (!name) message = `${groupResource} is forbidden: ${err}`;
  else message = `${groupResource} ${quote(name)} is forbidden: ${err}`;
  const details: StatusDetails = {};
  if (name) details.name = name;
  if (group) details.group = group;
  if (resource) details.kind = resource;
  return new StatusError(403, 'Forbidden', message, details);
}

function denialSentence(user: UserInfo, attrs: RequestAttributes): string {
  const who = `User ${quote(user.name)} cannot ${attrs.verb}`;
  if (!isResourceRequest(attrs)) return `${who} path ${quote(attrs.path)}`;
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const scope = attrs.namespace ? `in the namespace ${quote(attrs.namespace)}` : 'at the cluster scope';
  return `${who} resource ${quote(resource)} in API group ${quote(attrs.apiGroup)} ${scope}`;
}

/** kube-apiserver escapes what could read as HTML in the part it words itself. */
function sanitize(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
