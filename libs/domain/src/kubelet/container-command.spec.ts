import { containerProcess, expandVars, podHostname } from './container-command';

describe('container command', () => {
  it('expands $(VAR), keeps $$(VAR) literal and unknown ones as written', () => {
    expect(expandVars('$(A)-$$(A)-$(B)', { A: 'x' })).toBe('x-$(A)-$(B)');
  });

  it('uses the image entrypoint and cmd, args replacing cmd, command replacing both', () => {
    const image = { entrypoint: ['node'], cmd: ['server.js'], env: ['PORT=8080', 'V=1'] };
    expect(containerProcess(image, {}, {}).argv).toEqual(['node', 'server.js']);
    expect(containerProcess(image, { args: ['other.js'] }, {}).argv).toEqual(['node', 'other.js']);
    expect(containerProcess(image, { command: ['sh', '-c'], args: ['echo $(PORT)'] }, {}).argv).toEqual(['sh', '-c', 'echo 8080']);
  });

  it('layers env: downward API, then image, then container (which may use earlier values)', () => {
    const { env } = containerProcess({ env: ['PORT=8080'] }, { env: [{ name: 'URL', value: 'http://$(POD_IP):$(PORT)' }, { name: 'PORT', value: '9090' }] }, { POD_IP: '127.64.0.2' });
    expect(env).toEqual({ POD_IP: '127.64.0.2', PORT: '9090', URL: 'http://127.64.0.2:8080' });
  });
});

describe('podHostname', () => {
  it('is spec.hostname, else the pod name cut to 63 characters without a trailing dash or dot', () => {
    expect(podHostname({ metadata: { name: 'web-1' }, spec: { hostname: 'db' } })).toBe('db');
    expect(podHostname({ metadata: { name: 'web-1' }, spec: {} })).toBe('web-1');
    expect(podHostname({ metadata: { name: 'a'.repeat(62) + '-b' } })).toBe('a'.repeat(62));
  });
});
