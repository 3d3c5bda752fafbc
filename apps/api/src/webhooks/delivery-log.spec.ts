import { randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import { isolatedConfig } from '../../test/support/isolation';
import { createDataSource, migrate } from '../store/data-source';
import { DeliveryLog } from './delivery-log';
import { signatureMatches, signBody } from './signature';

describe('deploy hook delivery log (real Postgres)', () => {
  let ds: DataSource;
  let log: DeliveryLog;
  const delivery = (deliveryId: string) => ({ deliveryId, sourceIP: '127.0.0.1', eventType: 'generic', image: 'web:2.0' });

  beforeAll(async () => {
    const config = isolatedConfig();
    ds = createDataSource(config, 4);
    await ds.initialize();
    await migrate(ds, config.databaseSchema);
    log = new DeliveryLog(ds, 3);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('lets the first request of a delivery id handle it, and answers later ones with its result', async () => {
    const hook = randomUUID();
    expect(await log.claim(hook, delivery('d1'))).toEqual({ claimed: true });
    // While the first is being handled, another sees it pending.
    expect(await log.claim(hook, delivery('d1'))).toMatchObject({ claimed: false, first: { deliveryId: 'd1', outcome: 'pending' } });
    await log.finish(hook, 'd1', { outcome: 'applied', code: 200, message: 'container "web": web:1.0 → web:2.0', image: 'web:2.0', targetResourceVersion: '42' });
    expect(await log.claim(hook, delivery('d1'))).toEqual({
      claimed: false,
      first: {
        deliveryId: 'd1',
        receivedAt: expect.any(String),
        sourceIP: '127.0.0.1',
        eventType: 'generic',
        image: 'web:2.0',
        outcome: 'applied',
        code: 200,
        message: 'container "web": web:1.0 → web:2.0',
        targetResourceVersion: '42',
      },
    });
    // The same id for another hook is another delivery.
    expect(await log.claim(randomUUID(), delivery('d1'))).toEqual({ claimed: true });
  });

  it('lets a failed delivery be delivered again, but not a rejected one', async () => {
    const hook = randomUUID();
    await log.claim(hook, delivery('f'));
    await log.finish(hook, 'f', { outcome: 'failed', code: 404, message: 'deployments.apps "web" not found' });
    expect(await log.claim(hook, delivery('f'))).toEqual({ claimed: true });
    await log.claim(hook, delivery('r'));
    await log.finish(hook, 'r', { outcome: 'rejected', code: 422, message: 'tag "latest" is not allowed' });
    expect(await log.claim(hook, delivery('r'))).toMatchObject({ claimed: false, first: { outcome: 'rejected', code: 422 } });
  });

  it('takes over a delivery left pending by a process that died', async () => {
    const hook = randomUUID();
    await log.claim(hook, delivery('stuck'));
    await ds.query(`UPDATE deploy_hook_deliveries SET received_at = now() - interval '2 minutes' WHERE hook_uid = $1`, [hook]);
    expect(await log.claim(hook, delivery('stuck'))).toEqual({ claimed: true });
  });

  it('keeps the newest deliveries of each hook, newest first', async () => {
    const hook = randomUUID();
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      await log.claim(hook, delivery(id));
      await log.finish(hook, id, { outcome: 'unchanged', code: 200, message: 'ok' });
    }
    expect((await log.list(hook)).map((d) => d.deliveryId)).toEqual(['e', 'd', 'c']);
  });

  it('drops the deliveries of hooks that no longer exist, once an hour has passed', async () => {
    const hook = randomUUID();
    await log.claim(hook, delivery('old'));
    await log.finish(hook, 'old', { outcome: 'applied', code: 200, message: 'ok' });
    await log.forgetDeletedHooks();
    expect(await log.list(hook)).toHaveLength(1);
    await ds.query(`UPDATE deploy_hook_deliveries SET received_at = now() - interval '2 hours' WHERE hook_uid = $1`, [hook]);
    await log.forgetDeletedHooks();
    expect(await log.list(hook)).toEqual([]);
  });
});

describe('delivery signatures', () => {
  const body = Buffer.from('{"image":"web:2.0"}');
  const token = Buffer.from('s3cret');

  it('accepts the HMAC-SHA256 of the body with the token, in GitHub\'s header form', () => {
    const header = signBody(body, token);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signatureMatches(body, header, token)).toBe(true);
    expect(signatureMatches(body, header.toUpperCase().replace('SHA256=', 'sha256='), token)).toBe(true);
  });

  it('refuses another body, another token, a missing or malformed header and an empty token', () => {
    const header = signBody(body, token);
    expect(signatureMatches(Buffer.from('{"image":"web:3.0"}'), header, token)).toBe(false);
    expect(signatureMatches(body, header, Buffer.from('other'))).toBe(false);
    expect(signatureMatches(body, undefined, token)).toBe(false);
    expect(signatureMatches(body, header.replace('sha256=', 'sha1='), token)).toBe(false);
    expect(signatureMatches(body, header.slice(0, -2), token)).toBe(false);
    expect(signatureMatches(body, signBody(body, Buffer.alloc(0)), Buffer.alloc(0))).toBe(false);
  });
});
