import fc from 'fast-check';
import { parse as parseQuery } from 'querystring';
import type { FuzzRequest, FuzzTargets } from './fuzz-request';
import { HOSTILE_NAMES, HOSTILE_QUERY_VALUES, HOSTILE_SELECTORS, hostileString } from './hostile-values';

// Where REST requests go: the kinds' collections, hostile paths under every method, and query strings.

/** Where each kind's objects live; `ns` is filled in. */
const COLLECTIONS: Record<string, string> = {
  configmaps: '/api/v1/namespaces/{ns}/configmaps',
  secrets: '/api/v1/namespaces/{ns}/secrets',
  deployments: '/apis/apps/v1/namespaces/{ns}/deployments',
  services: '/api/v1/namespaces/{ns}/services',
  pods: '/api/v1/namespaces/{ns}/pods',
  namespaces: '/api/v1/namespaces',
  horizontalpodautoscalers: '/apis/autoscaling/v2/namespaces/{ns}/horizontalpodautoscalers',
  deployhooks: '/apis/skiff.io/v1alpha1/namespaces/{ns}/deployhooks',
  roles: '/apis/rbac.authorization.k8s.io/v1/namespaces/{ns}/roles',
};

export const collection = (kind: string, ns: string) => COLLECTIONS[kind].replace('{ns}', ns);

/** A path segment: as it is (the URL parser resolves `..`), percent-encoded, or encoded twice. */
export function segment(s: string, how: number): string {
  try {
    if (how === 1) return encodeURIComponent(s);
    if (how === 2) return encodeURIComponent(encodeURIComponent(s));
  } catch {
    /* a lone surrogate cannot be encoded: send it as it is */
  }
  return s;
}

const isDotSegment = (s: string) => /^(\.|%2e){1,2}$/i.test(s) || s.includes('..') || /%2e%2e/i.test(s);

export const rest = (r: Omit<FuzzRequest, 'surface' | 'kubeStatus'> & { kubeStatus?: boolean }): FuzzRequest => ({
  surface: 'rest',
  // Node itself answers a HEAD without a body, and a request line over 16 KiB with a bare 431.
  kubeStatus: r.method !== 'HEAD' && r.path.length < 12_000,
  ...r,
  path: r.method === 'GET' ? boundWatch(r.path) : r.path,
});

const GROUPS = ['nope', 'apps', 'apps.', 'APPS', '..', '%2e%2e', 'a/b', 'skiff.io', 'metrics.k8s.io', 'authorization.k8s.io', 'rbac.authorization.k8s.io', '', '😀'];
const VERSIONS = ['v1', 'v99', 'v1alpha1', 'v1beta1', '', '..', 'V1', '1'];
const RESOURCES = ['deployments', 'widgets', 'DEPLOYMENTS', 'deployments.apps', 'pods', 'nodes', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews', '', '..', '*', '%00'];
const SUBRESOURCES = ['', 'status', 'scale', 'log', 'exec', 'attach', 'portforward', 'proxy', 'proxy/a/b', 'binding', 'eviction', 'finalize', 'ephemeralcontainers', 'nope', 'status/x/y'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Paths with hostile names and namespaces, unknown groups, versions, kinds and subresources, under every method. */
export function paths(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const hostilePath = fc
    .record({ kind: fc.constantFrom('configmaps', 'deployments', 'pods', 'secrets'), ns: fc.oneof(fc.constant(t.namespace), fc.constantFrom(...HOSTILE_NAMES)), name: hostileString(), how: fc.nat({ max: 2 }) })
    // Hostile names never name a target, so these may be deleted, unless the URL parser resolves a `..` in them.
    .map(({ kind, ns, name, how }) => ({ path: `${collection(kind, segment(ns, how))}/${segment(name, how)}`, deletable: !isDotSegment(ns) && !isDotSegment(name) }));
  const unknownPath = fc
    .record({ g: fc.constantFrom(...GROUPS), v: fc.constantFrom(...VERSIONS), r: fc.constantFrom(...RESOURCES), ns: fc.boolean(), name: fc.option(fc.constantFrom('x', t.configMap, t.pod)), sub: fc.constantFrom(...SUBRESOURCES) })
    .map(({ g, v, r, ns, name, sub }) => {
      const base = g === '' ? `/api/${v}` : `/apis/${g}/${v}`;
      const path = `${base}${ns ? `/namespaces/${t.namespace}` : ''}/${r}${name !== null ? `/${name}${sub ? `/${sub}` : ''}` : ''}`;
      return { path, deletable: ns && !isDotSegment(path) };
    });
  const oddPath = fc
    .constantFrom(
      '/api',
      '/apis',
      '/apis/apps',
      '/apis/apps/v1',
      '//api//v1//namespaces',
      '/api/v1/',
      '/api/v1/namespaces/default/configmaps/',
      '/api/v1/watch/namespaces/default/configmaps',
      '/api/v1/watch/namespaces/default/configmaps/x/y',
      '/api/v1/namespaces/default/configmaps/a/b/c/d/e',
      '/api/v1/nodes/x/proxy/metrics',
      '/openapi/v2',
      '/openapi/v3/apis/apps/v1',
      '/openapi/v3/nope',
      '/openapi/v3/apis/%2e%2e/%2e%2e',
      '/version/x',
      '/healthz/x',
      '/api/v1/namespaces/default/pods/x/log',
      `/api/v1/namespaces/default/configmaps/${'x'.repeat(8000)}`,
      '/api/v1/namespaces/%F0%9F%98%80/configmaps',
      '/api/v1/namespaces/%ZZ/configmaps',
      '/api/v1/namespaces/%/configmaps',
      '/api/v1/namespaces/a%00b/configmaps',
    )
    .map((path) => ({ path, deletable: false }));
  return fc
    .record({ p: fc.oneof({ weight: 3, arbitrary: hostilePath }, { weight: 2, arbitrary: unknownPath }, oddPath), method: fc.constantFrom(...METHODS), body: fc.option(fc.constantFrom('{}', '{"metadata":{"name":"fuzz-b"}}', 'null')) })
    // A DELETE of a collection empties it: only where the targets are not.
    .map(({ p, method, body }) => (method === 'DELETE' && !p.deletable ? { p, method: 'GET', body } : { p, method, body }))
    .map(({ p, method, body }) =>
      rest({ label: `${method} on a hostile path`, method, path: p.path, ...(body !== null && method !== 'GET' && method !== 'HEAD' ? { raw: body, contentType: method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {}) }),
    );
}

const PARAMS = ['limit', 'continue', 'resourceVersion', 'resourceVersionMatch', 'watch', 'timeoutSeconds', 'labelSelector', 'fieldSelector', 'allowWatchBookmarks', 'sendInitialEvents', 'includeObject', 'pretty', 'dryRun', 'fieldValidation', 'propagationPolicy', 'gracePeriodSeconds', 'orphanDependents', 'fieldManager', 'force'];

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const CONTINUES = ['garbage', '', b64('{"rv":9999999,"ns":"","name":""}'), '%%%', b64('{}'), b64('{"rv":-1,"ns":"","name":""}'), b64('{"rv":1e308,"ns":"","name":""}'), b64('{"rv":1.5,"ns":"","name":""}'), b64('{"rv":"1","ns":"","name":""}'), b64('{"rv":99999999999999999999,"ns":"a","name":"b"}'), b64(`{"rv":1,"ns":"' OR 1=1 --","name":"\\u0000"}`), b64('null'), b64('[1]'), b64('{"rv":1,"ns":null,"name":1}')];
const VALUES = [...HOSTILE_QUERY_VALUES, 'All', 'Strict', 'Exact', 'NotOlderThan', 'Orphan', 'Foreground', '0', '1', '5', '9999999'];

const encodeValue = (v: string) => segment(v, 1);

/** Lists, gets, watches and deletes with parameters no server should take. */
export function queries(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const param = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PARAMS), fc.constantFrom(...VALUES)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('labelSelector', 'fieldSelector'), fc.constantFrom(...HOSTILE_SELECTORS)) },
    fc.tuple(fc.constant('continue'), fc.constantFrom(...CONTINUES)),
    fc.tuple(fc.constantFrom('limit', 'resourceVersion'), fc.constantFrom('1', '2', '1')),
    fc.tuple(hostileString(), hostileString()),
  );
  return fc
    .record({
      params: fc.array(param, { minLength: 1, maxLength: 5 }),
      target: fc.constantFrom(
        `${collection('configmaps', 'default')}`,
        `${collection('configmaps', 'default')}/${t.configMap}`,
        `${collection('configmaps', t.namespace)}`,
        `${collection('pods', 'default')}/${t.pod}/log`,
        '/api/v1/configmaps',
        '/apis/apps/v1/deployments',
        `/skiff/v1/history${collection('configmaps', 'default')}/${t.configMap}`,
        `/skiff/v1/history${collection('configmaps', 'default')}/${t.configMap}/revisions`,
        `/skiff/v1/history${collection('configmaps', 'default')}/${t.configMap}/diff`,
      ),
      logParams: fc.array(fc.tuple(fc.constantFrom('container', 'tailLines', 'limitBytes', 'sinceSeconds', 'sinceTime', 'previous', 'timestamps', 'follow', 'revision', 'time', 'from', 'to', 'noise'), fc.constantFrom(...VALUES, '../../x', '2020-13-45T99:99:99Z')), { maxLength: 3 }),
      method: fc.constantFrom('GET', 'GET', 'GET', 'DELETE'),
    })
    .map(({ params, target, logParams, method }) => {
      // DELETE on a collection deletes it: only in the scratch namespace.
      const m = method === 'DELETE' && !target.includes(`/namespaces/${t.namespace}/`) ? 'GET' : method;
      const query = [...params, ...logParams].map(([k, v]) => `${encodeValue(k)}=${encodeValue(v)}`).join('&');
      return rest({ label: `${m} with bogus parameters`, method: m, path: `${target}?${query}` });
    });
}

/**
 * A watch that the server would accept stays open for its timeout (half an hour by default):
 * give it one second. Invalid timeouts are kept, and so are ones the timer cannot hold.
 */
export function boundWatch(path: string): string {
  const [, query = ''] = path.split('?');
  const q = parseQuery(query);
  const last = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);
  const watch = last(q.watch);
  const isWatch = path.includes('/watch/') || ['1', 't', 'T', 'true', 'True', 'TRUE'].includes(watch ?? '');
  const timeout = last(q.timeoutSeconds);
  const lasts = timeout === undefined || timeout === '' || (/^\d+$/.test(timeout) && Number(timeout) > 1 && Number(timeout) * 1000 < 2 ** 31);
  return isWatch && lasts ? `${path}${path.includes('?') ? '&' : '?'}timeoutSeconds=1` : path;
}
