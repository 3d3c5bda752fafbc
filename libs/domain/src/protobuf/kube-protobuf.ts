import { Reader } from 'protobufjs/minimal';
import { Errors } from '../errors/status-error';

/**
 * Decodes Kubernetes' protobuf request bodies (`application/vnd.kubernetes.protobuf`):
 * the `k8s\0` envelope around a runtime.Unknown, whose `raw` is the object. kubectl's
 * typed clients (`kubectl create namespace|configmap|secret`) send these. Only the
 * kinds listed in MESSAGES are understood; others get 415 so the client sends JSON.
 */

type Field =
  | [name: string, kind: 'string' | 'bytes' | 'bool' | 'int64' | 'int32' | 'time']
  | [name: string, kind: 'message', message: string]
  | [name: string, kind: 'repeated-string']
  | [name: string, kind: 'repeated-message', message: string]
  | [name: string, kind: 'map-string' | 'map-bytes'];

/** Field numbers as in the generated.proto files of k8s.io/api and apimachinery. */
const MESSAGES: Record<string, Record<number, Field>> = {
  TypeMeta: { 1: ['apiVersion', 'string'], 2: ['kind', 'string'] },
  Unknown: { 1: ['typeMeta', 'message', 'TypeMeta'], 2: ['raw', 'bytes'], 3: ['contentEncoding', 'string'], 4: ['contentType', 'string'] },
  ObjectMeta: {
    1: ['name', 'string'],
    2: ['generateName', 'string'],
    3: ['namespace', 'string'],
    5: ['uid', 'string'],
    6: ['resourceVersion', 'string'],
    7: ['generation', 'int64'],
    8: ['creationTimestamp', 'time'],
    9: ['deletionTimestamp', 'time'],
    10: ['deletionGracePeriodSeconds', 'int64'],
    11: ['labels', 'map-string'],
    12: ['annotations', 'map-string'],
    13: ['ownerReferences', 'repeated-message', 'OwnerReference'],
    14: ['finalizers', 'repeated-string'],
  },
  OwnerReference: {
    1: ['kind', 'string'],
    3: ['name', 'string'],
    4: ['uid', 'string'],
    5: ['apiVersion', 'string'],
    6: ['controller', 'bool'],
    7: ['blockOwnerDeletion', 'bool'],
  },
  Namespace: { 1: ['metadata', 'message', 'ObjectMeta'], 2: ['spec', 'message', 'NamespaceSpec'], 3: ['status', 'message', 'NamespaceStatus'] },
  NamespaceSpec: { 1: ['finalizers', 'repeated-string'] },
  NamespaceStatus: { 1: ['phase', 'string'] },
  ConfigMap: { 1: ['metadata', 'message', 'ObjectMeta'], 2: ['data', 'map-string'], 3: ['binaryData', 'map-bytes'], 4: ['immutable', 'bool'] },
  Secret: { 1: ['metadata', 'message', 'ObjectMeta'], 2: ['data', 'map-bytes'], 3: ['type', 'string'], 4: ['stringData', 'map-string'], 5: ['immutable', 'bool'] },
};

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Json = Record<string, unknown>;

function readMessage(buf: Uint8Array, message: string): Json {
  const fields = MESSAGES[message];
  const r = Reader.create(buf);
  const out: Json = {};
  while (r.pos < r.len) {
    const tag = r.uint32();
    const num = tag >>> 3;
    const field = fields[num];
    if (!field) {
      r.skipType(tag & 7);
      continue;
    }
    const [name, kind] = field;
    switch (kind) {
      case 'string':
        out[name] = r.string();
        break;
      case 'bytes':
        out[name] = Buffer.from(r.bytes());
        break;
      case 'bool':
        out[name] = r.bool();
        break;
      case 'int64':
        out[name] = Number(r.int64());
        break;
      case 'int32':
        out[name] = r.int32();
        break;
      case 'time': {
        const t = readTime(r.bytes());
        out[name] = new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        break;
      }
      case 'message':
        out[name] = readMessage(r.bytes(), field[2] as string);
        break;
      case 'repeated-string':
        ((out[name] ??= []) as string[]).push(r.string());
        break;
      case 'repeated-message':
        ((out[name] ??= []) as Json[]).push(readMessage(r.bytes(), field[2] as string));
        break;
      case 'map-string':
      case 'map-bytes': {
        const entry = Reader.create(r.bytes());
        let key = '';
        let value = '';
        while (entry.pos < entry.len) {
          const t = entry.uint32();
          if (t >>> 3 === 1) key = entry.string();
          else if (t >>> 3 === 2) value = kind === 'map-string' ? entry.string() : Buffer.from(entry.bytes()).toString('base64');
          else entry.skipType(t & 7);
        }
        ((out[name] ??= {}) as Record<string, string>)[key] = value;
        break;
      }
    }
  }
  return out;
}

function readTime(buf: Uint8Array): number {
  const r = Reader.create(buf);
  let seconds = 0;
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) seconds = Number(r.int64());
    else r.skipType(tag & 7);
  }
  return seconds;
}

/** The kinds whose protobuf bodies Skiff reads. */
export const PROTOBUF_KINDS = ['Namespace', 'ConfigMap', 'Secret'];

export function decodeKubeProtobuf(body: Buffer): Json {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw Errors.badRequest('protobuf body does not start with the k8s envelope');
  let unknown: Json;
  try {
    unknown = readMessage(body.subarray(4), 'Unknown');
  } catch (e) {
    throw Errors.badRequest(`unable to decode protobuf body: ${(e as Error).message}`);
  }
  const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const kind = typeMeta.kind ?? '';
  if (!PROTOBUF_KINDS.includes(kind)) {
    throw Errors.unsupportedMediaType(['application/json', 'application/yaml', `application/vnd.kubernetes.protobuf (${PROTOBUF_KINDS.join(', ')})`]);
  }
  try {
    const obj = readMessage((unknown.raw as Buffer) ?? Buffer.alloc(0), kind);
    return { apiVersion: typeMeta.apiVersion, kind, ...obj };
  } catch (e) {
    throw Errors.badRequest(`unable to decode ${kind} from protobuf: ${(e as Error).message}`);
  }
}
