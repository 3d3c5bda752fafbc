import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { RequestAuthorizer } from '../auth/request-authorizer';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { ObjectRegistry } from '../registry/object-registry';
import { StoreRuntime } from '../store/store-runtime';
import { MetricsController } from './metrics.controller';
import { MetricsStore } from './metrics-store';
import { ResourceMetricsApi } from './resource-metrics-api';

/** Resource metrics: agents push usage; the API keeps it in Redis and serves metrics.k8s.io and a history. */
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: MetricsStore, inject: [SKIFF_CONFIG], useFactory: (config: SkiffConfig) => new MetricsStore(config.redisUrl, config.redisPrefix) },
    {
      provide: ResourceMetricsApi,
      inject: [ObjectRegistry, StoreRuntime, MetricsStore, RequestAuthorizer],
      useFactory: (registry: ObjectRegistry, rt: StoreRuntime, metrics: MetricsStore, authorizer: RequestAuthorizer) =>
        new ResourceMetricsApi(registry, rt.store, metrics, authorizer),
    },
  ],
  exports: [MetricsStore, ResourceMetricsApi],
})
export class MetricsModule implements OnApplicationShutdown {
  constructor(@Inject(MetricsStore) private readonly store: MetricsStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}
