import { Global, Inject, Logger, Module, type MiddlewareConsumer, type NestModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { StoreRuntime } from '../store/store-runtime';
import { AuditLog } from './audit-log';
import { AuditController } from './audit.controller';
import { AuditMiddleware } from './audit.middleware';
import { AuditResolver } from './audit.resolver';

/** The audit log: recorded by a middleware (HTTP) and a GraphQL plugin, read by admins over REST and GraphQL. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [
    {
      provide: AuditLog,
      inject: [StoreRuntime, SKIFF_CONFIG],
      useFactory: (rt: StoreRuntime, config: SkiffConfig) => new AuditLog(rt.ds, config.auditRetentionDays, new Logger('audit')),
    },
    AuditMiddleware,
    AuditResolver,
  ],
  exports: [AuditLog],
})
export class AuditModule implements NestModule, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(AuditLog) private readonly log: AuditLog) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes('*path');
  }

  onApplicationBootstrap(): void {
    this.log.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.log.stop();
  }
}
