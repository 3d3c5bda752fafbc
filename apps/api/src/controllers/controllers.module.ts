import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { ObjectRegistry } from '../registry/object-registry';
import { StoreRuntime } from '../store/store-runtime';
import { NamespaceCleaner } from './namespace/namespace-cleaner';

/** The controllers role (SKIFF_ROLES). For now: the namespace cleaner. */
@Module({})
export class ControllersModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private cleaner?: NamespaceCleaner;

  constructor(
    @Inject(SKIFF_CONFIG) private readonly config: SkiffConfig,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
    @Inject(StoreRuntime) private readonly rt: StoreRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.roles.has('controllers')) return;
    this.cleaner = new NamespaceCleaner(this.registry, this.rt.store, this.rt.hub);
    await this.cleaner.start();
  }

  onApplicationShutdown(): void {
    this.cleaner?.stop();
  }
}
