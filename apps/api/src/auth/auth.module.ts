import { Global, Module } from '@nestjs/common';
import { AccountService } from '../accounts/account-service';
import { StoreRuntime } from '../store/store-runtime';
import { BearerAuthMiddleware } from './bearer-auth.middleware';
import { TokenService } from './token.service';

@Global()
@Module({
  providers: [
    { provide: TokenService, inject: [StoreRuntime], useFactory: (rt: StoreRuntime) => new TokenService(rt.ds) },
    { provide: AccountService, inject: [StoreRuntime, TokenService], useFactory: (rt: StoreRuntime, tokens: TokenService) => new AccountService(rt.ds, () => tokens.forget()) },
    BearerAuthMiddleware,
  ],
  exports: [TokenService, AccountService, BearerAuthMiddleware],
})
export class AuthModule {}
