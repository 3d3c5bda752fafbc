import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { ObjectRegistry } from '../registry/object-registry';
import { StoreRuntime } from '../store/store-runtime';
import { EndpointsController } from './endpoints/endpoints-controller';
import { GarbageCollector } from './garbage-collector/garbage-collector';
import { NamespaceCleaner } from './namespace/namespace-cleaner';
import { ControllerRuntime } from './runtime/controller-runtime';

/** The controllers role (SKIFF_ROLES): the controllers on the BullMQ runtime, and the namespace cleaner. */
@Module({})
export class ControllersModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private cleaner?: NamespaceCleaner;
  private runtime?: ControllerRuntime;

  constructor(
    @Inject(SKIFF_CONFIG) private readonly config: SkiffConfig,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
    @Inject(StoreRuntime) private readonly rt: StoreRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.roles.has('controllers')) return;
    this.cleaner = new NamespaceCleaner(this.registry, this.rt.store, this.rt.hub);
    await this.cleaner.start();
    const controllers = [new EndpointsController(this.registry, this.rt.store), new GarbageCollector(this.registry, this.rt.store)];
    this.runtime = new ControllerRuntime(this.rt.store, this.rt.hub, controllers, { redisUrl: this.config.redisUrl, prefix: this.config.redisPrefix });
    await this.runtime.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.cleaner?.stop();
    await this.runtime?.stop();
  }
}
