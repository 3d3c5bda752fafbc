import { envSourceNames, resolveContainerEnv } from './env-resolution';

const pod = { kind: 'Pod', metadata: { name: 'p', namespace: 'ns', labels: { app: 'web' } }, spec: { nodeName: 'n1' }, status: { podIP: '127.64.0.2' } };
const src = {
  configMaps: new Map([['cfg', { MODE: 'fast', 'bad key': 'x', LEVEL: '1' }]]),
  secrets: new Map([['creds', { password: 's3cret' }]]),
};

describe('container env resolution', () => {
  it('lists the sources a pod reads', () => {
    expect(envSourceNames([{ name: 'c', envFrom: [{ configMapRef: { name: 'cfg' } }], env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } }] }])).toEqual({ configMaps: ['cfg'], secrets: ['creds'] });
  });

  it('takes envFrom first (prefixed, invalid keys skipped), then env in order, and the downward API', () => {
    const r = resolveContainerEnv(
      {
        name: 'c',
        envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
        env: [
          { name: 'CFG_MODE', value: 'slow' },
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
          { name: 'ME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
          { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        ],
      },
      pod,
      src,
    );
    expect(r).toEqual({
      env: [
        { name: 'CFG_MODE', value: 'slow' },
        { name: 'CFG_LEVEL', value: '1' },
        { name: 'PASSWORD', value: 's3cret' },
        { name: 'ME', value: 'p' },
        { name: 'APP', value: 'web' },
        { name: 'IP', value: '127.64.0.2' },
      ],
    });
  });

  it('fails on a missing source or key unless optional', () => {
    expect(resolveContainerEnv({ name: 'c', envFrom: [{ configMapRef: { name: 'gone' } }] }, pod, src)).toEqual({ error: 'configmap "gone" not found' });
    expect(resolveContainerEnv({ name: 'c', envFrom: [{ configMapRef: { name: 'gone', optional: true } }] }, pod, src)).toEqual({ env: [] });
    expect(resolveContainerEnv({ name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'NOPE' } } }] }, pod, src)).toEqual({ error: "couldn't find key NOPE in ConfigMap ns/cfg" });
  });
});
