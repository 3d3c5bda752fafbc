import type { DataSource } from 'typeorm';
import { isolatedConfig } from '../../test/support/isolation';
import { MASTERS_GROUP, TokenService } from '../auth/token.service';
import { createDataSource, migrate } from '../store/data-source';
import { AccountService, LOCKOUT } from './account-service';

describe('accounts and tokens (real Postgres)', () => {
  let ds: DataSource;
  let tokens: TokenService;
  let accounts: AccountService;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    const config = isolatedConfig();
    ds = createDataSource(config, 4);
    await ds.initialize();
    await migrate(ds, config.databaseSchema);
    tokens = new TokenService(ds);
    accounts = new AccountService(ds, () => tokens.forget());
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  it('stores an argon2id hash, never the password, and logs in with the right one only', async () => {
    await accounts.create('alice', password, ['team-a']);
    const [row] = await ds.query(`SELECT * FROM users WHERE name = 'alice'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(password);
    expect((await accounts.login('alice', password))?.groups).toEqual(['team-a']);
    expect(await accounts.login('alice', 'wrong password!!')).toBeUndefined();
    expect(await accounts.login('nobody', password)).toBeUndefined();
  });

  it('refuses bad names, short passwords and a second user of a name', async () => {
    await expect(accounts.create('Bad Name', password)).rejects.toMatchObject({ code: 400 });
    await expect(accounts.create('bob', 'short')).rejects.toMatchObject({ code: 400 });
    await accounts.create('bob', password);
    await expect(accounts.create('bob', password)).rejects.toMatchObject({ code: 409 });
  });

  it(`locks an account after ${LOCKOUT.failures} wrong passwords in a row, even to the right one, until the lock ends`, async () => {
    await accounts.create('carol', password);
    const t0 = new Date();
    for (let i = 0; i < LOCKOUT.failures; i++) expect(await accounts.login('carol', `wrong-${i}-password`, t0)).toBeUndefined();
    expect(await accounts.login('carol', password, t0)).toBeUndefined();
    expect((await accounts.get('carol'))?.lockedUntil).toBeDefined();
    const later = new Date(t0.getTime() + LOCKOUT.ms + 1000);
    expect((await accounts.login('carol', password, later))?.name).toBe('carol');
  });

  it('changes a password (and unlocks), and says when there is no such user', async () => {
    await accounts.setPassword('carol', 'another long password');
    expect(await accounts.login('carol', password)).toBeUndefined();
    expect((await accounts.login('carol', 'another long password'))?.name).toBe('carol');
    await expect(accounts.setPassword('nobody', 'another long password')).rejects.toMatchObject({ code: 404 });
  });

  it('keeps only the SHA-256 of a token; the token is shown once', async () => {
    const token = await tokens.issue('laptop', { name: 'alice', groups: [] });
    const rows = await ds.query(`SELECT * FROM tokens`);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await tokens.authenticate(token))?.name).toBe('alice');
    // Groups come from the account, so a change applies to its tokens.
    expect((await tokens.authenticate(token))?.groups).toEqual(['team-a']);
  });

  it('refuses expired and revoked tokens, and records the last use', async () => {
    const now = Date.now();
    const expiring = await tokens.issue('short-lived', { name: 'bob', groups: [] }, { expiresAt: new Date(now + 60_000) });
    expect(await tokens.authenticate(expiring, now)).not.toBeNull();
    expect(await tokens.authenticate(expiring, now + 61_000)).toBeNull();

    const revoked = await tokens.issue('ci', { name: 'bob', groups: [] });
    expect(await tokens.authenticate(revoked)).not.toBeNull();
    // The last use is written beside the request, not before it answers.
    let ci = (await tokens.list('bob')).find((t) => t.name === 'ci')!;
    for (let i = 0; i < 50 && !ci.lastUsedAt; i++) {
      await new Promise((r) => setTimeout(r, 20));
      ci = (await tokens.list('bob')).find((t) => t.name === 'ci')!;
    }
    expect(ci.lastUsedAt).toBeDefined();
    expect(await tokens.revoke(ci.id, 'alice')).toBe(false); // not alice's to revoke
    expect(await tokens.revoke(ci.id)).toBe(true);
    expect(await tokens.authenticate(revoked)).toBeNull();
    expect((await tokens.list('bob')).find((t) => t.name === 'ci')?.revokedAt).toBeDefined();
  });

  it('revokes every token of a deleted user', async () => {
    const token = await tokens.issue('desk', { name: 'bob', groups: [] });
    expect(await tokens.authenticate(token)).not.toBeNull();
    await accounts.delete('bob');
    expect(await tokens.authenticate(token)).toBeNull();
    await expect(accounts.delete('bob')).rejects.toMatchObject({ code: 404 });
  });

  it('leaves the system tokens (no account) with the groups they were issued with', async () => {
    const admin = await tokens.issue('admin kubeconfig', { name: 'admin', groups: [MASTERS_GROUP] });
    expect((await tokens.authenticate(admin))?.groups).toEqual([MASTERS_GROUP]);
  });
});
