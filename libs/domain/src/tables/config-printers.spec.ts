import { accessModesText, CONFIG_MAP_PRINTER, PVC_PRINTER, SECRET_PRINTER } from './config-printers';

const now = new Date('2025-06-01T12:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2025-06-01T11:59:30Z' };

describe('config and storage table rows', () => {
  it('counts the text and binary keys of a config map', () => {
    expect(CONFIG_MAP_PRINTER.cells({ metadata, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }, now)).toEqual(['x', 3, '30s']);
    expect(CONFIG_MAP_PRINTER.cells({ metadata }, now)).toEqual(['x', 0, '30s']);
  });

  it('prints the type and key count of a secret', () => {
    expect(SECRET_PRINTER.cells({ metadata, type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } }, now)).toEqual(['x', 'kubernetes.io/tls', 2, '30s']);
  });

  it('prints a bound claim with the capacity and access modes of its volume', () => {
    const pvc = {
      metadata,
      spec: { volumeName: 'pv-1', storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Bound', capacity: { storage: '2Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] },
    };
    expect(PVC_PRINTER.cells(pvc, now)).toEqual(['x', 'Bound', 'pv-1', '2Gi', 'RWO,RWX', 'standard', '<unset>', '30s', '<unset>']);
  });

  it('prints a pending claim with empty capacity and the legacy class annotation', () => {
    const pvc = { metadata: { ...metadata, annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' } }, spec: { storageClassName: 'new', volumeMode: 'Block' }, status: { phase: 'Pending' } };
    expect(PVC_PRINTER.cells(pvc, now)).toEqual(['x', 'Pending', '', '', '', 'old', '<unset>', '30s', 'Block']);
  });

  it('shows Terminating for a claim being deleted', () => {
    expect(PVC_PRINTER.cells({ metadata: { ...metadata, deletionTimestamp: metadata.creationTimestamp }, spec: {}, status: { phase: 'Bound' } }, now)[1]).toBe('Terminating');
  });

  it('abbreviates access modes in a fixed order', () => {
    expect(accessModesText(['ReadWriteOncePod', 'ReadOnlyMany', 'ReadOnlyMany'])).toBe('ROX,RWOP');
  });
});
