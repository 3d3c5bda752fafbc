import { Global, Module } from '@nestjs/common';
import { AccountService } from '../accounts/account-service';
import { StoreRuntime } from '../store/store-runtime';
import { BearerAuthMiddleware } from './bearer-auth.middleware';
import { RbacPolicyCache } from './rbac-policy-cache';
import { RequestAuthorizer } from './request-authorizer';
import { TokenService } from './token.service';

@Global()
@Module({
  providers: [
    { provide: TokenService, inject: [StoreRuntime], useFactory: (rt: StoreRuntime) => new TokenService(rt.ds) },
    { provide: AccountService, inject: [StoreRuntime, TokenService], useFactory: (rt: StoreRuntime, tokens: TokenService) => new AccountService(rt.ds, () => tokens.forget()) },
    { provide: RbacPolicyCache, inject: [StoreRuntime], useFactory: (rt: StoreRuntime) => new RbacPolicyCache(rt) },
    { provide: RequestAuthorizer, inject: [RbacPolicyCache], useFactory: (policy: RbacPolicyCache) => new RequestAuthorizer(policy) },
    BearerAuthMiddleware,
  ],
  exports: [TokenService, AccountService, RequestAuthorizer, BearerAuthMiddleware],
})
export class AuthModule {}
