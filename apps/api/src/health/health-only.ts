import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Errors } from '@skiff/domain';
import { sendError } from '../kube-api/negotiation';

const WORKER_PATHS = new Set(['/healthz', '/livez', '/readyz', '/metrics']);

/**
 * A process without the `api` role (SKIFF_ROLES=controllers and/or scheduler) serves only
 * its health and metrics endpoints, as kube-controller-manager and kube-scheduler do: the
 * Kubernetes API, GraphQL and the dashboard answer 404 there.
 */
export function serveHealthOnly(app: INestApplication, roles: Iterable<string>): void {
  const why = `this Skiff process runs only ${[...roles].join(', ')}: the API is served by the processes with the api role`;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (WORKER_PATHS.has(req.path)) return next();
    sendError(req, res, Errors.pathNotFound(why));
  });
}
