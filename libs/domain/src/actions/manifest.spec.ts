import { StatusError } from '../errors/status-error';
import { manifestObjects } from './manifest';

function failure(f: () => unknown): { code: number; field?: string; message: string } {
  try {
    f();
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    return { code: e.code, field: e.details?.causes?.[0]?.field, message: e.message };
  }
  throw new Error('expected a StatusError');
}

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, image: "nginx:1.26" }] }
`;

describe('manifestObjects', () => {
  it('reads every YAML document, skipping empty ones, in the asked namespace or default', () => {
    const objs = manifestObjects(`${deployment}---\n---\napiVersion: v1\nkind: Namespace\nmetadata: { name: team-a }\n`, 'team-a');
    expect(objs.map((o) => [o.path, o.type.kind, o.namespace, o.name])).toEqual([
      ['manifest[0]', 'Deployment', 'team-a', 'web'],
      ['manifest[2]', 'Namespace', '', 'team-a'],
    ]);
    expect(objs[0].object.metadata.namespace).toBe('team-a');
    expect(objs[1].object.metadata.namespace).toBeUndefined();
    expect(manifestObjects(deployment)[0].namespace).toBe('default');
  });

  it('reads JSON, and the items of a List', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'x' } }, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b' } }] };
    const objs = manifestObjects(JSON.stringify(list));
    expect(objs.map((o) => `${o.path} ${o.type.kind} ${o.namespace}/${o.name}`)).toEqual(['manifest[0].items[0] ConfigMap x/a', 'manifest[0].items[1] Secret default/b']);
  });

  it('names the field of what is wrong', () => {
    expect(failure(() => manifestObjects(''))).toMatchObject({ code: 422, field: 'manifest', message: 'manifest: Required value: no objects passed to apply' });
    expect(failure(() => manifestObjects('a: [1\n'))).toMatchObject({ code: 422, field: 'manifest[0]' });
    expect(failure(() => manifestObjects('- 1\n'))).toMatchObject({ field: 'manifest[0]' });
    expect(failure(() => manifestObjects('kind: ConfigMap\nmetadata: {name: a}\n'))).toMatchObject({ field: 'manifest[0].apiVersion' });
    expect(failure(() => manifestObjects(`${deployment}---\napiVersion: v1\nkind: Widget\nmetadata: {name: w}\n`))).toMatchObject({
      field: 'manifest[1].kind',
      message: 'manifest[1].kind: Unsupported value: "Widget": no matches for kind "Widget" in version "v1"',
    });
    expect(failure(() => manifestObjects('apiVersion: v1\nkind: Deployment\nmetadata: {name: a}\n'))).toMatchObject({
      field: 'manifest[0].apiVersion',
      message: 'manifest[0].apiVersion: Unsupported value: "v1": Deployment is served as apiVersion "apps/v1"',
    });
    expect(failure(() => manifestObjects('apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: a-}\n')).field).toBe('manifest[0].metadata.name');
  });

  it('refuses a document of another namespace than the one asked for', () => {
    const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: prod}\n';
    expect(manifestObjects(doc, 'prod')[0].namespace).toBe('prod');
    expect(failure(() => manifestObjects(doc, 'dev'))).toMatchObject({ field: 'namespace' });
    expect(failure(() => manifestObjects(doc, 'dev')).message).toContain('the namespace from the provided object "prod" does not match the namespace "dev"');
  });

  it('refuses alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(failure(() => manifestObjects(bomb)).code).toBe(422);
  });
});
