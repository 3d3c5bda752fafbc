import fc from 'fast-check';
import { signBody } from '../../../src/webhooks/signature';
import type { FuzzRequest, FuzzTargets } from './fuzz-request';
import { HOSTILE_NUMBERS, hostileString, nestedJson } from './hostile-values';

/** Deliveries need no token (the signature is the authentication): they are sent without one. */
const hook = (label: string, path: string, raw: string | Buffer, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
  surface: 'webhooks',
  label,
  method: 'POST',
  path,
  raw,
  contentType: 'application/json',
  token: null,
  kubeStatus: true,
  ...extra,
});

/** Paths under /hooks/ that name no hook, or name one in a form it is not served under. */
function unknownHooks(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const uid = t.hookPath.split('/').pop()!;
  const path = fc.oneof(
    fc.uuid().map((u) => `/hooks/${u}`),
    fc.constantFrom('/hooks/', '/hooks/not-a-uid', `/hooks/${'a'.repeat(5000)}`, '/hooks/%00', '/hooks/..%2F..%2Fapi%2Fv1', `/hooks/${uid.toUpperCase()}`, `/hooks/${uid}/extra`, `/hooks/${uid}%00`, `/hooks/${uid}x`, `/hooks/' OR 1=1 --`),
    hostileString().map((s) => `/hooks/${encodeURIComponentSafe(s)}`),
  );
  return fc.record({ path, body: fc.constantFrom('{"image":"web:2.0"}', '{', '') }).map(({ path: p, body }) => hook('a delivery to no hook', p, body));
}

function encodeURIComponentSafe(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The real hook, with signatures that are missing, malformed, or made with the wrong key or over other bytes. */
function badSignatures(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const body = '{"image":"web:2.0","id":"fuzz"}';
  const header = fc.oneof(
    fc.constantFrom('', 'sha256=', 'sha1=0123', `sha256=${'z'.repeat(64)}`, `sha256=${'0'.repeat(63)}`, `sha256=${'0'.repeat(65)}`, `SHA256=${'0'.repeat(64)}`, `sha256=${'0'.repeat(10_000)}`, 'sha256 = x'),
    fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
    fc.constant(signBody(Buffer.from(body), Buffer.from('not-the-token'))),
    fc.constant(signBody(Buffer.from(`${body} `), Buffer.from(t.hookToken))),
    fc.constant(signBody(Buffer.from(body), Buffer.alloc(0))),
  );
  return header.map((h) => hook('a badly signed delivery', t.hookPath, body, { headers: { 'x-hub-signature-256': h } }));
}

/** Payloads of each sender's shape, with hostile values where images, tags and ids go. */
const payload = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.record({ image: hostileString(), id: hostileString() }).map((p) => JSON.stringify(p)),
    fc.record({ image: fc.constantFrom('web:2.0', 'web:', ':x', 'web@sha256:zz', 'evil.io/web:1', `web:${'1'.repeat(300)}`), id: fc.constantFrom('a', '', 'x'.repeat(300), '../..') }).map((p) => JSON.stringify(p)),
    fc.record({ tag: hostileString(), repo: hostileString() }).map(({ tag, repo }) => JSON.stringify({ push_data: { tag }, repository: { repo_name: repo } })),
    fc.record({ tag: hostileString() }).map(({ tag }) => JSON.stringify({ action: 'published', package: { package_version: { container_metadata: { tag: { name: tag } } } } })),
    fc.constantFrom(...HOSTILE_NUMBERS).map((n) => `{"image":${n},"id":${n}}`),
    fc.constantFrom('{', '', 'null', '[]', '"x"', '{"image":"web:2.0"}garbage', '\uFEFF{"image":"web:2.0"}', nestedJson(10_000), `{"image":"web:2.0","x":${nestedJson(10_000, true)}}`, '{"__proto__":{"polluted":true},"image":"web:2.0"}'),
  );

/** Signed with the hook's own token: past the signature check, into the payload readers. */
function signedPayloads(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      body: payload(),
      event: fc.option(fc.constantFrom('push', 'package', 'registry_package', 'ping', 'x'.repeat(500), '')),
      delivery: fc.option(hostileString().map((s) => s.replace(/[^\x20-\x7e]/g, ''))),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', '', 'application/json; charset=utf-16'),
    })
    .map(({ body, event, delivery, contentType }) => {
      const headers: Record<string, string> = { 'x-hub-signature-256': signBody(Buffer.from(body), Buffer.from(t.hookToken)) };
      if (event !== null) headers['x-github-event'] = event;
      if (delivery !== null) headers['x-github-delivery'] = delivery;
      // A signed delivery is answered with the delivery's record, not a Status.
      return hook('a signed hostile payload', t.hookPath, body, { headers, contentType, kubeStatus: false });
    });
}

/** Other methods on the hook's path: none is served without a token. */
function wrongMethods(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS').map((method) => hook(`${method} on a hook`, t.hookPath, '{}', { method, ...(method === 'GET' ? { raw: undefined } : {}) }));
}

/** The webhook surface: POST /hooks/<uid>. */
export function webhookRequests(t: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 2, arbitrary: unknownHooks(t) }, { weight: 2, arbitrary: badSignatures(t) }, { weight: 4, arbitrary: signedPayloads(t) }, { weight: 1, arbitrary: wrongMethods(t) });
}

/** Deliveries over the 256 KiB limit, signed and not. */
export function oversizedDeliveries(t: FuzzTargets, maxBytes: number): FuzzRequest[] {
  const huge = JSON.stringify({ image: 'web:2.0', pad: 'a'.repeat(maxBytes) });
  return [
    hook('an unsigned delivery over the limit', t.hookPath, huge),
    hook('a signed delivery over the limit', t.hookPath, huge, { headers: { 'x-hub-signature-256': signBody(Buffer.from(huge), Buffer.from(t.hookToken)) } }),
  ];
}
