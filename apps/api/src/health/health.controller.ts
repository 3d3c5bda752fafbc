import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { StoreRuntime } from '../store/store-runtime';

const READY_TIMEOUT_MS = 2000;

/**
 * kube-apiserver's health endpoints, public: /livez and /healthz say the process serves;
 * /readyz also asks Postgres, so a load balancer (or docker-compose) stops sending traffic
 * to a replica that cannot reach the store, and sends it again once it can.
 */
@Controller()
export class HealthController {
  constructor(@Inject(StoreRuntime) private readonly rt: StoreRuntime) {}

  @Get(['healthz', 'livez'])
  live(@Res() res: Response): void {
    res.type('text/plain').send('ok');
  }

  @Get('readyz')
  async ready(@Res() res: Response): Promise<void> {
    const failed = await this.postgresFailure();
    if (!failed) {
      res.type('text/plain').send('ok');
      return;
    }
    res.status(503).type('text/plain').send(`[-]postgres failed: ${failed}\nreadyz check failed\n`);
  }

  private async postgresFailure(): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('no answer within 2s'), READY_TIMEOUT_MS)));
    try {
      return await Promise.race([this.rt.ds.query('SELECT 1').then(() => undefined), timeout]);
    } catch (e) {
      return (e as Error).message || 'unreachable';
    } finally {
      clearTimeout(timer);
    }
  }
}
