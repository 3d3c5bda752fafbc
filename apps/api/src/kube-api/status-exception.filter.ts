import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Errors, isStatusError } from '@skiff/domain';
import { isStoreUnavailable, storeUnavailable } from '../store/store-unavailable';
import { sendError } from './negotiation';

/**
 * Every error leaves the server as a Kubernetes `Status`: Postgres out of reach becomes 503
 * (clients retry); unexpected ones are logged and become 500.
 */
@Catch()
export class StatusExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('kube-api');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL resolvers: hand the error back to GraphQL, which renders it (see graphql/status-errors.ts).
    if (host.getType<string>() === 'graphql') return exception;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    let err: unknown = exception;
    if (!isStatusError(exception)) {
      if (exception instanceof HttpException) {
        const code = exception.getStatus();
        err = code === 404 ? Errors.pathNotFound() : code === 413 ? Errors.requestEntityTooLarge() : Errors.badRequest(exception.message);
      } else if (isStoreUnavailable(exception)) {
        err = storeUnavailable();
        this.logger.warn(`${req.method} ${req.url}: store unavailable: ${(exception as Error)?.message ?? exception}`);
      } else {
        this.logger.error(`${req.method} ${req.url}: ${(exception as Error)?.stack ?? exception}`);
      }
    }
    sendError(req, res, err);
  }
}
