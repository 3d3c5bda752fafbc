import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Errors, findResourceType, isDNS1123Label, isDNS1123Subdomain, parseMetricsReport } from '@skiff/domain';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { authorizeMetricsReport, RequestAuthorizer } from '../auth/request-authorizer';
import { readObjectBody } from '../kube-api/body-reader';
import { send } from '../kube-api/negotiation';
import { str } from '../kube-api/query-options';
import { MetricsStore, type MetricsKind } from './metrics-store';

/**
 * The agents' side of resource metrics: `POST /skiff/v1/metrics` takes a report of
 * node and container usage (node tokens, for their own nodes), and
 * `GET /skiff/v1/metrics/history?kind=pods|nodes&namespace=&name=` answers the kept
 * samples of one pod or node for charts, to whoever may get that pod or node.
 */
@Controller('skiff/v1/metrics')
export class MetricsController {
  constructor(
    @Inject(MetricsStore) private readonly store: MetricsStore,
    @Inject(RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
  ) {}

  @Post()
  async report(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const user = req.user!;
    // Read first so that a refusal reaches the agent instead of a reset connection.
    const body = await readObjectBody(req);
    authorizeMetricsReport(user);
    const { report, causes } = parseMetricsReport(body);
    if (!report) throw Errors.invalid('skiff.io', 'MetricsReport', '', causes);
    authorizeMetricsReport(user, report.nodes.map((n) => n.name));
    await this.store.record(report);
    res.status(204).end();
  }

  @Get('history')
  async history(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const q = req.query as Record<string, unknown>;
    const kind = str(q, 'kind');
    if (kind !== 'pods' && kind !== 'nodes') throw Errors.badRequest(`kind must be "pods" or "nodes", got ${JSON.stringify(kind ?? '')}`);
    const name = str(q, 'name') ?? '';
    const namespace = kind === 'pods' ? (str(q, 'namespace') ?? '') : '';
    if (isDNS1123Subdomain(name).length) throw Errors.badRequest(`name must name a ${kind === 'pods' ? 'pod' : 'node'}, got ${JSON.stringify(name)}`);
    if (kind === 'pods' && isDNS1123Label(namespace).length) throw Errors.badRequest(`namespace must name a namespace, got ${JSON.stringify(namespace)}`);
    const type = findResourceType('', 'v1', kind)!;
    // Whoever may get the pod or node may see its history.
    await this.authorizer.resource(req.user!, { kind: 'resource', verb: 'get', group: '', version: 'v1', resource: kind, type, namespace, name, subresource: '' });
    const samples = await this.store.history(kind as MetricsKind, { namespace, name });
    send(req, res, 200, { kind: 'MetricsHistory', apiVersion: 'skiff.io/v1', metadata: { name, ...(namespace ? { namespace } : {}) }, resource: kind, samples });
  }
}
