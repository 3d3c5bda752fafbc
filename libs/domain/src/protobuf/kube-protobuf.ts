import { Reader } from 'protobufjs/minimal';
import { Errors } from '../errors/status-error';
import { PROTO_MESSAGES, type ProtoField } from './proto-messages';

/**
 * Decodes Kubernetes' protobuf request bodies (`application/vnd.kubernetes.protobuf`):
 * the `k8s\0` envelope around a runtime.Unknown whose `raw` is the object. kubectl's
 * typed clients send these (`kubectl create namespace|configmap|secret|deployment|service`,
 * and `role|clusterrole|rolebinding|clusterrolebinding`).
 * Decoding is strict: a field this table does not know is refused with 415 rather than
 * dropped, so nothing a client sent is silently lost; the client can send JSON instead.
 */

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Json = Record<string, unknown>;

class UnknownField extends Error {}

function readValue(r: Reader, field: ProtoField): unknown {
  switch (field.type) {
    case 'string':
      return r.string();
    case 'bytes':
      return Buffer.from(r.bytes()).toString('base64');
    case 'bool':
      return r.bool();
    case 'int32':
      return r.int32();
    case 'int64':
      return Number(r.int64());
    default:
      return readMessage(r.bytes(), field.type);
  }
}

function readMessage(buf: Uint8Array, message: string): unknown {
  const special = SPECIAL[message];
  if (special) return special(buf);
  const fields = PROTO_MESSAGES[message];
  if (!fields) throw new UnknownField(message);
  const r = Reader.create(buf);
  const out: Json = {};
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = fields[tag >>> 3];
    if (!field) {
      // Go's encoder sends every non-pointer field, set or not: an unknown one is fine while it is empty.
      if (!skipIfEmpty(r, tag & 7)) throw new UnknownField(`${message}.${tag >>> 3}`);
      continue;
    }
    if (field.map) {
      const entry = Reader.create(r.bytes());
      let key = '';
      let value: unknown = '';
      while (entry.pos < entry.len) {
        const t = entry.uint32();
        if (t >>> 3 === 1) key = entry.string();
        else if (t >>> 3 === 2) value = readValue(entry, field);
        else entry.skipType(t & 7);
      }
      ((out[field.name] ??= {}) as Json)[key] = value;
    } else if (field.repeated) {
      ((out[field.name] ??= []) as unknown[]).push(readValue(r, field));
    } else {
      const v = readValue(r, field);
      if (field.nullable || !isZero(v)) out[field.name] = v;
      else delete out[field.name];
    }
  }
  return out;
}

/** Go's zero values, which JSON leaves out: '', 0, false, and a zero Time (null). */
function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false || v === null;
}

/** Skips a field whose value is empty (zero scalars, or a message of only such); false when it carries data. */
function skipIfEmpty(r: Reader, wireType: number): boolean {
  switch (wireType) {
    case 0:
      return Number(r.uint64()) === 0;
    case 1:
      return Number(r.fixed64()) === 0;
    case 5:
      return r.fixed32() === 0;
    case 2: {
      const bytes = r.bytes();
      return bytes.length === 0 || isEmptyMessage(bytes);
    }
    default:
      return false;
  }
}

function isEmptyMessage(bytes: Uint8Array): boolean {
  try {
    const r = Reader.create(bytes);
    while (r.pos < r.len) {
      const tag = r.uint32();
      if (tag >>> 3 === 0 || !skipIfEmpty(r, tag & 7)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Messages whose JSON form is not an object. */
const SPECIAL: Record<string, (buf: Uint8Array) => unknown> = {
  Time: (buf) => {
    const r = Reader.create(buf);
    let seconds = 0;
    while (r.pos < r.len) {
      const tag = r.uint32();
      if (tag >>> 3 === 1) seconds = Number(r.int64());
      else r.skipType(tag & 7);
    }
    return seconds === 0 ? null : new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  },
  Quantity: (buf) => {
    const r = Reader.create(buf);
    let s = '';
    while (r.pos < r.len) {
      const tag = r.uint32();
      if (tag >>> 3 === 1) s = r.string();
      else r.skipType(tag & 7);
    }
    return s;
  },
  IntOrString: (buf) => {
    const r = Reader.create(buf);
    let kind = 0;
    let int = 0;
    let str = '';
    while (r.pos < r.len) {
      const tag = r.uint32();
      if (tag >>> 3 === 1) kind = Number(r.int64());
      else if (tag >>> 3 === 2) int = r.int32();
      else if (tag >>> 3 === 3) str = r.string();
      else r.skipType(tag & 7);
    }
    return kind === 1 ? str : int;
  },
};

/** The kinds whose protobuf bodies Skiff reads. */
export const PROTOBUF_KINDS = ['Namespace', 'ConfigMap', 'Secret', 'Deployment', 'Service', 'Pod', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'];

const TRY_JSON = ['application/json', 'application/yaml', `application/vnd.kubernetes.protobuf (${PROTOBUF_KINDS.join(', ')})`];

export function decodeKubeProtobuf(body: Buffer): Json {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw Errors.badRequest('protobuf body does not start with the k8s envelope');
  let kind = '';
  try {
    const unknown = readMessage(body.subarray(4), 'Unknown') as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: string };
    kind = unknown.typeMeta?.kind ?? '';
    if (!PROTOBUF_KINDS.includes(kind)) throw Errors.unsupportedMediaType(TRY_JSON);
    const obj = readMessage(Buffer.from(unknown.raw ?? '', 'base64'), kind) as Json;
    return { apiVersion: unknown.typeMeta?.apiVersion, kind, ...obj };
  } catch (e) {
    if (e instanceof UnknownField) {
      throw Errors.unsupportedMediaType([...TRY_JSON, `(protobuf field ${e.message} is not read by Skiff)`]);
    }
    if (e instanceof Error && e.name === 'StatusError') throw e;
    throw Errors.badRequest(`unable to decode ${kind || 'object'} from protobuf: ${(e as Error).message}`);
  }
}
