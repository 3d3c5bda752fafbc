import { Errors, type KubeObject, type StatusError } from '@skiff/domain';
import { keyIdOf, UnsealError, type KeyRing } from './key-ring';

/** Where a stored body lives: its row's key, which sealing binds it to. */
export interface RowIdentity {
  /** Group-qualified resource: `secrets`, `deployments.apps`. */
  resource: string;
  namespace: string;
  name: string;
}

/** The field of a stored envelope that holds the sealed object. */
export const SEALED_FIELD = 'skiffSealed';

/** The resources whose stored bodies are encrypted (Kubernetes' EncryptionConfiguration `resources`). */
const SEALED_RESOURCES: ReadonlySet<string> = new Set(['secrets']);

/**
 * Turns objects into what `objects.body`, `changes.body`/`prev` and the change stream
 * hold, and back. A sealed resource is stored as an envelope: apiVersion, kind, name,
 * namespace and labels in the clear (the row's columns hold them anyway; the change
 * log's label filter reads them), and the whole object — data, annotations and all —
 * AES-256-GCM sealed, bound to its row by `<resource>/<namespace>/<name>` as
 * additional authenticated data. Every other resource passes through untouched.
 */
export class BodyCodec {
  constructor(readonly ring: KeyRing) {}

  seals(resource: string): boolean {
    return SEALED_RESOURCES.has(resource);
  }

  seal(row: RowIdentity, object: KubeObject): KubeObject {
    if (!this.seals(row.resource)) return object;
    const labels = object.metadata.labels;
    return {
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: {
        name: object.metadata.name,
        ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
        ...(labels && Object.keys(labels).length ? { labels } : {}),
      },
      [SEALED_FIELD]: this.ring.seal(Buffer.from(JSON.stringify(object)), additionalData(row)),
    };
  }

  /** The object a stored body holds; a StatusError (500) when it cannot be opened. */
  open(row: RowIdentity, body: KubeObject): KubeObject {
    if (!this.seals(row.resource)) return body;
    const sealed = body[SEALED_FIELD];
    // Written in plaintext before encryption was on: read as it is (each start seals such rows).
    if (sealed === undefined) return body;
    if (typeof sealed !== 'string') throw unreadable(row, `its ${SEALED_FIELD} field is not a string`);
    try {
      return JSON.parse(this.ring.open(sealed, additionalData(row)).toString('utf8')) as KubeObject;
    } catch (e) {
      throw unreadable(row, e instanceof UnsealError ? e.message : 'the opened value is not JSON');
    }
  }

  /** The id of the key a stored body is sealed with; undefined for a plaintext body. */
  keyOf(body: KubeObject): string | undefined {
    const sealed = body[SEALED_FIELD];
    return typeof sealed === 'string' ? keyIdOf(sealed) : undefined;
  }
}

function additionalData(row: RowIdentity): Buffer {
  return Buffer.from(`skiff/${row.resource}/${row.namespace}/${row.name}`, 'utf8');
}

function unreadable(row: RowIdentity, why: string): StatusError {
  const name = row.namespace ? `${row.namespace}/${row.name}` : row.name;
  return Errors.internal(`unable to decrypt ${row.resource} "${name}" read from storage: ${why}`);
}
