import getRawBody from 'raw-body';
import type { Request } from 'express';
import YAML from 'yaml';
import { Errors, MAX_NESTING_DEPTH, decodeKubeProtobuf, nestingBeyond, type PatchType } from '@skiff/domain';

/** kube-apiserver refuses request bodies over 3 MiB. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;


const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

async function readRaw(req: Request): Promise<string>;
async function readRaw(req: Request, binary: true): Promise<Buffer>;
async function readRaw(req: Request, binary = false): Promise<string | Buffer> {
  try {
    return binary ? await getRawBody(req, { limit: MAX_BODY_BYTES }) : await getRawBody(req, { limit: MAX_BODY_BYTES, encoding: 'utf8' });
  } catch (e) {
    const err = e as { type?: string; status?: number };
    if (err.type === 'entity.too.large' || err.status === 413) throw Errors.requestEntityTooLarge();
    throw Errors.badRequest(`unable to read the request body: ${(e as Error).message}`);
  }
}

function decode(text: string, yaml: boolean): unknown {
  if (!text.trim()) throw Errors.badRequest('the request body is empty');
  let body: unknown;
  try {
    body = yaml ? YAML.parse(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (e) {
    const what = yaml ? 'yaml' : 'json';
    throw Errors.badRequest(`couldn't get version/kind; ${what} parse error: ${(e as Error).message.split('\n')[0]}`);
  }
  // Before anything walks it: patches and pruning recurse, and would overflow the stack.
  const tooDeep = nestingBeyond(body);
  if (tooDeep !== undefined) throw Errors.badRequest(`the request body nests deeper than ${MAX_NESTING_DEPTH} levels, at ${tooDeep}`);
  return body;
}

/** Reads a create/update body: JSON or YAML. */
export async function readObjectBody(req: Request): Promise<unknown> {
  const type = mediaType(req);
  if (type === 'application/vnd.kubernetes.protobuf') return decodeKubeProtobuf(await readRaw(req, true));
  const yaml = type === 'application/yaml' || type === 'application/x-yaml' || type === 'text/yaml';
  if (!yaml && type !== 'application/json' && type !== '') {
    // Drain so the connection stays usable, then refuse the format.
    await readRaw(req).catch(() => undefined);
    throw Errors.unsupportedMediaType(['application/json', 'application/yaml']);
  }
  return decode(await readRaw(req), yaml);
}

/** Reads a PATCH body, whose Content-Type names the patch type. */
export async function readPatchBody(req: Request): Promise<{ patchType: PatchType; patch: unknown }> {
  const patchType = PATCH_TYPES[mediaType(req)];
  if (!patchType) {
    await readRaw(req).catch(() => undefined);
    throw Errors.unsupportedMediaType(Object.keys(PATCH_TYPES));
  }
  return { patchType, patch: decode(await readRaw(req), patchType === 'apply') };
}
