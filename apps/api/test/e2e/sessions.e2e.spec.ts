import { StoreRuntime } from '../../src/store/store-runtime';
import { LOGIN_ATTEMPTS_PER_MINUTE } from '../../src/accounts/login-rate-limit';
import { startTestApi, type TestApi } from '../support/test-server';

/** The dashboard's way in: the first admin, login sessions in httpOnly cookies, and limits on guessing. */
describe('login sessions', () => {
  let api: TestApi;
  let attempts = 0;
  const ADMIN_PASSWORD = 'first-admin-password-from-env';

  async function login(name: string, password: string) {
    attempts++;
    const r = await api.call('POST', '/skiff/v1/login', { token: null, body: { name, password } });
    const setCookie = String(r.headers['set-cookie'] ?? '');
    return { ...r, setCookie, cookie: setCookie.split(';')[0] };
  }
  const origin = () => ({ origin: api.url });
  const query = (sql: string, args: unknown[] = []) => api.server.app.get(StoreRuntime).ds.query(sql, args);

  beforeAll(async () => {
    api = await startTestApi({ SKIFF_ADMIN_PASSWORD: ADMIN_PASSWORD });
    await api.call('POST', '/skiff/v1/users', { body: { name: 'vera', password: 'vera-long-password' } });
    await api.kubectlOk(['create', 'rolebinding', 'vera-view', '-n', 'default', '--clusterrole=view', '--user=vera']);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('creates the first admin at first start with the password from the environment, once', async () => {
    const users = await api.call('GET', '/skiff/v1/users');
    expect(users.body.items.find((u: { name: string }) => u.name === 'admin')).toMatchObject({ groups: ['system:masters'] });
    const ok = await login('admin', ADMIN_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ kind: 'Session', user: 'admin', groups: ['system:masters'] });
  });

  it('answers health and version without credentials, and nothing else', async () => {
    for (const p of ['/healthz', '/readyz', '/livez', '/version']) expect((await api.call('GET', p, { token: null })).status).toBe(200);
    expect((await api.call('GET', '/api/v1/namespaces', { token: null })).status).toBe(401);
    expect((await api.call('GET', '/skiff/v1/session', { token: null })).status).toBe(401);
  });

  it('sets an httpOnly, Secure, SameSite=Strict cookie whose value the database does not hold', async () => {
    const r = await login('admin', ADMIN_PASSWORD);
    expect(r.setCookie).toMatch(/^skiff_session=[\w-]{40,};/);
    expect(r.setCookie).toMatch(/HttpOnly/);
    expect(r.setCookie).toMatch(/Secure/);
    expect(r.setCookie).toMatch(/SameSite=Strict/);
    const id = r.cookie.split('=')[1];
    const rows = await query(`SELECT * FROM sessions`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(id);
    const who = await api.call('GET', '/skiff/v1/session', { token: null, headers: { cookie: r.cookie } });
    expect(who.body).toMatchObject({ user: 'admin' });
  });

  it('lets a session read and, from this server’s pages only, write; RBAC applies to sessions too', async () => {
    const admin = (await login('admin', ADMIN_PASSWORD)).cookie;
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'from-dashboard' }, data: { a: 'b' } };
    const path = '/api/v1/namespaces/default/configmaps';
    const crossSite = await api.call('POST', path, { token: null, headers: { cookie: admin, origin: 'https://evil.example' }, body: cm });
    expect(crossSite.status).toBe(403);
    expect((await api.call('POST', path, { token: null, headers: { cookie: admin }, body: cm })).status).toBe(403);
    expect((await api.call('POST', path, { token: null, headers: { cookie: admin, ...origin() }, body: cm })).status).toBe(201);

    const vera = (await login('vera', 'vera-long-password')).cookie;
    expect((await api.call('GET', `${path}/from-dashboard`, { token: null, headers: { cookie: vera } })).status).toBe(200);
    const del = await api.call('DELETE', `${path}/from-dashboard`, { token: null, headers: { cookie: vera, ...origin() } });
    expect(del.status).toBe(403);
    expect(del.body.message).toBe('configmaps "from-dashboard" is forbidden: User "vera" cannot delete resource "configmaps" in API group "" in the namespace "default"');
  });

  it('ends a session at logout and all of a user’s sessions when its password changes', async () => {
    const a = (await login('vera', 'vera-long-password')).cookie;
    const b = (await login('vera', 'vera-long-password')).cookie;
    const session = (cookie: string) => api.call('GET', '/skiff/v1/session', { token: null, headers: { cookie } });
    expect((await session(a)).status).toBe(200);
    const out = await api.call('POST', '/skiff/v1/logout', { token: null, headers: { cookie: a, ...origin() } });
    expect(String(out.headers['set-cookie'])).toMatch(/skiff_session=;.*Max-Age=0/);
    expect((await session(a)).status).toBe(401);
    expect((await session(b)).status).toBe(200);
    await api.call('PUT', '/skiff/v1/users/vera/password', { body: { password: 'vera-new-long-password' } });
    expect((await session(b)).status).toBe(401);
  });

  it('answers a wrong password with 401 and, past the per-address limit, 429 with Retry-After', async () => {
    const wrong = await login('admin', 'not the password');
    expect(wrong.status).toBe(401);
    expect(wrong.setCookie).toBe('');
    expect((await login('nobody-at-all', 'whatever')).status).toBe(401);
    while (attempts < LOGIN_ATTEMPTS_PER_MINUTE) await login('vera', 'vera-new-long-password');
    const limited = await login('admin', ADMIN_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.reason).toBe('TooManyRequests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
