import { Global, Module } from '@nestjs/common';
import { StoreRuntime } from '../store/store-runtime';
import { BearerAuthMiddleware } from './bearer-auth.middleware';
import { TokenService } from './token.service';

@Global()
@Module({
  providers: [{ provide: TokenService, inject: [StoreRuntime], useFactory: (rt: StoreRuntime) => new TokenService(rt.ds) }, BearerAuthMiddleware],
  exports: [TokenService, BearerAuthMiddleware],
})
export class AuthModule {}
