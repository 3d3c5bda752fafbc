import { rejection } from '../testing/rejection';
import { builtinPatchMeta, NO_PATCH_META } from './patch-meta';
import { applyStrategicMergePatch } from './strategic-merge-patch';

type Json = Record<string, any>;


const podMeta = builtinPatchMeta('Pod');
const deploymentMeta = builtinPatchMeta('Deployment');

function pod(): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web', tier: 'front' }, finalizers: ['a.io/one'] },
    spec: {
      containers: [
        {
          name: 'web',
          image: 'nginx:1.26',
          args: ['--x'],
          ports: [{ containerPort: 80, name: 'http' }],
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
        },
        { name: 'sidecar', image: 'busybox' },
      ],
      tolerations: [{ key: 'k', operator: 'Exists' }],
    },
  };
}

function deployment(): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { metadata: { labels: { app: 'web' } }, spec: pod().spec },
    },
  };
}

const names = (list: Json[]) => list.map((c) => c.name);

describe('applyStrategicMergePatch', () => {
  describe('lists with a merge key', () => {
    it('merges a container by name and keeps the others', () => {
      const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'sidecar', image: 'busybox:2' }] } }, podMeta);
      expect(out.spec.containers).toHaveLength(2);
      expect(out.spec.containers[0]).toEqual(pod().spec.containers[0]);
      expect(out.spec.containers[1]).toEqual({ name: 'sidecar', image: 'busybox:2' });
    });

    it('puts a new item before the server items, as the real server orders them', () => {
      const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'extra', image: 'x' }] } }, podMeta);
      expect(names(out.spec.containers)).toEqual(['extra', 'web', 'sidecar']);
    });

    it('deletes an item marked with $patch: delete', () => {
      const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } }, podMeta);
      expect(names(out.spec.containers)).toEqual(['web']);
    });

    it('replaces the whole list when an item says $patch: replace', () => {
      const out = applyStrategicMergePatch(
        pod(),
        { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } },
        podMeta,
      );
      expect(out.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
    });

    it('merges nested lists by their own keys: env by name, ports by containerPort', () => {
      const out = applyStrategicMergePatch(
        pod(),
        {
          spec: {
            containers: [
              { name: 'web', env: [{ name: 'B', value: '3' }], ports: [{ containerPort: 80, protocol: 'TCP' }] },
            ],
          },
        },
        podMeta,
      );
      const web = out.spec.containers[0];
      expect(web.env).toEqual([
        { name: 'A', value: '1' },
        { name: 'B', value: '3' },
      ]);
      expect(web.ports).toEqual([{ containerPort: 80, name: 'http', protocol: 'TCP' }]);
      expect(web.image).toBe('nginx:1.26');
    });

    it('orders the merged list by $setElementOrder', () => {
      const out = applyStrategicMergePatch(
        pod(),
        {
          spec: {
            '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'web' }],
            containers: [{ name: 'web', image: 'nginx:1.27' }],
          },
        },
        podMeta,
      );
      expect(names(out.spec.containers)).toEqual(['sidecar', 'web']);
      expect(out.spec.containers[1].image).toBe('nginx:1.27');
    });

    it('places server-only items by the server order when $setElementOrder leaves them out', () => {
      const original = pod();
      original.spec.containers.push({ name: 'third', image: 't' });
      const out = applyStrategicMergePatch(
        original,
        { spec: { '$setElementOrder/containers': [{ name: 'third' }, { name: 'web' }] } },
        podMeta,
      );
      expect(names(out.spec.containers)).toEqual(['sidecar', 'third', 'web']);
    });

    it('places a server-only item as the real server does when apply both removes and adds items', () => {
      const original = pod();
      original.spec.containers = [{ name: 'one' }, { name: 'two' }, { name: 'injected' }];
      const out = applyStrategicMergePatch(
        original,
        {
          spec: {
            '$setElementOrder/containers': [{ name: 'two' }, { name: 'three' }],
            containers: [{ name: 'three' }, { name: 'one', $patch: 'delete' }],
          },
        },
        podMeta,
      );
      expect(names(out.spec.containers)).toEqual(['two', 'injected', 'three']);
    });

    it('merges status conditions by type', () => {
      const original = { ...pod(), status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] } };
      const out = applyStrategicMergePatch(original, { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, podMeta);
      expect(out.status.conditions).toEqual([
        { type: 'Ready', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ]);
    });

    it('merges owner references by uid', () => {
      const original = { metadata: { name: 'x', ownerReferences: [{ uid: '1', name: 'a', kind: 'ReplicaSet', apiVersion: 'apps/v1' }] } };
      const out = applyStrategicMergePatch(
        original,
        { metadata: { ownerReferences: [{ uid: '1', controller: true }, { uid: '2', name: 'b', kind: 'X', apiVersion: 'v1' }] } },
        podMeta,
      );
      expect(out.metadata.ownerReferences).toEqual([
        { uid: '1', name: 'a', kind: 'ReplicaSet', apiVersion: 'apps/v1', controller: true },
        { uid: '2', name: 'b', kind: 'X', apiVersion: 'v1' },
      ]);
    });

    it('merges Service ports by port', () => {
      const service = { metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } };
      const out = applyStrategicMergePatch(service, { spec: { ports: [{ port: 80, targetPort: 9090 }] } }, builtinPatchMeta('Service'));
      expect(out.spec.ports).toEqual([{ port: 80, targetPort: 9090 }, { port: 443 }]);
    });
  });

  describe('lists without a strategy', () => {
    it('replaces tolerations and container args whole', () => {
      const out = applyStrategicMergePatch(
        pod(),
        { spec: { tolerations: [{ key: 'other', operator: 'Exists' }], containers: [{ name: 'web', args: ['--y'] }] } },
        podMeta,
      );
      expect(out.spec.tolerations).toEqual([{ key: 'other', operator: 'Exists' }]);
      expect(out.spec.containers[0].args).toEqual(['--y']);
    });

    it('replaces every list when there is no patch metadata', () => {
      const out = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'sidecar' }] } }, NO_PATCH_META);
      expect(out.spec.containers).toEqual([{ name: 'sidecar' }]);
    });
  });

  describe('primitive lists with the merge strategy', () => {
    it('unions finalizers, placing new ones first as the real server does', () => {
      const out = applyStrategicMergePatch(pod(), { metadata: { finalizers: ['b.io/two', 'a.io/one'] } }, podMeta);
      expect(out.metadata.finalizers).toEqual(['b.io/two', 'a.io/one']);
      const added = applyStrategicMergePatch(pod(), { metadata: { finalizers: ['b.io/two'] } }, podMeta);
      expect(added.metadata.finalizers).toEqual(['b.io/two', 'a.io/one']);
    });

    it('removes values listed in $deleteFromPrimitiveList', () => {
      const original = pod();
      original.metadata.finalizers = ['a.io/one', 'b.io/two'];
      const out = applyStrategicMergePatch(original, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a.io/one'] } }, podMeta);
      expect(out.metadata.finalizers).toEqual(['b.io/two']);
    });
  });

  describe('maps', () => {
    it('removes a label patched to null and keeps the rest', () => {
      const out = applyStrategicMergePatch(pod(), { metadata: { labels: { tier: null, env: 'prod' } } }, podMeta);
      expect(out.metadata.labels).toEqual({ app: 'web', env: 'prod' });
    });

    it('replaces a map marked $patch: replace', () => {
      const out = applyStrategicMergePatch(pod(), { metadata: { labels: { $patch: 'replace', only: 'this' } } }, podMeta);
      expect(out.metadata.labels).toEqual({ only: 'this' });
    });

    it('empties a map marked $patch: delete', () => {
      const out = applyStrategicMergePatch(pod(), { metadata: { labels: { $patch: 'delete' } } }, podMeta);
      expect(out.metadata.labels).toEqual({});
    });

    it('clears the keys not named by $retainKeys', () => {
      const out = applyStrategicMergePatch(
        deployment(),
        { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
        deploymentMeta,
      );
      expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    });

    it('drops nulls and directives from new content the server has nothing to merge with', () => {
      const out = applyStrategicMergePatch(
        pod(),
        { spec: { securityContext: { runAsUser: 1000, fsGroup: null, seLinuxOptions: { $patch: 'delete' } } } },
        podMeta,
      );
      expect(out.spec.securityContext).toEqual({ runAsUser: 1000 });
      const appended = applyStrategicMergePatch(pod(), { spec: { containers: [{ name: 'n', image: null }] } }, podMeta);
      expect(appended.spec.containers[0]).toEqual({ name: 'n' });
    });

    it('replaces a value whose type differs from the server value', () => {
      const out = applyStrategicMergePatch(pod(), { spec: { tolerations: { not: 'a list' } } }, podMeta);
      expect(out.spec.tolerations).toEqual({ not: 'a list' });
    });
  });

  describe('kubectl apply patches', () => {
    it('updates an image in a Deployment template, keeping the order kubectl sends', () => {
      const patch = {
        metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'web' }, { name: 'sidecar' }],
              containers: [{ image: 'nginx:1.27', name: 'web' }],
            },
          },
        },
      };
      const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
      expect(out.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe('{}');
      expect(out.spec.template.spec.containers.map((c: Json) => `${c.name}=${c.image}`)).toEqual(['web=nginx:1.27', 'sidecar=busybox']);
      expect(out.spec.template.spec.containers[0].env).toHaveLength(2);
    });

    it('removes a container dropped from the manifest and an env var set to be deleted', () => {
      const patch = {
        spec: {
          template: {
            spec: {
              '$setElementOrder/containers': [{ name: 'web' }],
              containers: [
                { name: 'sidecar', $patch: 'delete' },
                { name: 'web', '$setElementOrder/env': [{ name: 'B' }], env: [{ name: 'A', $patch: 'delete' }] },
              ],
            },
          },
        },
      };
      const out = applyStrategicMergePatch(deployment(), patch, deploymentMeta);
      expect(names(out.spec.template.spec.containers)).toEqual(['web']);
      expect(out.spec.template.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }]);
    });

    it('deletes a field that is no longer in the manifest', () => {
      const out = applyStrategicMergePatch(deployment(), { spec: { replicas: null } }, deploymentMeta);
      expect(out.spec).not.toHaveProperty('replicas');
    });
  });

  it('leaves the given document and patch untouched', () => {
    const doc = pod();
    const patch = { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] }, metadata: { labels: { tier: null } } };
    const patchCopy = JSON.parse(JSON.stringify(patch));
    applyStrategicMergePatch(doc, patch, podMeta);
    expect(doc).toEqual(pod());
    expect(patch).toEqual(patchCopy);
  });

  describe('errors', () => {
    it('answers a patch that is not a JSON object with 400', () => {
      const err = rejection(() => applyStrategicMergePatch(pod(), [1], podMeta));
      expect(err.code).toBe(400);
      expect(err.message).toBe('json: cannot unmarshal array into Go value of type map[string]interface {}');
    });

    it('answers a malformed directive key with 400 and the library message', () => {
      const bad = rejection(() => applyStrategicMergePatch(pod(), { metadata: { $deleteFromPrimitiveListfinalizers: ['x'] } }, podMeta));
      expect(bad.code).toBe(400);
      expect(bad.message).toBe('invalid patch format of primitive list');
      const retain = rejection(() => applyStrategicMergePatch(deployment(), { spec: { strategy: { $retainKeys: 'type' } } }, deploymentMeta));
      expect(retain.message).toBe('invalid patch format of retainKeys');
      const notRetained = rejection(() =>
        applyStrategicMergePatch(deployment(), { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: {} } } }, deploymentMeta),
      );
      expect(notRetained.code).toBe(400);
      expect(notRetained.message).toBe('invalid patch format of retainKeys');
    });

    it('refuses an item without its merge key with 422 and the real server message', () => {
      const err = rejection(() => applyStrategicMergePatch(pod(), { spec: { containers: [{ image: 'x' }] } }, podMeta));
      expect(err.code).toBe(422);
      expect(err.message).toBe('map: map[image:x] does not contain declared merge key: name');
    });

    it('rejects $patch: merge in a list and unknown $patch values', () => {
      expect(rejection(() => applyStrategicMergePatch(pod(), { spec: { containers: [{ $patch: 'merge' }] } }, podMeta)).message).toBe(
        'merging lists cannot yet be specified in the patch',
      );
      expect(rejection(() => applyStrategicMergePatch(pod(), { metadata: { labels: { $patch: 'merge' } } }, podMeta)).message).toBe(
        'unknown patch type: merge in map: map[$patch:merge]',
      );
    });

    it('answers lists of lists with the generic 422', () => {
      const err = rejection(() =>
        applyStrategicMergePatch({ metadata: { finalizers: [['a']] } }, { metadata: { finalizers: ['b'] } }, podMeta),
      );
      expect(err.code).toBe(422);
      expect(err.reason).toBe('Invalid');
    });

    it('passes on the raw error for lists mixing element types', () => {
      const err = rejection(() =>
        applyStrategicMergePatch({ metadata: { finalizers: ['a'] } }, { metadata: { finalizers: [['b']] } }, podMeta),
      );
      expect(err.code).toBe(422);
      expect(err.message).toBe('list element types are not identical: [[a] [[b]]]');
    });
  });
});

describe('builtinPatchMeta', () => {
  it('knows the merge keys of pod specs, at the pod root and in every workload template', () => {
    expect(podMeta.lookup(['spec', 'containers'])).toEqual({ strategy: 'merge', mergeKey: 'name' });
    for (const kind of ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController']) {
      const meta = builtinPatchMeta(kind);
      expect(meta.lookup(['spec', 'template', 'spec', 'initContainers', 'volumeMounts'])).toEqual({ strategy: 'merge', mergeKey: 'mountPath' });
      expect(meta.lookup(['spec', 'template', 'spec', 'volumes'])).toEqual({ strategy: 'merge,retainKeys', mergeKey: 'name' });
      expect(meta.lookup(['status', 'conditions'])).toEqual({ strategy: 'merge', mergeKey: 'type' });
    }
  });

  it('gives no strategy to lists Kubernetes replaces', () => {
    expect(podMeta.lookup(['spec', 'tolerations'])).toBeUndefined();
    expect(builtinPatchMeta('Endpoints').lookup(['subsets'])).toBeUndefined();
    expect(builtinPatchMeta('StatefulSet').lookup(['spec', 'volumeClaimTemplates'])).toBeUndefined();
  });

  it('gives every kind the ObjectMeta strategies', () => {
    expect(builtinPatchMeta('ConfigMap').lookup(['metadata', 'finalizers'])).toEqual({ strategy: 'merge' });
    expect(builtinPatchMeta('SomethingElse').lookup(['metadata', 'ownerReferences'])).toEqual({ strategy: 'merge', mergeKey: 'uid' });
  });
});
