import type { Request, Response } from 'express';
import {
  Errors,
  applyPatch,
  fromScale,
  patchNamesResourceVersion,
  toScale,
  toTable,
  type KubeObject,
  type ResourceRequest,
  type ResourceType,
} from '@skiff/domain';
import type { KubeletClient } from '../kubelet-client/kubelet-client';
import { ListFilter } from '../registry/list-filter';
import type { ObjectRegistry } from '../registry/object-registry';
import type { RequestContext } from '../registry/request-context';
import type { ResourceStore } from '../store/resource-store';
import type { WatchHub } from '../store/watch-hub';
import { readObjectBody, readPatchBody } from './body-reader';
import { deleteOptions } from './delete-options';
import { listPage } from './list-pager';
import { servePodLog } from './pod-log';
import { responseFormat, send } from './negotiation';
import { bool, dryRun, exactRevision, fieldValidation, includeObject, nonNegativeInt, str } from './query-options';
import { serveWatch } from './watch-stream';

type Query = Record<string, unknown>;

/** Serves one resource request: the verbs of the Kubernetes API over the registry. */
export class ResourceHandler {
  constructor(
    private readonly registry: ObjectRegistry,
    private readonly store: ResourceStore,
    private readonly hub: WatchHub,
    private readonly kubelet: KubeletClient,
    private readonly opts: { bookmarkIntervalMs: number },
  ) {}

  async handle(req: Request, res: Response, r: ResourceRequest & { type: ResourceType }, ctx: RequestContext): Promise<void> {
    const q = req.query as Query;
    const { type } = r;
    if (type.namespaced && !r.namespace && !['list', 'watch'].includes(r.verb)) {
      // As kube-apiserver: across all namespaces a namespaced kind is only listed and watched (a DELETE there would empty every namespace).
      throw r.verb === 'deletecollection' ? Errors.methodNotAllowed(r.verb) : Errors.pathNotFound();
    }
    if (r.subresource && !type.subresources.includes(r.subresource)) throw Errors.pathNotFound();
    if (r.verb !== 'get' && r.verb !== 'list' && r.verb !== 'watch') {
      ctx.dryRun = dryRun(q);
      ctx.fieldValidation = fieldValidation(q);
    }
    switch (r.verb) {
      case 'get':
        return this.get(req, res, r);
      case 'list':
        return this.list(req, res, r);
      case 'watch':
        return this.watch(req, res, r);
      case 'create':
        return this.create(req, res, r, ctx);
      case 'update':
        return this.update(req, res, r, ctx);
      case 'patch':
        return this.patch(req, res, r, ctx);
      case 'delete':
        return this.delete(req, res, r, ctx);
      case 'deletecollection':
        return this.deleteCollection(req, res, r, ctx);
    }
  }

  private render(req: Request, obj: KubeObject): unknown {
    if (responseFormat(req) !== 'table') return obj;
    return toTable(obj.kind ?? '', [obj], { now: new Date(), includeObject: includeObject(req.query as Query), listMeta: { resourceVersion: obj.metadata.resourceVersion } });
  }

  private async get(req: Request, res: Response, r: Req): Promise<void> {
    if (r.subresource === 'binding') throw Errors.methodNotAllowed('get');
    const obj = await this.registry.get(r.type, r.namespace, r.name);
    if (r.subresource === 'scale') return send(req, res, 200, toScale(obj));
    if (r.subresource === 'log') return servePodLog(req, res, this.registry, this.kubelet, obj);
    send(req, res, 200, this.render(req, obj));
  }

  private async list(req: Request, res: Response, r: Req): Promise<void> {
    const q = req.query as Query;
    const filter = ListFilter.parse(r.type, r.namespace, str(q, 'labelSelector'), str(q, 'fieldSelector'));
    const list = await listPage(this.store, filter, nonNegativeInt(q, 'limit') || undefined, str(q, 'continue') || undefined, exactRevision(q));
    if (responseFormat(req) === 'table') {
      return send(req, res, 200, toTable(r.type.kind, list.items, { now: new Date(), includeObject: includeObject(req.query as Query), listMeta: list.metadata }));
    }
    send(req, res, 200, list);
  }

  private async watch(req: Request, res: Response, r: Req): Promise<void> {
    const q = req.query as Query;
    let fieldSelector = str(q, 'fieldSelector');
    if (r.name) fieldSelector = [`metadata.name=${r.name}`, fieldSelector].filter(Boolean).join(',');
    const filter = ListFilter.parse(r.type, r.namespace, str(q, 'labelSelector'), fieldSelector);
    const table = responseFormat(req) === 'table';
    const inc = includeObject(req.query as Query);
    await serveWatch(req, res, this.store, this.hub, filter, {
      resourceVersion: str(q, 'resourceVersion'),
      timeoutSeconds: nonNegativeInt(q, 'timeoutSeconds') ?? 1800 + Math.floor(Math.random() * 1800),
      allowBookmarks: bool(q, 'allowWatchBookmarks'),
      bookmarkIntervalMs: this.opts.bookmarkIntervalMs,
      transform: table
        ? // Like kube-apiserver: column definitions only with the first event.
          (obj, first) => toTable(r.type.kind, [obj], { now: new Date(), includeObject: inc, listMeta: { resourceVersion: obj.metadata.resourceVersion }, noHeaders: !first })
        : (obj) => obj,
    });
  }

  private async create(req: Request, res: Response, r: Req, ctx: RequestContext): Promise<void> {
    if (r.subresource === 'binding') return this.bind(req, res, r, ctx);
    if (r.subresource === 'eviction') return this.evict(req, res, r, ctx);
    if (r.subresource) throw Errors.methodNotAllowed('create');
    if (r.name) throw Errors.methodNotAllowed('create');
    const body = await readObjectBody(req);
    const created = await this.registry.create(r.type, r.namespace, body, ctx);
    send(req, res, 201, this.render(req, created), ctx.warnings);
  }

  private async update(req: Request, res: Response, r: Req, ctx: RequestContext): Promise<void> {
    const body = await readObjectBody(req);
    if (r.subresource === 'scale') {
      const updated = await this.registry.update(r.type, r.namespace, r.name, (cur) => fromScale(cur, body), 'main', ctx);
      return send(req, res, 200, toScale(updated), ctx.warnings);
    }
    if (r.subresource && r.subresource !== 'status' && r.subresource !== 'finalize') throw Errors.methodNotAllowed('update');
    const scope = r.subresource === 'status' || r.subresource === 'finalize' ? r.subresource : 'main';
    const updated = await this.registry.update(r.type, r.namespace, r.name, () => body as KubeObject, scope, ctx);
    send(req, res, 200, this.render(req, updated), ctx.warnings);
  }

  private async patch(req: Request, res: Response, r: Req, ctx: RequestContext): Promise<void> {
    const { patchType, patch } = await readPatchBody(req);
    if (patchType === 'apply') throw Errors.unsupportedMediaType(['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']);
    if (r.subresource === 'scale') {
      const updated = await this.registry.update(r.type, r.namespace, r.name, (cur) => fromScale(cur, applyPatch(patchType, 'Scale', toScale(cur), patch)), 'main', ctx);
      return send(req, res, 200, toScale(updated), ctx.warnings);
    }
    if (r.subresource && r.subresource !== 'status') throw Errors.methodNotAllowed('patch');
    const scope = r.subresource === 'status' ? 'status' : 'main';
    const updated = await this.registry.update(
      r.type,
      r.namespace,
      r.name,
      (cur) => {
        const next = applyPatch(patchType, r.type.kind, cur, patch);
        // A patch is unconditional unless it names a resourceVersion itself.
        if (!patchNamesResourceVersion(patch) && next.metadata) delete next.metadata.resourceVersion;
        return next;
      },
      scope,
      ctx,
    );
    send(req, res, 200, this.render(req, updated), ctx.warnings);
  }

  private async delete(req: Request, res: Response, r: Req, ctx: RequestContext): Promise<void> {
    if (r.subresource) throw Errors.methodNotAllowed('delete');
    const opts = await deleteOptions(req);
    const result = await this.registry.delete(r.type, r.namespace, r.name, opts, ctx);
    if (!result.removed) return send(req, res, 200, this.render(req, result.object));
    const m = result.object.metadata;
    send(req, res, 200, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: m.name, ...(r.type.group ? { group: r.type.group } : {}), kind: r.type.resource, uid: m.uid },
    });
  }

  private async deleteCollection(req: Request, res: Response, r: Req, ctx: RequestContext): Promise<void> {
    const q = req.query as Query;
    const opts = await deleteOptions(req);
    const filter = ListFilter.parse(r.type, r.namespace, str(q, 'labelSelector'), str(q, 'fieldSelector'));
    const list = await listPage(this.store, filter, undefined, undefined);
    const deleted: KubeObject[] = [];
    for (const obj of list.items) {
      try {
        const res = await this.registry.delete(r.type, obj.metadata.namespace ?? '', obj.metadata.name!, opts, ctx);
        deleted.push(res.object);
      } catch (e) {
        if ((e as { code?: number }).code !== 404) throw e;
      }
    }
    send(req, res, 200, { ...list, items: deleted });
  }

  /** `pods/<name>/binding`: the scheduler's way to set spec.nodeName, once. */
  private async bind(req: Request, res: Response, r: Req, ctx: RequestContext): Promise<void> {
    if (r.type.kind !== 'Pod') throw Errors.methodNotAllowed('create');
    const body = (await readObjectBody(req)) as { target?: { name?: string; kind?: string } };
    const node = body?.target?.name;
    if (!node) {
      throw Errors.invalid('', 'Binding', r.name, [{ reason: 'FieldValueRequired', field: 'target.name', message: 'Required value' }]);
    }
    await this.registry.bindPod(r.type, r.namespace, r.name, node, ctx);
    send(req, res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }

  /** `pods/<name>/eviction` (policy/v1 Eviction, what `kubectl drain` posts): see ObjectRegistry.evictPod. */
  private async evict(req: Request, res: Response, r: Req, ctx: RequestContext): Promise<void> {
    const body = (await readObjectBody(req)) as { kind?: string; metadata?: { name?: string }; deleteOptions?: { gracePeriodSeconds?: number; preconditions?: { uid?: string; resourceVersion?: string }; propagationPolicy?: string } };
    if (body?.kind !== 'Eviction') throw Errors.badRequest(`expected an Eviction, got ${JSON.stringify(body?.kind ?? '')}`);
    if (body.metadata?.name && body.metadata.name !== r.name) {
      throw Errors.badRequest(`name in URL does not match name in Eviction object`);
    }
    const o = body.deleteOptions ?? {};
    await this.registry.evictPod(r.type, r.namespace, r.name, { gracePeriodSeconds: o.gracePeriodSeconds, preconditions: o.preconditions, propagationPolicy: o.propagationPolicy as never }, ctx);
    send(req, res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }
}

type Req = ResourceRequest & { type: ResourceType };
