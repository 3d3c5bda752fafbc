import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Errors } from '@skiff/domain';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { MASTERS_GROUP } from '../auth/token.service';
import { send } from '../kube-api/negotiation';
import { StoreRuntime } from '../store/store-runtime';
import { SecretResealer } from './secret-resealer';

/**
 * `POST /skiff/v1/secrets/reencrypt` (cluster admins): after a new key was put first in
 * every process's keys, re-seals each stored Secret — rows and change log — that is
 * sealed with another key, with this process's first key. `npm run skiff -- secrets reencrypt`.
 */
@Controller('skiff/v1/secrets')
export class EncryptionController {
  constructor(@Inject(StoreRuntime) private readonly runtime: StoreRuntime) {}

  @Post('reencrypt')
  async reencrypt(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const user = req.user!;
    if (!user.groups.includes(MASTERS_GROUP)) throw Errors.forbidden(`User "${user.name}" cannot re-encrypt Secrets: only cluster admins may`);
    const result = await new SecretResealer(this.runtime.ds, this.runtime.store.codec).reencrypt();
    send(req, res, 200, { kind: 'SecretReencryption', apiVersion: 'skiff.io/v1', ...result });
  }
}
