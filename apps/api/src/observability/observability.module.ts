import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Registry } from 'prom-client';
import { StoreRuntime } from '../store/store-runtime';
import { MetricsEndpointController } from './metrics-endpoint.controller';
import { metricsRegistry } from './metrics-registry';
import { observeStore } from './store-metrics';

/**
 * Prometheus metrics: the process's registry (as `Registry`), `GET /metrics`, and the
 * store's gauges (Postgres pool, Redis, watch hub). Requests are measured and logged by
 * middleware the server mounts first (server.ts); the controllers and the scheduler
 * report through the helpers of this folder.
 */
@Global()
@Module({
  controllers: [MetricsEndpointController],
  providers: [{ provide: Registry, useValue: metricsRegistry }],
  exports: [Registry],
})
export class ObservabilityModule implements OnModuleInit, OnApplicationShutdown {
  private unobserve?: () => void;

  constructor(@Inject(StoreRuntime) private readonly rt: StoreRuntime) {}

  onModuleInit(): void {
    this.unobserve = observeStore(this.rt);
  }

  onApplicationShutdown(): void {
    this.unobserve?.();
  }
}
