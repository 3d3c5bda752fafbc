import { All, Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AUTHORIZATION_GROUP,
  Errors,
  METRICS_GROUP,
  findAuthorizationResourceType,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  parseRequestPath,
  type ResourceRequest,
  type ResourceType,
} from '@skiff/domain';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { denyBootstrapper, RequestAuthorizer } from '../auth/request-authorizer';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { ResourceMetricsApi } from '../metrics/resource-metrics-api';
import { KUBELET_CLIENT, KubeletClient, type KubeletClientCertificate } from '../kubelet-client/kubelet-client';
import { ObjectRegistry } from '../registry/object-registry';
import { StoreRuntime } from '../store/store-runtime';
import { readObjectBody } from './body-reader';
import { responseFormat, send } from './negotiation';
import { OpenApiDocuments } from './openapi-documents';
import { bool } from './query-options';
import { ResourceHandler } from './resource-handler';

export const SKIFF_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0-skiff.0.1.0' };

const AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

@Controller()
export class KubeApiController {
  private readonly handler: ResourceHandler;
  private readonly openapi = new OpenApiDocuments();

  constructor(
    @Inject(ObjectRegistry) registry: ObjectRegistry,
    @Inject(StoreRuntime) rt: StoreRuntime,
    @Inject(SKIFF_CONFIG) private readonly config: SkiffConfig,
    @Inject(KUBELET_CLIENT) kubeletClient: KubeletClientCertificate,
    @Inject(ResourceMetricsApi) private readonly metrics: ResourceMetricsApi,
    @Inject(RequestAuthorizer) private readonly authorizer: RequestAuthorizer,
  ) {
    this.handler = new ResourceHandler(registry, rt.store, rt.hub, new KubeletClient(kubeletClient), { bookmarkIntervalMs: config.bookmarkIntervalMs });
  }

  @Get('version')
  version(@Req() req: Request, @Res() res: Response): void {
    send(req, res, 200, {
      ...SKIFF_VERSION,
      gitCommit: 'skiff',
      gitTreeState: 'clean',
      buildDate: '2026-11-25T00:00:00Z',
      goVersion: 'n/a',
      compiler: 'tsc',
      platform: `${process.platform}/${process.arch}`,
    });
  }

  @Get(['openapi/v2', 'openapi/v3', 'openapi/v3/*path'])
  async openApi(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    await this.authorizer.nonResource(req.user!, 'get', req.path);
    responseFormat(req);
    const doc = this.openapi.forPath(req.path);
    if (!doc) throw Errors.pathNotFound();
    send(req, res, 200, doc);
  }

  @All(['api', 'api/*path', 'apis', 'apis/*path'])
  async api(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    // Negotiate before doing anything: a 406 must not follow a write.
    if (!String(req.headers.accept ?? '').includes('as=APIGroupDiscoveryList')) responseFormat(req);
    const parsed = parseRequestPath(req.method, req.path, bool(req.query as Record<string, unknown>, 'watch'));
    if (parsed.kind === 'discovery') {
      await this.authorizer.nonResource(req.user!, req.method.toLowerCase(), req.path);
      return this.discovery(req, res, parsed.path, parsed.group, parsed.version);
    }
    denyBootstrapper(req.user!);
    if (parsed.kind === 'resource' && parsed.group === AUTHORIZATION_GROUP) return this.review(req, res, parsed);
    // Not stored objects: served from the usage the agents report.
    if (parsed.kind === 'resource' && parsed.group === METRICS_GROUP) return this.metrics.serve(req, res, parsed, req.user!);
    if (parsed.kind !== 'resource' || !parsed.type) throw Errors.pathNotFound();
    const r = parsed as ResourceRequest & { type: ResourceType };
    await this.handler.handle(req, res, r, {
      user: req.user!,
      dryRun: false,
      fieldValidation: 'Warn',
      warnings: [],
      ...(await this.authorizer.resource(req.user!, r, metadataNameSelected(req))),
    });
  }

  /** `kubectl auth can-i`: a review the caller posts about itself, answered and not stored. */
  private async review(req: AuthenticatedRequest, res: Response, r: ResourceRequest): Promise<void> {
    const type = findAuthorizationResourceType(r.version, r.resource);
    if (!type || r.name || r.namespace || r.subresource) throw Errors.pathNotFound();
    if (r.verb !== 'create') throw Errors.methodNotAllowed(r.verb);
    await this.authorizer.resource(req.user!, { ...r, type });
    const body = await readObjectBody(req);
    send(req, res, 201, await this.authorizer.review(req.user!, type.kind as 'SelfSubjectAccessReview' | 'SelfSubjectRulesReview', body));
  }

  private discovery(req: Request, res: Response, path: string, group: string, version: string): void {
    if (req.method !== 'GET') throw Errors.methodNotAllowed(req.method.toLowerCase());
    const wantsAggregated = String(req.headers.accept ?? '').includes('as=APIGroupDiscoveryList');
    if ((path === 'api' || path === 'apis') && wantsAggregated) {
      const body = JSON.stringify(aggregatedDiscovery(path === 'api'));
      res.status(200).setHeader('Content-Type', AGGREGATED);
      res.end(body);
      return;
    }
    let doc: unknown;
    if (path === 'api') doc = apiVersions(`${this.config.host}:${this.config.port}`);
    else if (path === 'apis') doc = apiGroupList();
    else if (path === 'group') doc = apiGroup(group);
    else doc = apiResourceList(group, version);
    if (!doc) throw Errors.pathNotFound();
    send(req, res, 200, doc);
  }
}

/** A `metadata.name=X` field selector on a list or watch: RBAC treats it as a request for X (as kube-apiserver does). */
function metadataNameSelected(req: Request): string | undefined {
  const fs = (req.query as Record<string, unknown>).fieldSelector;
  if (typeof fs !== 'string') return undefined;
  const m = /^metadata\.name(?:==?)([^,]+)$/.exec(fs);
  return m?.[1];
}
