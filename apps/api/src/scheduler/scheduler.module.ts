import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { EventRecorder } from '../events/event-recorder';
import { ObjectRegistry } from '../registry/object-registry';
import { StoreRuntime } from '../store/store-runtime';
import { Scheduler } from './scheduler';

/** The scheduler role (SKIFF_ROLES). */
@Module({})
export class SchedulerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private scheduler?: Scheduler;

  constructor(
    @Inject(SKIFF_CONFIG) private readonly config: SkiffConfig,
    @Inject(ObjectRegistry) private readonly registry: ObjectRegistry,
    @Inject(StoreRuntime) private readonly rt: StoreRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.roles.has('scheduler')) return;
    this.scheduler = new Scheduler(this.registry, this.rt.store, this.rt.hub, new EventRecorder(this.registry, 'default-scheduler'), {
      redisUrl: this.config.redisUrl,
      prefix: this.config.redisPrefix,
    });
    await this.scheduler.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.scheduler?.stop();
  }
}
