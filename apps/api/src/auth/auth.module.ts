import { Global, Module } from '@nestjs/common';
import { AccountService } from '../accounts/account-service';
import { LoginRateLimit } from '../accounts/login-rate-limit';
import { SessionService } from '../accounts/session-service';
import { StoreRuntime } from '../store/store-runtime';
import { BearerAuthMiddleware } from './bearer-auth.middleware';
import { RbacPolicyCache } from './rbac-policy-cache';
import { RequestAuthorizer } from './request-authorizer';
import { TokenService } from './token.service';

@Global()
@Module({
  providers: [
    {
      provide: TokenService,
      inject: [StoreRuntime],
      useFactory: async (rt: StoreRuntime) => {
        const tokens = new TokenService(rt.ds, `skiff_tokens_${rt.schema}`);
        await tokens.listenForInvalidations(rt.connect);
        return tokens;
      },
    },
    { provide: AccountService, inject: [StoreRuntime, TokenService], useFactory: (rt: StoreRuntime, tokens: TokenService) => new AccountService(rt.ds, () => tokens.forget()) },
    { provide: RbacPolicyCache, inject: [StoreRuntime], useFactory: (rt: StoreRuntime) => new RbacPolicyCache(rt) },
    { provide: RequestAuthorizer, inject: [RbacPolicyCache], useFactory: (policy: RbacPolicyCache) => new RequestAuthorizer(policy) },
    { provide: SessionService, inject: [StoreRuntime], useFactory: (rt: StoreRuntime) => new SessionService(rt.ds) },
    { provide: LoginRateLimit, useFactory: () => new LoginRateLimit() },
    BearerAuthMiddleware,
  ],
  exports: [TokenService, AccountService, SessionService, LoginRateLimit, RequestAuthorizer, BearerAuthMiddleware],
})
export class AuthModule {}
