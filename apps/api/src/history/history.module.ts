import { Global, Module } from '@nestjs/common';
import { RequestAuthorizer } from '../auth/request-authorizer';
import { StoreRuntime } from '../store/store-runtime';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';
import { HistoryStore } from './history-store';

/** History and time travel of objects from the change log: REST here; global so GraphQL's resolvers get HistoryService. */
@Global()
@Module({
  controllers: [HistoryController],
  providers: [
    { provide: HistoryStore, inject: [StoreRuntime], useFactory: (rt: StoreRuntime) => new HistoryStore(rt.ds, rt.store.codec) },
    {
      provide: HistoryService,
      inject: [HistoryStore, RequestAuthorizer],
      useFactory: (store: HistoryStore, authorizer: RequestAuthorizer) => new HistoryService(store, authorizer),
    },
  ],
  exports: [HistoryService],
})
export class HistoryModule {}
