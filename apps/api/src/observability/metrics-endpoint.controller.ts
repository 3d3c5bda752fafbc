import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { RequestAuthorizer } from '../auth/request-authorizer';

export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics`: this process's metrics in the Prometheus text format. As on
 * kube-apiserver, not public: the caller is authenticated (a bearer token) and RBAC
 * must grant it `get` on the non-resource URL `/metrics` (cluster-admin does; so does
 * the `system:monitoring` group).
 */
@Controller()
export class MetricsEndpointController {
  constructor(
    @Inject(Registry) private readonly registry: Registry,
    @Inject(RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
  ) {}

  @Get(METRICS_PATH.slice(1))
  async metrics(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    await this.authorizer.nonResource(req.user!, 'get', METRICS_PATH);
    const text = await this.registry.metrics();
    res.status(200).setHeader('Content-Type', this.registry.contentType);
    res.end(text);
  }
}
