import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { SKIFF_CONFIG, type SkiffConfig } from '../config/skiff-config';
import { StoreRuntime } from './store-runtime';

@Global()
@Module({
  providers: [
    {
      provide: StoreRuntime,
      inject: [SKIFF_CONFIG],
      useFactory: (config: SkiffConfig) => StoreRuntime.start(config, new Logger('store')),
    },
  ],
  exports: [StoreRuntime],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(StoreRuntime) private readonly runtime: StoreRuntime) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
