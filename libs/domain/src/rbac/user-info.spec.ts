import { anonymousUser, parseServiceAccountUsername, serviceAccountUser, withAuthenticatedGroup } from './user-info';

describe('user info', () => {
  it('adds system:authenticated once, as the authentication layer does', () => {
    expect(withAuthenticatedGroup({ name: 'alice', groups: ['dev'] })).toEqual({ name: 'alice', groups: ['dev', 'system:authenticated'] });
    const already = { name: 'alice', groups: ['system:authenticated', 'dev'] };
    expect(withAuthenticatedGroup(already)).toBe(already);
  });

  it('leaves an unauthenticated identity alone', () => {
    expect(withAuthenticatedGroup(anonymousUser())).toEqual({ name: 'system:anonymous', groups: ['system:unauthenticated'] });
  });

  it('names a service account as its tokens do', () => {
    expect(serviceAccountUser('team-a', 'robot')).toEqual({
      name: 'system:serviceaccount:team-a:robot',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:team-a', 'system:authenticated'],
    });
  });

  it('parses service account user names, and nothing else', () => {
    expect(parseServiceAccountUsername('system:serviceaccount:team-a:robot')).toEqual({ namespace: 'team-a', name: 'robot' });
    expect(parseServiceAccountUsername('system:serviceaccount:team-a')).toBeUndefined();
    expect(parseServiceAccountUsername('system:serviceaccount:a:b:c')).toBeUndefined();
    expect(parseServiceAccountUsername('alice')).toBeUndefined();
  });
});
