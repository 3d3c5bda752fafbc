import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { SkiffConfig } from './config/skiff-config';
import { StatusExceptionFilter } from './kube-api/status-exception.filter';
import { serveDashboard } from './dashboard/serve-dashboard';
import { requestMetrics } from './observability/apiserver-metrics';
import { createLogger, PinoNestLogger } from './observability/logger';
import { assignRequestId, requestLogging } from './observability/request-logging';
import { serveHealthOnly } from './health/health-only';
import { ensureServingPki, type ServingPki } from './tls/pki';

export interface RunningServer {
  app: INestApplication;
  url: string;
  pki: ServingPki;
  close(): Promise<void>;
}

/** Builds the Nest application for `config` and serves it over HTTPS. */
export async function startServer(config: SkiffConfig, opts: { logger?: boolean } = {}): Promise<RunningServer> {
  // The name it was told to listen on is one clients use too (unless it means "every address").
  const listenName = ['0.0.0.0', '::'].includes(config.host) ? [] : [config.host];
  const pki = ensureServingPki(config.home, [...listenName, ...config.tlsSans]);
  // JSON logs (pino) for Nest and for requests; `logger: false` (tests) writes none.
  const logger = createLogger(opts.logger === false ? 'silent' : config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config, pki.kubeletClient), {
    httpsOptions: { key: pki.key, cert: pki.cert },
    // The Kubernetes API reads its own bodies (size limit, YAML, patch types).
    bodyParser: false,
    logger: opts.logger === false ? false : new PinoNestLogger(logger),
  });
  app.useGlobalFilters(new StatusExceptionFilter());
  // Before everything else: each request gets its id, is measured and (unless silent) logged.
  app.use(assignRequestId, requestMetrics);
  if (opts.logger !== false) app.use(requestLogging(logger));
  if (config.roles.has('api')) serveDashboard(app, config);
  else serveHealthOnly(app, config.roles);
  // Kubernetes query parameters are flat (a repeated one becomes an array): no need for qs.
  app.set('query parser', 'simple');
  app.set('x-powered-by', false);
  app.set('etag', false);
  app.enableShutdownHooks();
  const server = await app.listen(config.port, config.host);
  server.keepAliveTimeout = 65_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `https://${config.host}:${port}`;
  new Logger('skiff').log(`API serving on ${url}`);
  return { app, url, pki, close: () => app.close() };
}
