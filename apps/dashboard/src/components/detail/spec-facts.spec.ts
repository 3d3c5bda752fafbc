import type { KubeObject } from '@skiff/domain';
import { specFacts } from './spec-facts';

describe('specFacts', () => {
  it('says how a Deployment is doing, its images, selector and strategy', () => {
    const d = {
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web', image: 'web:2.0' }] } } },
      status: { updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3 },
    } as unknown as KubeObject;
    expect(Object.fromEntries(specFacts(d))).toEqual({
      Replicas: '3 desired, 2 updated, 3 ready, 3 available',
      Images: 'web=web:2.0',
      Selector: 'app=web',
      Strategy: 'RollingUpdate (max surge 25%, max unavailable 25%)',
    });
  });

  it('says where a pod runs and how its containers are', () => {
    const p = {
      kind: 'Pod',
      metadata: { name: 'web-1' },
      spec: { nodeName: 'n1', containers: [{ name: 'web', image: 'web:1' }] },
      status: { phase: 'Running', podIP: '127.64.0.5', containerStatuses: [{ name: 'web', image: 'web:1', state: { running: {} }, restartCount: 2 }] },
    } as unknown as KubeObject;
    expect(Object.fromEntries(specFacts(p))).toMatchObject({ Phase: 'Running', Node: 'n1', 'Pod IP': '127.64.0.5', Containers: 'web (web:1): running, 2 restarts' });
  });

  it('has nothing to say of kinds without a spec worth summing up', () => {
    expect(specFacts({ kind: 'ConfigMap', metadata: { name: 'x' } } as KubeObject)).toEqual([]);
  });
});
