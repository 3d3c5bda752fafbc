import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Errors, parseHistoryPath, parsePointInTime, parseRevisionParam, pointFromQuery } from '@skiff/domain';
import type { AuthenticatedRequest } from '../auth/bearer-auth.middleware';
import { responseFormat, send } from '../kube-api/negotiation';
import { bool, nonNegativeInt, str } from '../kube-api/query-options';
import { HistoryService } from './history.service';

const PREFIX = '/skiff/v1/history';

/**
 * `/skiff/v1/history` + an object's own Kubernetes path: the object as it was
 * (`?revision=N` or `?time=RFC3339`), `/revisions`, and `/diff?from=&to=[&noise=true]`
 * (`Accept: text/x-diff` for the unified diff alone). The work is in HistoryService.
 */
@Controller(PREFIX.slice(1))
export class HistoryController {
  constructor(@Inject(HistoryService) private readonly history: HistoryService) {}

  @All(['api/*path', 'apis/*path'])
  async serve(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw Errors.methodNotAllowed(req.method.toLowerCase());
    const { type, namespace, name, view } = parseHistoryPath(req.path.slice(PREFIX.length));
    const q = req.query as Record<string, unknown>;
    const user = req.user!;
    if (view === 'diff') {
      const text = wantsUnifiedText(req);
      if (!text) negotiate(req);
      const diff = await this.history.diff(user, type, namespace, name, parsePointInTime(str(q, 'from'), 'from'), parsePointInTime(str(q, 'to'), 'to'), { noise: bool(q, 'noise') });
      if (text) {
        res.status(200).type('text/x-diff').send(diff.unified);
        return;
      }
      return send(req, res, 200, diff);
    }
    negotiate(req);
    if (view === 'revisions') {
      const cont = str(q, 'continue');
      const page = { limit: nonNegativeInt(q, 'limit'), continue: cont ? parseRevisionParam(cont, 'continue') : undefined };
      return send(req, res, 200, await this.history.revisions(user, type, namespace, name, page));
    }
    send(req, res, 200, await this.history.objectAt(user, type, namespace, name, pointFromQuery(str(q, 'revision'), str(q, 'time'))));
  }
}

/** JSON or YAML, as the Kubernetes API serves them; Table is not served here (406). */
function negotiate(req: AuthenticatedRequest): void {
  if (responseFormat(req) === 'table') throw Errors.notAcceptable('only the following media types are accepted: application/json, application/yaml');
}

/** `Accept: text/x-diff` (or text/plain) asks for the unified diff as it is. */
function wantsUnifiedText(req: AuthenticatedRequest): boolean {
  const first = String(req.headers.accept ?? '').split(',')[0].split(';')[0].trim();
  return first === 'text/x-diff' || first === 'text/plain';
}
