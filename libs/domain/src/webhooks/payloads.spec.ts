import { detectType, parseDelivery, type DeliveryRequest } from './payloads';

const DIGEST = 'c0ffee'.repeat(10) + 'c0ff';
const req = (body: unknown, headers: DeliveryRequest['headers'] = {}, type?: DeliveryRequest['type']): DeliveryRequest => ({ headers, body, bodyDigest: DIGEST, type });

/** A Docker Hub push notification, trimmed to the fields that matter plus some that do not. */
const dockerHubPush = {
  callback_url: 'https://registry.hub.docker.com/u/acme/web/hook/123abc/',
  push_data: { pushed_at: 1767225600, pusher: 'ci-bot', tag: 'v2.1.0' },
  repository: { repo_name: 'acme/web', name: 'web', namespace: 'acme', status: 'Active' },
};

/** A distribution registry envelope: a layer push (no tag), then the manifest push of a tag. */
const registryEnvelope = {
  events: [
    { id: 'evt-layer', action: 'push', target: { mediaType: 'application/octet-stream', repository: 'team/api', digest: 'sha256:1' }, request: { host: 'registry.local:5000' } },
    {
      id: 'evt-manifest',
      timestamp: '2026-11-26T10:00:00Z',
      action: 'push',
      target: { mediaType: 'application/vnd.oci.image.manifest.v1+json', repository: 'team/api', tag: 'main-4f2a', digest: 'sha256:2' },
      request: { host: 'registry.local:5000', method: 'PUT' },
    },
  ],
};

/** GitHub's registry_package event for a container image published to ghcr.io. */
const githubPublished = {
  action: 'published',
  registry_package: {
    id: 4242,
    name: 'Worker',
    namespace: 'Octo-Org',
    ecosystem: 'CONTAINER',
    package_type: 'CONTAINER',
    owner: { login: 'Octo-Org', type: 'Organization' },
    package_version: {
      id: 99,
      version: 'sha256:' + 'd'.repeat(64),
      container_metadata: { tag: { name: 'v3.0.1', digest: 'sha256:' + 'd'.repeat(64) }, labels: {} },
      package_url: 'ghcr.io/octo-org/worker:v3.0.1',
    },
  },
  repository: { full_name: 'Octo-Org/worker' },
};

describe('reading deliveries', () => {
  it('reads a generic payload, with or without an id', () => {
    expect(parseDelivery(req({ image: 'nginx:1.26', id: 'build-41' }))).toEqual({
      delivery: { type: 'generic', eventType: 'generic', deliveryId: 'build-41', images: ['nginx:1.26'] },
    });
    expect(parseDelivery(req({ image: 'nginx:1.26', id: 1234 }))).toMatchObject({ delivery: { deliveryId: '1234' } });
    expect(parseDelivery(req({ image: 'nginx:1.26' }))).toEqual({ delivery: { type: 'generic', eventType: 'generic', deliveryId: undefined, images: ['nginx:1.26'] } });
    expect(parseDelivery(req({ image: 'nginx:1.26', id: 'body-id' }, { 'x-github-delivery': 'header-id' }))).toMatchObject({ delivery: { deliveryId: 'header-id' } });
  });

  it('refuses a generic payload without a valid image', () => {
    expect(parseDelivery(req({ id: 'x' }))).toEqual({ error: 'a generic delivery needs "image": "name:tag"', type: 'generic', eventType: 'generic', deliveryId: 'x' });
    expect(parseDelivery(req('just text'))).toMatchObject({ error: expect.stringContaining('needs "image"') });
    expect(parseDelivery(req({ image: 'Not An Image' }))).toMatchObject({ error: '"Not An Image" is not a valid image reference' });
  });

  it('refuses delivery ids that are too long or hold spaces', () => {
    expect(parseDelivery(req({ image: 'web:1', id: 'x'.repeat(129) }))).toMatchObject({ error: expect.stringContaining('1 to 128 printable characters') });
    expect(parseDelivery(req({ image: 'web:1', id: 'a b' }))).toMatchObject({ error: expect.stringContaining('without spaces') });
  });

  it('reads a Docker Hub push, its body digest standing for the id it lacks', () => {
    expect(parseDelivery(req(dockerHubPush))).toEqual({
      delivery: { type: 'docker', eventType: 'docker-hub:push', deliveryId: `sha256:${DIGEST}`, images: ['acme/web:v2.1.0'] },
    });
    expect(parseDelivery(req({ push_data: {}, repository: { repo_name: 'acme/web' } }))).toMatchObject({ error: expect.stringContaining('push_data.tag') });
  });

  it('reads the tagged pushes of a registry notification, with the registry host', () => {
    expect(parseDelivery(req(registryEnvelope))).toEqual({
      delivery: { type: 'docker', eventType: 'registry:push', deliveryId: `sha256:${DIGEST}`, images: ['registry.local:5000/team/api:main-4f2a'] },
    });
    // One event: its own id.
    expect(parseDelivery(req({ events: [registryEnvelope.events[1]] }))).toMatchObject({ delivery: { deliveryId: 'evt-manifest' } });
    expect(parseDelivery(req({ events: [{ id: 'p', action: 'pull', target: { repository: 'team/api', tag: 'x' } }] }))).toEqual({
      delivery: { type: 'docker', eventType: 'registry:pull', deliveryId: 'p', images: [], note: 'the notification holds no push of a tagged image' },
    });
  });

  it('reads GitHub registry_package events into a ghcr.io image, lower-cased', () => {
    const headers = { 'x-github-event': 'registry_package', 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' };
    expect(parseDelivery(req(githubPublished, headers))).toEqual({
      delivery: { type: 'github', eventType: 'github:registry_package', deliveryId: '72d3162e-cc78-11e3-81ab-4c9367dc0958', images: ['ghcr.io/octo-org/worker:v3.0.1'] },
    });
    const pkg = { package: githubPublished.registry_package };
    expect(parseDelivery(req(pkg, { 'x-github-event': 'package' }))).toMatchObject({ delivery: { images: ['ghcr.io/octo-org/worker:v3.0.1'], deliveryId: undefined } });
  });

  it('finds nothing to deploy in a ping, other events, untagged versions and other package types', () => {
    expect(parseDelivery(req({ zen: 'Keep it logically awesome.' }, { 'x-github-event': 'ping', 'x-github-delivery': 'd1' }))).toEqual({
      delivery: { type: 'github', eventType: 'github:ping', deliveryId: 'd1', images: [], note: 'ping: the hook is reachable' },
    });
    expect(parseDelivery(req({}, { 'x-github-event': 'push' }))).toMatchObject({ delivery: { images: [], note: 'a "push" event publishes no image' } });
    const untagged = structuredClone(githubPublished);
    untagged.registry_package.package_version.container_metadata.tag.name = '';
    expect(parseDelivery(req(untagged, { 'x-github-event': 'registry_package' }))).toMatchObject({ delivery: { images: [], note: 'the published version has no tag' } });
    const npm = structuredClone(githubPublished);
    npm.registry_package.package_type = 'npm';
    npm.registry_package.ecosystem = 'npm';
    expect(parseDelivery(req(npm, { 'x-github-event': 'registry_package' }))).toMatchObject({ delivery: { images: [], note: 'a package of type npm is not a container image' } });
  });

  it('tells the format from the request unless the hook fixes it', () => {
    expect(detectType({ 'x-github-event': 'ping' }, {})).toBe('github');
    expect(detectType({}, dockerHubPush)).toBe('docker');
    expect(detectType({}, registryEnvelope)).toBe('docker');
    expect(detectType({}, { image: 'web:1' })).toBe('generic');
    // A hook of type docker reads a generic-looking body as Docker's, and finds it wanting.
    expect(parseDelivery(req({ image: 'web:1' }, {}, 'docker'))).toMatchObject({ type: 'docker', error: expect.stringContaining('Docker Hub') });
  });
});
