import { volumeFiles, volumeSourceNames } from './volume-files';

const src = { configMaps: new Map([['cfg', { 'app.conf': 'a=1', other: 'x' }]]), secrets: new Map([['tls', { 'tls.key': 'KEY' }]]) };

describe('ConfigMap and Secret volume files', () => {
  it('names the sources a pod projects', () => {
    expect(volumeSourceNames([{ name: 'a', configMap: { name: 'cfg' } }, { name: 'b', secret: { secretName: 'tls' } }, { name: 'c', emptyDir: {} }])).toEqual({ configMaps: ['cfg'], secrets: ['tls'] });
  });
  it('projects every key, or the listed items at their paths', () => {
    expect(volumeFiles({ name: 'a', configMap: { name: 'cfg' } }, src)).toEqual({ files: { 'app.conf': 'a=1', other: 'x' } });
    expect(volumeFiles({ name: 'a', configMap: { name: 'cfg', items: [{ key: 'app.conf', path: 'conf/app.conf' }] } }, src)).toEqual({ files: { 'conf/app.conf': 'a=1' } });
    expect(volumeFiles({ name: 'b', secret: { secretName: 'tls' } }, src)).toEqual({ files: { 'tls.key': 'KEY' } });
  });
  it('fails on a missing source unless optional; emptyDir is not its business', () => {
    expect(volumeFiles({ name: 'a', configMap: { name: 'gone' } }, src)).toEqual({ error: 'configmap "gone" not found' });
    expect(volumeFiles({ name: 'a', configMap: { name: 'gone', optional: true } }, src)).toEqual({ files: {} });
    expect(volumeFiles({ name: 'c', emptyDir: {} }, src)).toBeUndefined();
  });
});
