import { defaulted } from './test-fixtures';
import { validateObject, validateObjectUpdate } from './object-validation';

const lines = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);
const meta = { name: 'cfg', namespace: 'default' };

describe('ConfigMap validation', () => {
  it('checks keys', () => {
    const cm = { metadata: meta, data: { 'good.key': 'x', 'bad key': 'y' } };
    expect(lines(validateObject('ConfigMap', cm as never))).toEqual([
      `data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ]);
  });

  it('rejects a key in both data and binaryData', () => {
    const cm = { metadata: meta, data: { a: 'x' }, binaryData: { a: 'eA==' } };
    expect(lines(validateObject('ConfigMap', cm as never))).toEqual(['data[a]: Invalid value: "a": duplicate of key present in binaryData']);
  });

  it('limits the total size to 1 MiB', () => {
    const cm = { metadata: meta, data: { a: 'x'.repeat(1024 * 1024 + 1) } };
    expect(validateObject('ConfigMap', cm as never)).toEqual([
      { reason: 'FieldValueTooLong', field: '', message: 'Too long: must have at most 1048576 bytes' },
    ]);
  });

  it('freezes data once immutable', () => {
    const old = { metadata: { ...meta, resourceVersion: '1' }, immutable: true, data: { a: 'x' } };
    const next = { ...old, data: { a: 'y' } };
    expect(lines(validateObjectUpdate('ConfigMap', next as never, old as never))).toEqual([
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
    expect(lines(validateObjectUpdate('ConfigMap', { ...old, immutable: false } as never, old as never))).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
    ]);
    expect(validateObjectUpdate('ConfigMap', { ...old, metadata: { ...old.metadata, labels: { a: 'b' } } } as never, old as never)).toEqual([]);
  });
});

describe('Secret validation', () => {
  it('defaults the type and folds stringData into data', () => {
    const s = defaulted('Secret', { metadata: meta, stringData: { password: 'hunter2' } });
    expect(s).toEqual({ metadata: meta, type: 'Opaque', data: { password: 'aHVudGVyMg==' } });
    expect(validateObject('Secret', s as never)).toEqual([]);
  });

  it('requires the keys of well-known types', () => {
    const tls = defaulted('Secret', { metadata: meta, type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } });
    expect(lines(validateObject('Secret', tls as never))).toEqual(['data[tls.key]: Required value']);
    const basic = defaulted('Secret', { metadata: meta, type: 'kubernetes.io/basic-auth', data: {} });
    expect(lines(validateObject('Secret', basic as never))).toEqual(['data[username]: Required value', 'data[password]: Required value']);
    const docker = defaulted('Secret', { metadata: meta, type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{"auths":{}}' } });
    expect(validateObject('Secret', docker as never)).toEqual([]);
  });

  it('keeps the type immutable', () => {
    const old = defaulted('Secret', { metadata: { ...meta, resourceVersion: '1' }, data: { a: 'eA==' } });
    const next = { ...old, type: 'kubernetes.io/tls' };
    expect(validateObjectUpdate('Secret', next as never, old as never).map((c) => c.field)).toContain('type');
  });
});
