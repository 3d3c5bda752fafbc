import type { Dialect, Json } from './render-schema';

interface ParameterSpec {
  in: 'path' | 'query';
  type: 'string' | 'integer' | 'boolean';
  description: string;
}

/** Every path and query parameter the served operations take. */
const PARAMETERS = {
  name: { in: 'path', type: 'string', description: 'Name of the object.' },
  namespace: { in: 'path', type: 'string', description: 'Namespace of the object.' },
  pretty: { in: 'query', type: 'string', description: "If 'true', indent the response." },
  allowWatchBookmarks: { in: 'query', type: 'boolean', description: 'Ask a watch for BOOKMARK events carrying the latest resourceVersion.' },
  continue: { in: 'query', type: 'string', description: 'Token from a previous limited list, to get the next chunk.' },
  fieldSelector: { in: 'query', type: 'string', description: 'Restrict the result to objects whose fields match, e.g. `spec.nodeName=n1`.' },
  labelSelector: { in: 'query', type: 'string', description: 'Restrict the result to objects whose labels match, e.g. `app=web,tier!=db`.' },
  limit: { in: 'query', type: 'integer', description: 'Most objects to return; the list metadata then carries a continue token.' },
  resourceVersion: { in: 'query', type: 'string', description: 'Which version of the data to serve; for a watch, where to start from.' },
  resourceVersionMatch: { in: 'query', type: 'string', description: '`Exact` or `NotOlderThan`: how resourceVersion applies to a list.' },
  sendInitialEvents: { in: 'query', type: 'boolean', description: 'Start a watch with synthetic ADDED events for the current state.' },
  timeoutSeconds: { in: 'query', type: 'integer', description: 'Seconds after which a list or watch call ends.' },
  watch: { in: 'query', type: 'boolean', description: 'Stream changes instead of returning a list.' },
  dryRun: { in: 'query', type: 'string', description: '`All` to run every stage of the request without persisting anything.' },
  fieldManager: { in: 'query', type: 'string', description: 'Name of the actor making the change, recorded in managedFields. Required for apply patches.' },
  fieldValidation: {
    in: 'query',
    type: 'string',
    description: 'What to do with unknown or duplicate fields in the body: `Ignore` them, `Warn` in a response header (default) or fail as `Strict`.',
  },
  force: { in: 'query', type: 'boolean', description: 'Take over fields owned by other managers on an apply patch.' },
  gracePeriodSeconds: { in: 'query', type: 'integer', description: 'Seconds the object gets to terminate; 0 means at once.' },
  ignoreStoreReadErrorWithClusterBreakingPotential: { in: 'query', type: 'boolean', description: 'Delete even objects that cannot be read. Dangerous.' },
  orphanDependents: { in: 'query', type: 'boolean', description: 'Deprecated: use propagationPolicy.' },
  propagationPolicy: { in: 'query', type: 'string', description: '`Orphan`, `Background` or `Foreground`: what happens to dependents.' },
  container: { in: 'query', type: 'string', description: 'Container to read the logs of; needed when the pod has several.' },
  follow: { in: 'query', type: 'boolean', description: 'Keep streaming new log lines.' },
  insecureSkipTLSVerifyBackend: { in: 'query', type: 'boolean', description: 'Do not verify the kubelet serving certificate.' },
  limitBytes: { in: 'query', type: 'integer', description: 'Stop after this many bytes of log.' },
  previous: { in: 'query', type: 'boolean', description: 'Logs of the previous, terminated run of the container.' },
  sinceSeconds: { in: 'query', type: 'integer', description: 'Only logs newer than this many seconds.' },
  stream: { in: 'query', type: 'string', description: '`All`, `Stdout` or `Stderr`.' },
  tailLines: { in: 'query', type: 'integer', description: 'Only this many lines from the end of the log.' },
  timestamps: { in: 'query', type: 'boolean', description: 'Prefix every line with its RFC 3339 timestamp.' },
} satisfies Record<string, ParameterSpec>;

export type ParameterName = keyof typeof PARAMETERS;

export const LIST_PARAMETERS: ParameterName[] = [
  'allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion', 'resourceVersionMatch',
  'sendInitialEvents', 'timeoutSeconds', 'watch',
];
export const WRITE_PARAMETERS: ParameterName[] = ['dryRun', 'fieldManager', 'fieldValidation'];
export const PATCH_PARAMETERS: ParameterName[] = [...WRITE_PARAMETERS, 'force'];
export const DELETE_PARAMETERS: ParameterName[] = [
  'dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy',
];
export const DELETE_COLLECTION_PARAMETERS: ParameterName[] = [
  'continue', 'dryRun', 'fieldSelector', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'labelSelector',
  'limit', 'orphanDependents', 'propagationPolicy', 'resourceVersion', 'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds',
];
export const LOG_PARAMETERS: ParameterName[] = [
  'container', 'follow', 'insecureSkipTLSVerifyBackend', 'limitBytes', 'previous', 'sinceSeconds', 'stream', 'tailLines', 'timestamps',
];

/** A parameter object, inline as the real server writes them. */
export function renderParameter(name: ParameterName, dialect: Dialect): Json {
  const p: ParameterSpec = PARAMETERS[name];
  const required = p.in === 'path' ? { required: true } : {};
  if (dialect === 'v2') return { name, in: p.in, description: p.description, type: p.type, uniqueItems: true, ...required };
  return { name, in: p.in, description: p.description, ...required, schema: { type: p.type, uniqueItems: true } };
}
