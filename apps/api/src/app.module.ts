import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { ControllersModule } from './controllers/controllers.module';
import { GraphqlModule } from './graphql/graphql.module';
import { BearerAuthMiddleware } from './auth/bearer-auth.middleware';
import { AccountsController } from './accounts/accounts.controller';
import { AuditModule } from './audit/audit.module';
import { SessionsController } from './accounts/sessions.controller';
import { JoinController } from './auth/join.controller';
import { SKIFF_CONFIG, type SkiffConfig } from './config/skiff-config';
import { EncryptionModule } from './encryption/encryption.module';
import { HealthController } from './health/health.controller';
import { KubeApiController } from './kube-api/kube-api.controller';
import { HistoryModule } from './history/history.module';
import { MetricsModule } from './metrics/metrics.module';
import { ObservabilityModule } from './observability/observability.module';
import { KUBELET_CLIENT, type KubeletClientCertificate } from './kubelet-client/kubelet-client';
import { RegistryModule } from './registry/registry.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { StoreModule } from './store/store.module';
import { DeployHooksModule } from './webhooks/deploy-hooks.module';

@Module({})
export class AppModule implements NestModule {
  static forConfig(config: SkiffConfig, kubeletClient: KubeletClientCertificate): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [StoreModule, ObservabilityModule, AuditModule, RegistryModule, AuthModule, ControllersModule, SchedulerModule, MetricsModule, HistoryModule, EncryptionModule, DeployHooksModule, GraphqlModule],
      controllers: [HealthController, KubeApiController, JoinController, AccountsController, SessionsController],
      providers: [
        { provide: SKIFF_CONFIG, useValue: config },
        { provide: KUBELET_CLIENT, useValue: kubeletClient },
      ],
      exports: [SKIFF_CONFIG],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(BearerAuthMiddleware).forRoutes('*path');
  }
}
