import getRawBody from 'raw-body';
import type { Request } from 'express';
import { Errors } from '@skiff/domain';

/** Deliveries are small JSON documents; registries send a few KiB. Larger bodies get 413. */
export const MAX_DELIVERY_BYTES = 256 * 1024;

/** The raw bytes of a delivery (the signature covers them exactly), at most MAX_DELIVERY_BYTES. */
export async function readDeliveryBody(req: Request, limit = MAX_DELIVERY_BYTES): Promise<Buffer> {
  try {
    return await getRawBody(req, { limit });
  } catch (e) {
    const err = e as { type?: string; status?: number };
    if (err.type === 'entity.too.large' || err.status === 413) {
      // The rest is discarded as it comes, so the client reads the 413 rather than a reset.
      req.resume();
      throw Errors.requestEntityTooLarge(`Request entity too large: a delivery may be at most ${limit} bytes`);
    }
    throw Errors.badRequest(`unable to read the request body: ${(e as Error).message}`);
  }
}
