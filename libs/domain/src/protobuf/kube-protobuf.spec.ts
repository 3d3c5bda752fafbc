import { Writer } from 'protobufjs/minimal';
import { rejection } from '../testing/rejection';
import { decodeKubeProtobuf } from './kube-protobuf';

type Build = (w: Writer) => void;

/** A length-delimited field holding a nested message. */
const msg = (w: Writer, field: number, build: Build) => {
  w.uint32((field << 3) | 2).fork();
  build(w);
  w.ldelim();
};
const str = (w: Writer, field: number, s: string) => w.uint32((field << 3) | 2).string(s);
const varint = (w: Writer, field: number, n: number) => w.uint32(field << 3).int32(n);

function envelope(apiVersion: string, kind: string, raw: Build): Buffer {
  const obj = Writer.create();
  raw(obj);
  const w = Writer.create();
  msg(w, 1, (t) => (str(t, 1, apiVersion), str(t, 2, kind)));
  w.uint32((2 << 3) | 2).bytes(obj.finish());
  return Buffer.concat([Buffer.from('k8s\0', 'binary'), Buffer.from(w.finish())]);
}

describe('decodeKubeProtobuf', () => {
  it('reads a Deployment as Go encodes it: zero scalars left out, a zero pointer kept', () => {
    const body = envelope('apps/v1', 'Deployment', (w) => {
      msg(w, 1, (m) => {
        str(m, 1, 'web');
        str(m, 4, ''); // selfLink: unknown to Skiff but empty, as Go always sends it
        msg(m, 11, (e) => (str(e, 1, 'app'), str(e, 2, 'web')));
      });
      msg(w, 2, (spec) => {
        varint(spec, 1, 0); // replicas: a pointer, so 0 is meant
        msg(spec, 3, (tpl) =>
          msg(tpl, 2, (pod) =>
            msg(pod, 2, (c) => {
              str(c, 1, 'web');
              str(c, 2, 'nginx');
              str(c, 5, ''); // workingDir unset
              msg(c, 8, (res) => msg(res, 1, (e) => (str(e, 1, 'cpu'), msg(e, 2, (q) => str(q, 1, '500m')))));
            }),
          ),
        );
        msg(spec, 4, (st) => msg(st, 2, (ru) => msg(ru, 2, (ios) => (varint(ios, 1, 1), str(ios, 3, '25%')))));
      });
    });
    expect(decodeKubeProtobuf(body)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 0,
        template: { spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: '500m' } } }] } },
        strategy: { rollingUpdate: { maxSurge: '25%' } },
      },
    });
  });

  it('reads the RBAC kinds kubectl create role and rolebinding send', () => {
    const role = envelope('rbac.authorization.k8s.io/v1', 'Role', (w) => {
      msg(w, 1, (m) => (str(m, 1, 'pod-reader'), str(m, 3, 'team-a')));
      msg(w, 2, (r) => (str(r, 1, 'get'), str(r, 1, 'list'), str(r, 2, ''), str(r, 3, 'pods')));
    });
    expect(decodeKubeProtobuf(role)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'pod-reader', namespace: 'team-a' },
      rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }],
    });
    const binding = envelope('rbac.authorization.k8s.io/v1', 'RoleBinding', (w) => {
      msg(w, 1, (m) => str(m, 1, 'alice-view'));
      msg(w, 2, (s) => (str(s, 1, 'User'), str(s, 2, 'rbac.authorization.k8s.io'), str(s, 3, 'alice'), str(s, 4, '')));
      msg(w, 3, (r) => (str(r, 1, 'rbac.authorization.k8s.io'), str(r, 2, 'ClusterRole'), str(r, 3, 'view')));
    });
    expect(decodeKubeProtobuf(binding)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'alice-view' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    });
  });

  it('refuses a field it does not read when it carries data (415), rather than drop it', () => {
    const body = envelope('v1', 'ConfigMap', (w) => msg(w, 1, (m) => (str(m, 1, 'c'), str(m, 99, 'data'))));
    const err = rejection(() => decodeKubeProtobuf(body));
    expect(err.code).toBe(415);
    expect(err.message).toContain('ObjectMeta.99');
  });

  it('refuses kinds it has no table for with 415, so the client can send JSON', () => {
    expect(rejection(() => decodeKubeProtobuf(envelope('apps/v1', 'StatefulSet', () => undefined))).code).toBe(415);
  });

  it('answers 400 for a body without the k8s envelope or with broken bytes', () => {
    expect(rejection(() => decodeKubeProtobuf(Buffer.from('{"a":1}'))).code).toBe(400);
    expect(rejection(() => decodeKubeProtobuf(Buffer.concat([Buffer.from('k8s\0', 'binary'), Buffer.from([0x0a, 0xff])]))).code).toBe(400);
  });
});
