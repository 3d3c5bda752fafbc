import { MASTERS_GROUP } from '../auth/token.service';
import { MAX_TOKEN_SECONDS, ownerFor, requireAdmin, requireSelfOrAdmin, requiredString, tokenExpiry, userGroups } from './account-rules';

const admin = { name: 'root', groups: [MASTERS_GROUP] };
const alice = { name: 'alice', groups: ['team-a'] };

describe('account rules', () => {
  it('lets cluster admins manage users, and a user its own password only', () => {
    expect(() => requireAdmin(admin, 'list users')).not.toThrow();
    expect(() => requireAdmin(alice, 'list users')).toThrow('User "alice" cannot list users: only cluster admins may');
    expect(() => requireSelfOrAdmin(alice, 'alice', 'change the password')).not.toThrow();
    expect(() => requireSelfOrAdmin(alice, 'bob', 'change the password')).toThrow('User "alice" cannot change the password of "bob": only cluster admins may');
  });

  it('scopes tokens to their owner: a user its own, an admin anyone’s or everyone’s', () => {
    expect(ownerFor(alice, undefined, 'list the tokens of')).toBe('alice');
    expect(ownerFor(alice, 'alice', 'list the tokens of')).toBe('alice');
    expect(() => ownerFor(alice, 'bob', 'list the tokens of')).toThrow('User "alice" cannot list the tokens of "bob"');
    expect(ownerFor(admin, undefined, 'list the tokens of')).toBeUndefined();
    expect(ownerFor(admin, 'bob', 'list the tokens of')).toBe('bob');
  });

  it('checks arguments with 422s naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code: number; details?: { causes?: { field: string }[] } }).details?.causes?.[0].field;
      }
      return 'no error';
    };
    expect(field(() => requiredString('', 'name'))).toBe('name');
    expect(userGroups(undefined)).toEqual([]);
    expect(userGroups(['team-a'])).toEqual(['team-a']);
    expect(field(() => userGroups(['system:masters']))).toBe('groups');
    expect(field(() => userGroups('team-a'))).toBe('groups');
    expect(tokenExpiry(undefined)).toBeUndefined();
    expect(tokenExpiry(60, 0)).toEqual(new Date(60_000));
    expect(field(() => tokenExpiry(59))).toBe('expiresInSeconds');
    expect(field(() => tokenExpiry(MAX_TOKEN_SECONDS + 1))).toBe('expiresInSeconds');
    expect(field(() => tokenExpiry(90.5))).toBe('expiresInSeconds');
  });
});
