import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Errors } from '@skiff/domain';

/** Login attempts one address may make per minute, right or wrong. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

/**
 * Per-address limit on login attempts (429 with Retry-After beyond it), in front of
 * the per-account lockout. It is per API process: the lockout, kept in Postgres, is
 * what holds across processes.
 */
export class LoginRateLimit {
  private readonly limiter = new RateLimiterMemory({ points: LOGIN_ATTEMPTS_PER_MINUTE, duration: 60 });

  async consume(address: string): Promise<void> {
    try {
      await this.limiter.consume(address);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw Errors.tooManyRequests(`too many login attempts from ${address}: try again in ${seconds}s`, seconds);
    }
  }
}
