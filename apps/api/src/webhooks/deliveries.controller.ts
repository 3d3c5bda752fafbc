import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DEPLOY_HOOK_API_VERSION, Errors } from '@skiff/domain';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { RequestAuthorizer } from '../auth/request-authorizer';
import { send } from '../kube-api/negotiation';
import { DeliveryLog } from './delivery-log';
import { DEPLOY_HOOKS, HookReader } from './hook-reader';

/**
 * `GET /skiff/v1/namespaces/<ns>/deployhooks/<name>/deliveries`: the hook's kept
 * deliveries, newest first, to whoever may `get` the hook.
 */
@Controller('skiff/v1/namespaces/:namespace/deployhooks/:name/deliveries')
export class DeliveriesController {
  constructor(
    @Inject(HookReader) private readonly hooks: HookReader,
    @Inject(DeliveryLog) private readonly log: DeliveryLog,
    @Inject(RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('namespace') namespace: string, @Param('name') name: string): Promise<void> {
    const t = DEPLOY_HOOKS;
    await this.authorizer.resource(req.user!, { kind: 'resource', verb: 'get', group: t.group, version: t.version, resource: t.resource, type: t, namespace, name, subresource: '' });
    const hook = await this.hooks.get(namespace, name);
    if (!hook) throw Errors.notFound(t, name);
    const items = (await this.log.list(hook.metadata.uid!)).map((d) => ({ kind: 'DeployHookDelivery', apiVersion: DEPLOY_HOOK_API_VERSION, ...d }));
    send(req, res, 200, { kind: 'DeployHookDeliveryList', apiVersion: DEPLOY_HOOK_API_VERSION, metadata: { namespace, name, uid: hook.metadata.uid }, items });
  }
}
