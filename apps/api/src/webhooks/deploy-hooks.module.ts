import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventRecorder } from '../events/event-recorder';
import { ObjectRegistry } from '../registry/object-registry';
import { StoreRuntime } from '../store/store-runtime';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryHandler } from './delivery-handler';
import { DeliveryLog } from './delivery-log';
import { DeployHookController } from './deploy-hook.controller';
import { HookReader } from './hook-reader';

const SWEEP_MS = 60 * 60_000;

/** Deploy hooks: signed deliveries set a workload's image (POST /hooks/<uid>), and their log. */
@Module({
  controllers: [DeployHookController, DeliveriesController],
  providers: [
    { provide: HookReader, inject: [StoreRuntime, ObjectRegistry], useFactory: (rt: StoreRuntime, registry: ObjectRegistry) => new HookReader(rt.ds, registry) },
    { provide: DeliveryLog, inject: [StoreRuntime], useFactory: (rt: StoreRuntime) => new DeliveryLog(rt.ds) },
    {
      provide: DeliveryHandler,
      inject: [HookReader, DeliveryLog, ObjectRegistry],
      useFactory: (hooks: HookReader, log: DeliveryLog, registry: ObjectRegistry) => new DeliveryHandler(hooks, log, registry, new EventRecorder(registry, 'deployhook')),
    },
  ],
})
export class DeployHooksModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(@Inject(DeliveryLog) private readonly log: DeliveryLog) {}

  /** Hourly, the deliveries of deleted hooks are dropped. */
  onApplicationBootstrap(): void {
    const sweep = () => this.log.forgetDeletedHooks().catch((e) => new Logger('deployhooks').warn(`could not drop the deliveries of deleted hooks: ${(e as Error).message}`));
    this.timer = setInterval(sweep, SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
