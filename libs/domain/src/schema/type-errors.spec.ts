import * as fs from 'fs';
import * as path from 'path';
import YAML from 'yaml';
import { defaulted, sampleObjects } from '../validation/test-fixtures';
import { findTypeMismatch } from './type-errors';

const deployment = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });

describe('findTypeMismatch', () => {
  it.each(Object.entries(sampleObjects()))('finds none in a valid %s, as written and as defaulted', (kind, obj) => {
    expect(findTypeMismatch(kind, obj)).toBeUndefined();
    expect(findTypeMismatch(kind, defaulted(kind, obj))).toBeUndefined();
  });

  it('finds none in the example manifests', () => {
    const dir = path.join(__dirname, '../../../../examples');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
        const obj = doc.toJS() as { kind?: string } | null;
        if (obj?.kind) expect([file, findTypeMismatch(obj.kind, obj)]).toEqual([file, undefined]);
      }
    }
  });

  it('names a string where an int32 goes, and an int32 out of range', () => {
    expect(findTypeMismatch('Deployment', deployment({ replicas: '3' }))).toEqual({ field: 'spec.replicas', got: 'string', want: 'int32' });
    expect(findTypeMismatch('Deployment', deployment({ replicas: 2 ** 31 }))).toEqual({ field: 'spec.replicas', got: 'number 2147483648', want: 'int32' });
    expect(findTypeMismatch('Deployment', deployment({ replicas: 1.5 }))).toMatchObject({ field: 'spec.replicas', got: 'number 1.5' });
    expect(findTypeMismatch('Deployment', deployment({ replicas: Infinity }))).toMatchObject({ got: 'number 1e400' });
  });

  it('names an object where a list goes, and a list where a map goes', () => {
    expect(findTypeMismatch('ConfigMap', { metadata: { name: 'x', finalizers: { x: 1 } } })).toEqual({ field: 'metadata.finalizers', got: 'object', want: '[]string' });
    expect(findTypeMismatch('ConfigMap', { metadata: { name: 'x', ownerReferences: 'x' } })).toMatchObject({ field: 'metadata.ownerReferences', got: 'string' });
    expect(findTypeMismatch('ConfigMap', { metadata: { labels: { a: 5 } } })).toEqual({ field: 'metadata.labels.a', got: 'number 5', want: 'string' });
    expect(findTypeMismatch('ConfigMap', { data: [1] })).toEqual({ field: 'data', got: 'array', want: 'map[string]string' });
  });

  it('takes either type of a union, null anywhere, and anything where unknown fields are kept', () => {
    const ports = (targetPort: unknown) => ({ kind: 'Service', spec: { ports: [{ port: 80, targetPort }] } });
    expect(findTypeMismatch('Service', ports(8080))).toBeUndefined();
    expect(findTypeMismatch('Service', ports('http'))).toBeUndefined();
    expect(findTypeMismatch('Service', ports(true))).toEqual({ field: 'spec.ports[0].targetPort', got: 'bool', want: 'integer or string' });
    expect(findTypeMismatch('Deployment', deployment({ replicas: null, selector: null }))).toBeUndefined();
    expect(findTypeMismatch('ControllerRevision', { data: { anything: [1, { a: true }] } })).toBeUndefined();
  });

  it('leaves undeclared fields and unknown kinds alone', () => {
    expect(findTypeMismatch('Deployment', deployment({ nope: { deep: 1 } }))).toBeUndefined();
    expect(findTypeMismatch('Widget', { spec: 'x' })).toBeUndefined();
  });
});
