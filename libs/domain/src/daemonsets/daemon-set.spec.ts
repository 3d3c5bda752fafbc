import type { DaemonSet } from '../kinds/daemon-set';
import type { Node } from '../kinds/node';
import { applyDefaults } from '../defaults/apply-defaults';
import { rfc3339 } from '../lifecycle/object-lifecycle';
import { applyPatch } from '../patch/apply-patch';
import { makeNode } from '../scheduling/test-fixtures';
import { nodeShouldRunDaemonPod } from './daemon-set-nodes';
import { daemonPodTargetNode, withDaemonPodNodeAffinity } from './daemon-set-pods';
import { DaemonCluster, makeDaemonSet, T0 } from './test-fixtures';

/** kubectl's DaemonSetStatusViewer, as `kubectl rollout status daemonset` runs it. */
function rolloutStatus(ds: DaemonSet): { message: string; done: boolean } {
  const s = ds.status!;
  if ((ds.metadata.generation ?? 0) > (s?.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...', done: false };
  if ((s.updatedNumberScheduled ?? 0) < s.desiredNumberScheduled) {
    return { message: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${s.updatedNumberScheduled ?? 0} out of ${s.desiredNumberScheduled} new pods have been updated...`, done: false };
  }
  if ((s.numberAvailable ?? 0) < s.desiredNumberScheduled) {
    return { message: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${s.numberAvailable ?? 0} of ${s.desiredNumberScheduled} updated pods are available...`, done: false };
  }
  return { message: `daemon set "${ds.metadata.name}" successfully rolled out`, done: true };
}

function nodes(n: number): Node[] {
  return Array.from({ length: n }, (_, i) => makeNode(`node-${i + 1}`));
}

function podNodes(c: DaemonCluster): string[] {
  return c.livePods().map((p) => p.spec?.nodeName ?? '').sort();
}

function imagesByNode(c: DaemonCluster): Record<string, string> {
  return Object.fromEntries(c.livePods().map((p) => [p.spec?.nodeName, p.spec?.containers[0]?.image]));
}

describe('daemonSetDecision: one pod per eligible node', () => {
  it('creates one pod per node, pinned by node affinity, with the daemon tolerations and the revision hash', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(3));
    const d = c.reconcile();
    expect(d.nodesNeedingPods).toEqual(['node-1', 'node-2', 'node-3']);
    const pod = d.createPods[0];
    expect(pod.metadata.generateName).toBe('agent-');
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(pod.spec?.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }] },
      },
    });
    expect(pod.spec?.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(pod.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': d.hash });
    expect(pod.metadata.ownerReferences).toEqual([d.controllerRef]);
    expect(d.createRevision?.metadata.name).toBe(`agent-${d.hash}`);
    c.converge();
    expect(podNodes(c)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(c.decide().createPods).toEqual([]);
  });

  it('skips nodes the pod does not select or whose taints it does not tolerate; cordoned nodes still get one', () => {
    const list = [
      makeNode('plain', { labels: { disk: 'ssd' } }),
      makeNode('hdd', { labels: { disk: 'hdd' } }),
      makeNode('gpu', { labels: { disk: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] }),
      makeNode('cordoned', { labels: { disk: 'ssd' }, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
      makeNode('pressure', { labels: { disk: 'ssd' }, taints: [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }] }),
      makeNode('drained', { labels: { disk: 'ssd' }, unschedulable: true }),
      makeNode('down', { labels: { disk: 'ssd' }, ready: 'False' }),
    ];
    const c = new DaemonCluster(makeDaemonSet({ nodeSelector: { disk: 'ssd' } }), list);
    c.converge();
    expect(podNodes(c)).toEqual(['cordoned', 'drained', 'plain', 'pressure']);
    expect(c.ds.status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4, numberMisscheduled: 0 });
    // Tolerating the gpu taint makes that node eligible too.
    c.updateSpec((ds) => (ds.spec!.template!.spec!.tolerations = [{ key: 'gpu', operator: 'Exists' }]));
    c.converge();
    expect(podNodes(c)).toEqual(['cordoned', 'drained', 'gpu', 'plain', 'pressure']);
  });

  it('keeps its pod on a node that turns NotReady (tolerated NoExecute) but starts none on a new NotReady node', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(1));
    c.converge();
    // The node lifecycle controller taints an unreachable node NoSchedule and NoExecute.
    c.nodes = [
      makeNode('node-1', {
        ready: 'Unknown',
        taints: [
          { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
        ],
      }),
      makeNode('node-2', { ready: null }),
    ];
    const d = c.reconcile();
    expect(d.createPods).toEqual([]);
    expect(d.deletePods).toEqual([]);
    expect(d.status).toMatchObject({ desiredNumberScheduled: 0, numberMisscheduled: 1 });
    expect(nodeShouldRunDaemonPod(c.nodes[0], c.ds)).toEqual({ shouldRun: false, shouldContinueRunning: true });
    // Before those taints land, the Ready condition alone counts as not-ready:NoSchedule / unreachable:NoSchedule.
    expect(nodeShouldRunDaemonPod(makeNode('fresh', { ready: 'False' }), c.ds)).toEqual({ shouldRun: false, shouldContinueRunning: true });
  });

  it('deletes pods from nodes that stop matching or get an untolerated NoExecute taint', () => {
    const c = new DaemonCluster(makeDaemonSet({ nodeSelector: { role: 'edge' } }), [
      makeNode('a', { labels: { role: 'edge' } }),
      makeNode('b', { labels: { role: 'edge' } }),
      makeNode('c', { labels: { role: 'edge' } }),
    ]);
    c.converge();
    c.nodes = [
      makeNode('a', { labels: { role: 'edge' } }),
      makeNode('b', { labels: { role: 'core' } }),
      makeNode('c', { labels: { role: 'edge' }, taints: [{ key: 'evict', effect: 'NoExecute' }] }),
    ];
    const d = c.reconcile();
    expect(d.deletePods.map((p) => p.spec?.nodeName).sort()).toEqual(['b', 'c']);
    c.converge();
    expect(podNodes(c)).toEqual(['a']);
    expect(c.ds.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0 });
  });

  it('leaves a pod on a node that got an untolerated NoSchedule taint, counting it misscheduled', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(2));
    c.converge();
    c.nodes = [makeNode('node-1'), makeNode('node-2', { taints: [{ key: 'maintenance', effect: 'NoSchedule' }] })];
    const d = c.reconcile();
    expect(d.deletePods).toEqual([]);
    expect(d.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1 });
  });

  it('keeps only the oldest of several pods on one node', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(1));
    c.converge();
    const first = c.pods[0];
    c.pods.push({ ...structuredClone(first), metadata: { ...first.metadata, name: 'agent-extra', uid: 'extra', creationTimestamp: rfc3339(new Date(T0.getTime() + 60_000)) } });
    expect(c.reconcile().deletePods.map((p) => p.metadata.uid)).toEqual(['extra']);
  });

  it('replaces a failed pod', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(2));
    c.converge();
    const victim = c.pods[0];
    c.setPhase(victim.metadata.uid!, 'Failed');
    const d = c.reconcile();
    expect(d.deletePods.map((p) => p.metadata.uid)).toEqual([victim.metadata.uid]);
    expect(d.events[0]).toMatchObject({ type: 'Warning', reason: 'FailedDaemonPod' });
    expect(c.reconcile().nodesNeedingPods).toEqual([victim.spec?.nodeName]);
  });

  it('deletes unbound pods meant for a node that no longer exists', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(2));
    const d = c.decide();
    c.pods = d.createPods.map((p, i) => ({ ...p, metadata: { ...p.metadata, name: `agent-${i}`, uid: `u${i}` }, status: { phase: 'Pending' } }));
    c.nodes = [makeNode('node-1')];
    expect(c.decide().deletePods.map((p) => daemonPodTargetNode(p))).toEqual(['node-2']);
  });

  it('adds the network-unavailable toleration for host-network pods and keeps a matching toleration once', () => {
    const ds = makeDaemonSet();
    ds.spec!.template!.spec!.hostNetwork = true;
    ds.spec!.template!.spec!.tolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }];
    const c = new DaemonCluster(ds, nodes(1));
    const tolerations = c.decide().createPods[0].spec?.tolerations ?? [];
    expect(tolerations.filter((t) => t.key === 'node.kubernetes.io/not-ready')).toEqual([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }]);
    expect(tolerations[tolerations.length - 1]).toEqual({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  });

  it('replaces the template\'s required node affinity with the node pin, keeping the rest', () => {
    const affinity = withDaemonPodNodeAffinity(
      {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'fast', operator: 'Exists' }] } }],
        },
      },
      'n1',
    );
    expect(affinity.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] },
    ]);
    expect(affinity.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
  });

  it('is level-triggered: a converged DaemonSet yields no writes', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(3));
    c.converge();
    const d = c.decide();
    expect(d.createPods.length + d.deletePods.length + d.updateRevisions.length + d.deleteRevisions.length).toBe(0);
    expect(d.createRevision).toBeUndefined();
    expect(d.statusChanged).toBe(false);
    expect(c.decide()).toEqual(d);
  });

  it('does nothing while being deleted, and warns about a selector that selects everything', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(1));
    c.ds = { ...c.ds, metadata: { ...c.ds.metadata, deletionTimestamp: rfc3339(T0) } };
    expect(c.decide().createPods).toEqual([]);
    const everything = makeDaemonSet();
    everything.spec!.selector = {};
    const d = new DaemonCluster(everything, nodes(1)).decide();
    expect(d.createPods).toEqual([]);
    expect(d.events.map((e) => e.reason)).toEqual(['SelectingAll']);
  });
});

describe('daemonSetDecision: rolling update', () => {
  it('maxUnavailable 1: replaces one node at a time, never more than one unavailable', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(4), 1);
    c.converge();
    c.resetWatch();
    c.log = [];
    c.updateSpec((ds) => (ds.spec!.template!.spec!.containers[0].image = 'agent:2.0'));
    const d = c.reconcile();
    expect(d.createRevision?.revision).toBe(2);
    expect(d.deletePods).toHaveLength(1);
    expect(rolloutStatus(c.ds).done).toBe(false);
    c.converge();
    expect(Object.values(imagesByNode(c))).toEqual(['agent:2.0', 'agent:2.0', 'agent:2.0', 'agent:2.0']);
    expect(c.minAvailable).toBe(3);
    expect(c.log.filter((l) => l.startsWith('-'))).toHaveLength(4);
    expect(c.ds.status).toMatchObject({
      desiredNumberScheduled: 4,
      currentNumberScheduled: 4,
      numberReady: 4,
      updatedNumberScheduled: 4,
      numberAvailable: 4,
      numberUnavailable: 0,
      numberMisscheduled: 0,
      observedGeneration: 2,
    });
    expect(rolloutStatus(c.ds)).toEqual({ message: 'daemon set "agent" successfully rolled out', done: true });
  });

  it('maxUnavailable 50%: replaces half the nodes at once', () => {
    const c = new DaemonCluster(makeDaemonSet({ maxUnavailable: '50%' }), nodes(4));
    c.converge();
    c.updateSpec((ds) => (ds.spec!.template!.spec!.containers[0].image = 'agent:2.0'));
    expect(c.reconcile().deletePods).toHaveLength(2);
  });

  it('stops while an updated pod does not become available', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(3));
    c.converge();
    c.updateSpec((ds) => (ds.spec!.template!.spec!.containers[0].image = 'bad'));
    for (let i = 0; i < 6; i++) {
      c.reconcile();
      c.tick();
    }
    expect(Object.values(imagesByNode(c)).sort()).toEqual(['agent:1.0', 'agent:1.0', 'bad']);
    expect(rolloutStatus(c.ds).message).toBe('Waiting for daemon set "agent" rollout to finish: 1 out of 3 new pods have been updated...');
  });

  it('maxSurge 1, maxUnavailable 0: starts the new pod beside the old one and removes the old one once the new is available', () => {
    const c = new DaemonCluster(makeDaemonSet({ maxSurge: 1, maxUnavailable: 0 }), nodes(3), 1);
    c.converge();
    c.resetWatch();
    c.updateSpec((ds) => (ds.spec!.template!.spec!.containers[0].image = 'agent:2.0'));
    const d = c.reconcile();
    expect(d.deletePods).toEqual([]);
    expect(d.createPods).toHaveLength(1);
    c.converge();
    expect(Object.values(imagesByNode(c))).toEqual(['agent:2.0', 'agent:2.0', 'agent:2.0']);
    expect(c.minAvailable).toBe(3);
    expect(c.maxPodsOnNode).toBe(2);
  });

  it('OnDelete: never deletes for an update; a deleted pod comes back with the new template', () => {
    const c = new DaemonCluster(makeDaemonSet({ strategy: 'OnDelete' }), nodes(2));
    c.converge();
    c.updateSpec((ds) => (ds.spec!.template!.spec!.containers[0].image = 'agent:2.0'));
    c.converge();
    expect(Object.values(imagesByNode(c))).toEqual(['agent:1.0', 'agent:1.0']);
    c.deletePod(c.pods[0].metadata.uid!);
    c.converge();
    expect(Object.values(imagesByNode(c)).sort()).toEqual(['agent:1.0', 'agent:2.0']);
    expect(c.ds.status?.updatedNumberScheduled).toBe(1);
  });
});

describe('daemonSetDecision: revisions, rollout undo and history', () => {
  it('kubectl rollout undo reuses the old revision with the next number and rolls the pods back', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(2));
    c.converge();
    const r1 = c.revisions[0];
    expect(r1.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': r1.metadata.name!.replace('agent-', '') });
    c.updateSpec((ds) => (ds.spec!.template!.spec!.containers[0].image = 'agent:2.0'));
    c.converge();
    // kubectl rollout undo: the previous revision's data as a strategic merge patch.
    const patched = applyPatch('strategic', 'DaemonSet', c.ds, r1.data) as DaemonSet;
    applyDefaults('DaemonSet', patched);
    c.ds = { ...patched, metadata: { ...patched.metadata, generation: (c.ds.metadata.generation ?? 0) + 1 } };
    const d = c.reconcile();
    expect(d.createRevision).toBeUndefined();
    expect(d.updateRevisions).toEqual([{ ...r1, revision: 3 }]);
    expect(d.hash).toBe(r1.metadata.labels!['controller-revision-hash']);
    c.converge();
    expect(Object.values(imagesByNode(c))).toEqual(['agent:1.0', 'agent:1.0']);
  });

  it('keeps revisionHistoryLimit old revisions, deleting the oldest not used by a pod', () => {
    const c = new DaemonCluster(makeDaemonSet({ revisionHistoryLimit: 1, maxUnavailable: '100%' }), nodes(1));
    for (const image of ['a:1', 'a:2', 'a:3', 'a:4']) {
      c.updateSpec((ds) => (ds.spec!.template!.spec!.containers[0].image = image));
      c.converge();
    }
    expect(c.revisions.map((r) => r.revision)).toEqual([3, 4]);
    expect(c.revisions.map((r) => (r.data as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0].image)).toEqual(['a:3', 'a:4']);
  });

  it('labels an old revision lacking the hash label with its name', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(1));
    c.converge();
    const rev = c.revisions[0];
    c.revisions = [{ ...rev, metadata: { ...rev.metadata, labels: { app: 'agent' } } }];
    const d = c.decide();
    expect(d.updateRevisions.map((r) => r.metadata.labels?.['controller-revision-hash'])).toEqual([rev.metadata.name]);
  });

  it('raises collisionCount when its revision name is taken by other data', () => {
    const c = new DaemonCluster(makeDaemonSet(), nodes(1));
    const wanted = c.decide().createRevision!;
    c.revisions = [{ ...wanted, metadata: { ...wanted.metadata, uid: 'x', ownerReferences: [] }, data: { spec: { template: { other: true } } } }];
    const d = c.reconcile();
    expect(d.status.collisionCount).toBe(1);
    expect(d.createRevision?.metadata.name).not.toBe(wanted.metadata.name);
    c.converge();
    expect(c.decide().createRevision).toBeUndefined();
  });
});
