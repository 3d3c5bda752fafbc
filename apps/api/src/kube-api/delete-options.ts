import type { Request } from 'express';
import { Errors } from '@skiff/domain';
import type { DeleteOptions } from '../registry/object-registry';
import { readObjectBody } from './body-reader';
import { nonNegativeInt, str } from './query-options';

type Query = Record<string, unknown>;

/** DeleteOptions from the query and the body (kubectl sends them as a body). */
export async function deleteOptions(req: Request): Promise<DeleteOptions> {
  const q = req.query as Query;
  let body: Record<string, unknown> = {};
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > 0 || req.headers['transfer-encoding']) {
    const parsed = await readObjectBody(req).catch((e) => {
      if ((e as { message?: string }).message === 'the request body is empty') return {};
      throw e;
    });
    if (typeof parsed === 'object' && parsed) body = parsed as Record<string, unknown>;
  }
  const policy = (str(q, 'propagationPolicy') ?? body.propagationPolicy) as string | undefined;
  if (policy !== undefined && !['Orphan', 'Background', 'Foreground'].includes(policy)) {
    throw Errors.invalid('', 'DeleteOptions', '', [
      { reason: 'FieldValueNotSupported', field: 'propagationPolicy', message: `Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"` },
    ]);
  }
  const orphan = str(q, 'orphanDependents') ?? body.orphanDependents;
  const grace = nonNegativeInt(q, 'gracePeriodSeconds') ?? body.gracePeriodSeconds;
  if (grace !== undefined && (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 0)) {
    throw Errors.invalid('', 'DeleteOptions', '', [
      { reason: 'FieldValueInvalid', field: 'gracePeriodSeconds', message: `Invalid value: ${JSON.stringify(grace)}: must be a non-negative integer` },
    ]);
  }
  return {
    propagationPolicy: (policy as DeleteOptions['propagationPolicy']) ?? (orphan === true || orphan === 'true' ? 'Orphan' : undefined),
    gracePeriodSeconds: grace as number | undefined,
    preconditions: body.preconditions as DeleteOptions['preconditions'],
  };
}
