import { canonicalRepository, isValidTag, parseImageReference, sameRepository } from './image-reference';

describe('image references', () => {
  it('splits registry, path, tag and digest', () => {
    expect(parseImageReference('nginx')).toEqual({ registry: '', path: 'nginx' });
    expect(parseImageReference('nginx:1.26')).toEqual({ registry: '', path: 'nginx', tag: '1.26' });
    expect(parseImageReference('ghcr.io/octo-org/web:v1.2.3')).toEqual({ registry: 'ghcr.io', path: 'octo-org/web', tag: 'v1.2.3' });
    expect(parseImageReference('registry.local:5000/team/api:main-4f2a')).toEqual({ registry: 'registry.local:5000', path: 'team/api', tag: 'main-4f2a' });
    expect(parseImageReference('localhost/web')).toEqual({ registry: 'localhost', path: 'web' });
    const digest = 'sha256:' + 'a'.repeat(64);
    expect(parseImageReference(`web:2.0@${digest}`)).toEqual({ registry: '', path: 'web', tag: '2.0', digest });
    expect(parseImageReference(`web@${digest}`)).toEqual({ registry: '', path: 'web', digest });
  });

  it('refuses what is not a reference', () => {
    for (const bad of ['', 'Web:1', 'web:', 'web:-x', 'web::1', 'we b:1', 'web@sha256:xyz', '/web', 'web/', `web:${'x'.repeat(129)}`]) {
      expect([bad, parseImageReference(bad)]).toEqual([bad, undefined]);
    }
  });

  it('names repositories as Docker normalizes them', () => {
    expect(canonicalRepository(parseImageReference('nginx:1')!)).toBe('docker.io/library/nginx');
    expect(canonicalRepository(parseImageReference('index.docker.io/acme/web')!)).toBe('docker.io/acme/web');
    expect(canonicalRepository(parseImageReference('ghcr.io/acme/web')!)).toBe('ghcr.io/acme/web');
  });

  it('tells whether two images are of one repository, whatever their tags', () => {
    expect(sameRepository('nginx:1.25', 'docker.io/library/nginx:1.26')).toBe(true);
    expect(sameRepository('acme/web:1', 'docker.io/acme/web@sha256:' + 'b'.repeat(64))).toBe(true);
    expect(sameRepository('acme/web:1', 'ghcr.io/acme/web:1')).toBe(false);
    expect(sameRepository('web:1', 'acme/web:1')).toBe(false);
    expect(sameRepository('web:1', 'not a reference')).toBe(false);
  });

  it('checks tags as the distribution spec allows them', () => {
    expect(isValidTag('v1.2.3_rc-1')).toBe(true);
    expect(isValidTag('.hidden')).toBe(false);
  });
});
