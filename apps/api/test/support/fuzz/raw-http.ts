import * as net from 'net';
import * as tls from 'tls';
import type { TestApi } from '../test-server';
import type { FuzzTargets } from './fuzz-request';

/** One exchange on its own TLS connection: bytes undici would never send, or sends too fast. */
export interface RawCase {
  label: string;
  /** Written in order; a number is a pause of that many milliseconds. */
  parts: (string | Buffer | number)[];
  /** Close the connection once written, without waiting for an answer (a client that gives up). */
  hangUp?: boolean;
  /** Plain TCP to the TLS port. */
  plain?: boolean;
  /** Well-formed HTTP to the Kubernetes API: a 4xx answer must be a Status. */
  kubeStatus: boolean;
}

export interface RawAnswer {
  /** The status of every response on the connection (pipelined requests get several). */
  statuses: number[];
  /** The first response's body. */
  body: string;
  timedOut: boolean;
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a case and reads until the server closes the connection (every case asks it to), or `timeoutMs`. */
export function rawExchange(api: TestApi, c: RawCase, timeoutMs = 15_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const socket: net.Socket = c.plain ? net.connect({ host: hostname, port: Number(port) }, () => void write()) : tls.connect({ host: hostname, port: Number(port), ca: api.server.pki.caCert }, () => void write());
    const finish = (extra: { timedOut: boolean; error?: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const statuses = [...text.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((m) => Number(m[1]));
      resolve({ statuses, body: firstBody(text), ...extra });
    };
    const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
    async function write(): Promise<void> {
      for (const p of c.parts) {
        if (done || socket.destroyed || !socket.writable) return;
        if (typeof p === 'number') await sleep(p);
        else socket.write(p);
      }
      if (c.hangUp) finish({ timedOut: false });
    }
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('end', () => finish({ timedOut: false }));
    socket.on('close', () => finish({ timedOut: false }));
    // A reset after the server answered (it may stop reading an oversized body) is not a failure of the server.
    socket.on('error', (e) => finish({ timedOut: false, error: e.message }));
  });
}

/** The first response's body, de-chunked when it is chunked. */
function firstBody(text: string): string {
  const split = text.indexOf('\r\n\r\n');
  if (split < 0) return '';
  const head = text.slice(0, split);
  let rest = text.slice(split + 4);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return Buffer.from(rest, 'latin1').subarray(0, Number(length[1])).toString('utf8');
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return Buffer.from(rest, 'latin1').toString('utf8');
  let out = '';
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, eol), 16);
    if (eol < 0 || !size) break;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
  return Buffer.from(out, 'latin1').toString('utf8');
}

/** A request's head; `Connection: close` so the server ends the exchange. */
function head(method: string, path: string, headers: Record<string, string | number>, token?: string): string {
  const all: Record<string, string | number> = { host: 'localhost', connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers };
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
}

/** `text` one slice at a time with a pause after each: `pieces` slices over about `totalMs`. */
function trickle(text: string, pieces: number, totalMs: number): (string | number)[] {
  const size = Math.ceil(text.length / pieces);
  const out: (string | number)[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size), Math.round(totalMs / pieces));
  return out;
}

/** Requests that dribble in: bodies and heads sent slowly, some never finished. Each takes two to three seconds. */
export function slowCases(api: TestApi, t: FuzzTargets): RawCase[] {
  const cms = `/api/v1/namespaces/${t.namespace}/configmaps`;
  const body = JSON.stringify({ metadata: { name: 'fuzz-slow' }, data: { a: 'b'.repeat(60) } });
  const json = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  const gqlBody = JSON.stringify({ query: '{ me { name } }' });
  const hookBody = '{"image":"web:2.0"}';
  return [
    { label: 'a body trickled byte by byte', parts: [head('POST', cms, json, api.token), ...trickle(body, 40, 2500)], kubeStatus: true },
    { label: 'a body trickled, then abandoned', parts: [head('POST', cms, json, api.token), ...trickle(body.slice(0, 40), 20, 1500)], hangUp: true, kubeStatus: false },
    { label: 'a head trickled byte by byte', parts: trickle(head('GET', `${cms}/${t.configMap}`, {}, api.token), 30, 2500), kubeStatus: true },
    { label: 'a head trickled, then abandoned', parts: trickle(head('GET', cms, {}, api.token).slice(0, 60), 20, 1500), hangUp: true, kubeStatus: false },
    { label: 'a Content-Length longer than the body, then abandoned', parts: [head('POST', cms, { ...json, 'content-length': 1_000_000 }, api.token), body, 1500], hangUp: true, kubeStatus: false },
    { label: 'a GraphQL body trickled', parts: [head('POST', '/graphql', { 'content-type': 'application/json', 'content-length': gqlBody.length }, api.token), ...trickle(gqlBody, 20, 2000)], kubeStatus: false },
    { label: 'a delivery trickled', parts: [head('POST', t.hookPath, { 'content-type': 'application/json', 'content-length': hookBody.length }), ...trickle(hookBody, 15, 2000)], kubeStatus: true },
    {
      label: 'an oversized body in slow chunks',
      parts: [head('POST', cms, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, api.token), ...Array.from({ length: 52 }, () => [`10000\r\n${'a'.repeat(0x10000)}\r\n`, 20]).flat(), '0\r\n\r\n'],
      kubeStatus: true,
    },
  ];
}

/** HTTP that is broken in ways a client library would refuse to produce. */
export function malformedCases(api: TestApi, t: FuzzTargets): RawCase[] {
  const cms = `/api/v1/namespaces/${t.namespace}/configmaps`;
  const auth = `authorization: Bearer ${api.token}\r\n`;
  const raw = (label: string, text: string | Buffer, kubeStatus = false): RawCase => ({ label, parts: [text], kubeStatus });
  const get = (label: string, path: string, method = 'GET') => raw(label, head(method, path, {}, api.token), true);
  const created = JSON.stringify({ metadata: { name: 'fuzz-b' } });
  return [
    raw('garbage for a request line', 'GARBAGE\r\n\r\n'),
    raw('an unknown HTTP version', `GET /api HTTP/9.9\r\nhost: x\r\n${auth}connection: close\r\n\r\n`),
    raw('a lower-case method', `get /api HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`),
    raw('an unknown method', `FOO ${cms} HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`),
    raw('a bare CR in a header', `GET /api HTTP/1.1\r\nhost: x\r\nx-test: a\rb\r\n${auth}connection: close\r\n\r\n`),
    raw('a NUL in a header', `GET /api HTTP/1.1\r\nhost: x\r\nx-test: a\u0000b\r\n${auth}connection: close\r\n\r\n`),
    raw('a header without a colon', `GET /api HTTP/1.1\r\nhost: x\r\nnocolon\r\n${auth}connection: close\r\n\r\n`),
    raw('a header name with a space', `GET /api HTTP/1.1\r\nhost: x\r\nbad name: v\r\n${auth}connection: close\r\n\r\n`),
    raw('an obsolete folded header', `GET /api HTTP/1.1\r\nhost: x\r\nx-test: a\r\n folded\r\n${auth}connection: close\r\n\r\n`),
    raw('no Host header', `GET ${cms} HTTP/1.1\r\n${auth}connection: close\r\n\r\n`),
    raw('HTTP/1.0 without Host', `GET ${cms} HTTP/1.0\r\n${auth}\r\n`),
    raw('two different Content-Lengths', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ncontent-length: 5\r\ncontent-length: 6\r\nconnection: close\r\n\r\n{"a":1}`),
    raw('Content-Length and chunked together', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ncontent-length: 4\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n0\r\n\r\nGET /x HTTP/1.1\r\n\r\n`),
    raw('a chunk size that is not hex', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n`),
    // Node reads a chunk of 2^64-1 bytes as announced: a client that then stops is a slow one, so hang up.
    { label: 'a chunk size of 2^64, then nothing', parts: [`POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\nffffffffffffffff\r\nabc\r\n`, 1000], hangUp: true, kubeStatus: false },
    raw('a negative Content-Length', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ncontent-length: -1\r\nconnection: close\r\n\r\n{}`),
    raw('a Content-Length of 1e99', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ncontent-length: 1e99\r\nconnection: close\r\n\r\n{}`),
    raw('an unknown transfer coding', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ntransfer-encoding: gzip\r\nconnection: close\r\n\r\n{}`),
    raw('a gzip Content-Encoding over plain bytes', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`, true),
    raw('a header over 16 KiB', `GET /api HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n${auth}connection: close\r\n\r\n`),
    raw('five thousand headers', `GET /api HTTP/1.1\r\nhost: x\r\n${'a: b\r\n'.repeat(5000)}${auth}connection: close\r\n\r\n`),
    raw('an absolute-form target', `GET https://evil.example${cms} HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`),
    raw('an asterisk-form target', `OPTIONS * HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`),
    raw('a NUL in the path', `GET /api/v1/namespaces/\u0000/configmaps HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`),
    raw('raw UTF-8 in the path', Buffer.from(`GET /api/v1/namespaces/ü😀/configmaps HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`, 'utf8')),
    raw('a space in the path', `GET /api/v1/namespaces/a b/configmaps HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`),
    get('a literal .. in the path', '/api/v1/namespaces/../../etc/passwd'),
    get('a literal .. as a namespace', '/api/v1/namespaces/../configmaps'),
    get('%2e%2e as a namespace', '/api/v1/namespaces/%2e%2e/configmaps'),
    get('..%2F.. in a name', `/api/v1/namespaces/default/configmaps/..%2F..%2Fsecrets`),
    get('%2F in a name', `/api/v1/namespaces/default/configmaps/a%2Fb`),
    get('a literal .. as a name, deleted', `${cms}/..`, 'DELETE'),
    get('%2e%2e as a name, deleted', `${cms}/%2e%2e`, 'DELETE'),
    get('a literal . as a name, deleted', `${cms}/.`, 'DELETE'),
    get('a double slash before the name, deleted', `${cms}//`, 'DELETE'),
    get('a backslash path', '/api\\v1\\namespaces'),
    raw('a create with no Content-Type at all', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-length: ${created.length}\r\nconnection: close\r\n\r\n${created}`, true),
    raw('two pipelined requests', `GET /healthz HTTP/1.1\r\nhost: x\r\n\r\nGET ${cms} HTTP/1.1\r\nhost: x\r\n${auth}connection: close\r\n\r\n`),
    // Node answers 100 Continue and waits for the body: a client that sends none is a slow one, so hang up.
    {
      label: 'Expect: 100-continue for 10 MB, then nothing',
      parts: [`POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ncontent-length: 10000000\r\nexpect: 100-continue\r\nconnection: close\r\n\r\n`, 1000],
      hangUp: true,
      kubeStatus: false,
    },
    raw('an unknown Expect', `POST ${cms} HTTP/1.1\r\nhost: x\r\n${auth}content-type: application/json\r\ncontent-length: 2\r\nexpect: teapot\r\nconnection: close\r\n\r\n{}`),
    raw('a WebSocket upgrade with a bad key', `GET /graphql HTTP/1.1\r\nhost: x\r\n${auth}connection: Upgrade\r\nupgrade: websocket\r\nsec-websocket-version: 13\r\nsec-websocket-key: !!\r\nsec-websocket-protocol: graphql-transport-ws\r\n\r\n`),
    raw('an exec upgrade', `GET /api/v1/namespaces/default/pods/${t.pod}/exec?command=sh HTTP/1.1\r\nhost: x\r\n${auth}connection: Upgrade\r\nupgrade: SPDY/3.1\r\n\r\n`),
    raw('an h2c upgrade', `GET /api HTTP/1.1\r\nhost: x\r\n${auth}connection: Upgrade, HTTP2-Settings, close\r\nupgrade: h2c\r\nhttp2-settings: AAMAAABkAAQAAP__\r\n\r\n`),
    { label: 'plain HTTP to the TLS port', parts: ['GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'], plain: true, kubeStatus: false },
    { label: 'a TLS connection closed at once', parts: [], hangUp: true, kubeStatus: false },
  ];
}
