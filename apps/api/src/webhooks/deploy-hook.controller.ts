import { Controller, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { readDeliveryBody } from './delivery-body';
import type { AuditNote } from '../audit/audit.middleware';
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
    res.locals.audit = auditNote(answer.body);
    const text = JSON.stringify(answer.body);
    res.status(answer.code).setHeader('Content-Type', 'application/json');
    res.end(text);
  }
}

/** The audit log's view of a delivery: made as the hook's user, on the hook (the answer names the target's revision). */
function auditNote(body: object): AuditNote | undefined {
  const d = body as { hook?: { namespace?: string; name?: string }; deliveryId?: string; outcome?: string; message?: string; image?: string; targetResourceVersion?: string };
  if (!d.hook?.name) return undefined;
  const user = `skiff:deployhook:${d.hook.namespace}:${d.hook.name}`;
  const message = `delivery ${d.deliveryId}: ${d.outcome}${d.image ? ` (image ${d.image})` : ''}${d.message ? `: ${d.message}` : ''}`;
  return { user, target: { verb: 'create', group: 'skiff.io', resource: 'deployhooks', subresource: 'deliveries', namespace: d.hook.namespace, name: d.hook.name }, revision: d.outcome === 'applied' ? d.targetResourceVersion : undefined, message };
}
