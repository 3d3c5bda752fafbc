import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readDeliveryBody } from './delivery-body';
import { DeliveryHandler } from './delivery-handler';

/**
 * `POST /hooks/<uid>`: deliveries from CI systems and registries. Served without a bearer
 * token (BearerAuthMiddleware lets this one route through): the HMAC signature of the
 * body with the hook's Secret is the authentication, checked by DeliveryHandler.
 */
@Controller('hooks')
export class DeployHookController {
  constructor(@Inject(DeliveryHandler) private readonly handler: DeliveryHandler) {}

  @Post(':id')
  async deliver(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const body = await readDeliveryBody(req);
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v[0] : v;
    const answer = await this.handler.deliver({ hookId: id, headers, body, sourceIP: req.socket.remoteAddress ?? '' });
    const text = JSON.stringify(answer.body);
    res.status(answer.code).setHeader('Content-Type', 'application/json');
    res.end(text);
  }
}
