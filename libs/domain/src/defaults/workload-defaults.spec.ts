import type { KubeObject } from '../meta/types';
import { applyDefaults } from './apply-defaults';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function defaulted(kind: string, spec: Json, metadata: Json = { name: 'web', namespace: 'default' }): Json {
  const obj = { metadata, spec } as Json;
  applyDefaults(kind, obj as KubeObject);
  return obj;
}

const template = () => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } });

describe('workload defaults', () => {
  it('gives a Deployment its v1.32 defaults and only PodSpec defaults in the template', () => {
    const d = defaulted('Deployment', { selector: { matchLabels: { app: 'web' } }, template: template() });
    expect(d.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'web',
              image: 'nginx:1.27',
              imagePullPolicy: 'IfNotPresent',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
  });

  it('leaves a Recreate Deployment without rollingUpdate', () => {
    expect(defaulted('Deployment', { strategy: { type: 'Recreate' } }).spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('defaults ReplicaSet replicas to 1', () => {
    expect(defaulted('ReplicaSet', { template: template() }).spec.replicas).toBe(1);
  });

  it('gives a StatefulSet ordered, partitioned rolling updates that keep claims', () => {
    const s = defaulted('StatefulSet', {
      template: template(),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    });
    expect(s.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
    expect(s.spec.volumeClaimTemplates[0]).toEqual({
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
  });

  it('gives a DaemonSet one-at-a-time rolling updates', () => {
    const ds = defaulted('DaemonSet', { template: template() });
    expect(ds.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
  });

  it('derives a ReplicationController selector and labels from its template', () => {
    const rc = defaulted('ReplicationController', { template: template() }, { name: 'web', namespace: 'default' });
    expect(rc.spec.selector).toEqual({ app: 'web' });
    expect(rc.metadata.labels).toEqual({ app: 'web' });
    expect(rc.spec.replicas).toBe(1);
  });
});
