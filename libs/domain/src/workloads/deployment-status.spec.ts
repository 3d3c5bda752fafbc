import type { DeploymentStatus } from '../kinds/deployment';
import type { ReplicaSet } from '../kinds/replica-set';
import {
  calculateDeploymentStatus,
  checkPausedConditions,
  deploymentTimedOut,
  newDeploymentCondition,
  progressDeadlineRequeueSeconds,
  rolloutStatus,
  setDeploymentCondition,
} from './deployment-status';
import { at, makeDeployment, makeReplicaSet } from './test-fixtures';

function rsWith(name: string, replicas: number, status: Partial<NonNullable<ReplicaSet['status']>>): ReplicaSet {
  return { ...makeReplicaSet(name, replicas), status: { replicas: 0, ...status } };
}

describe('setDeploymentCondition', () => {
  it('keeps a condition whose status and reason did not change, and lastTransitionTime when only the reason did', () => {
    const status: DeploymentStatus = {};
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'created', at(0)));
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'again', at(5)));
    expect(status.conditions?.[0]).toMatchObject({ message: 'created', lastUpdateTime: '2025-01-01T00:00:00Z' });
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'NewReplicaSetAvailable', 'done', at(9)));
    expect(status.conditions?.[0]).toMatchObject({ reason: 'NewReplicaSetAvailable', lastUpdateTime: '2025-01-01T00:00:09Z', lastTransitionTime: '2025-01-01T00:00:00Z' });
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'False', 'ProgressDeadlineExceeded', 'late', at(20)));
    expect(status.conditions?.[0]).toMatchObject({ status: 'False', lastTransitionTime: '2025-01-01T00:00:20Z' });
  });
});

describe('calculateDeploymentStatus', () => {
  it('sums the ReplicaSets as kubectl rollout status reads them', () => {
    const d = makeDeployment({ replicas: 10 });
    d.metadata.generation = 4;
    const oldRS = rsWith('old', 8, { replicas: 9, readyReplicas: 9, availableReplicas: 9 });
    const newRS = rsWith('new', 5, { replicas: 3, readyReplicas: 1, availableReplicas: 1 });
    const status = calculateDeploymentStatus([oldRS, newRS], newRS, d, at(0));
    expect(status).toEqual({
      observedGeneration: 4,
      replicas: 12,
      updatedReplicas: 3,
      readyReplicas: 10,
      availableReplicas: 10,
      unavailableReplicas: 3,
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
          lastUpdateTime: '2025-01-01T00:00:00Z',
          lastTransitionTime: '2025-01-01T00:00:00Z',
        },
      ],
    });
  });

  it('reports MinimumReplicasUnavailable below replicas - maxUnavailable', () => {
    const d = makeDeployment({ replicas: 10 });
    const status = calculateDeploymentStatus([rsWith('a', 10, { replicas: 10, availableReplicas: 7 })], undefined, d, at(0));
    expect(status.conditions?.[0]).toMatchObject({ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' });
    expect(status.updatedReplicas).toBeUndefined();
  });
});

describe('progress', () => {
  const d = makeDeployment({ replicas: 3, progressDeadlineSeconds: 60 });
  const progressing = (reason: string, t: number) => newDeploymentCondition('Progressing', 'True', reason, 'm', at(t));

  it('times out once lastUpdateTime + deadline has passed', () => {
    const status: DeploymentStatus = { conditions: [progressing('ReplicaSetUpdated', 0)] };
    expect(deploymentTimedOut(d, status, at(60))).toBe(false);
    expect(deploymentTimedOut(d, status, at(61))).toBe(true);
    expect(deploymentTimedOut(d, { conditions: [progressing('NewReplicaSetAvailable', 0)] }, at(1000))).toBe(false);
  });

  it('requeues for the deadline with a second of slack', () => {
    const status: DeploymentStatus = { conditions: [progressing('ReplicaSetUpdated', 0)] };
    expect(progressDeadlineRequeueSeconds(d, status, at(20))).toBe(41);
    expect(progressDeadlineRequeueSeconds(d, status, at(59.5))).toBe(0);
    expect(progressDeadlineRequeueSeconds({ ...d, spec: { ...d.spec, progressDeadlineSeconds: undefined } }, status, at(20))).toBeUndefined();
  });

  it('marks ProgressDeadlineExceeded when nothing moved within the deadline', () => {
    const stuck = { ...d, status: { observedGeneration: 1, replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2, conditions: [progressing('ReplicaSetUpdated', 0)] } };
    const newRS = rsWith('web-new', 1, { replicas: 1 });
    const oldRS = rsWith('web-old', 2, { replicas: 2, readyReplicas: 2, availableReplicas: 2 });
    const before = rolloutStatus([oldRS, newRS], newRS, stuck, at(30));
    expect(before.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    const after = rolloutStatus([oldRS, newRS], newRS, stuck, at(61));
    expect(after.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: 'ReplicaSet "web-new" has timed out progressing.',
      lastTransitionTime: '2025-01-01T00:01:01Z',
    });
  });

  it('refreshes lastUpdateTime (not lastTransitionTime) on progress', () => {
    const moving = { ...d, status: { observedGeneration: 1, replicas: 3, updatedReplicas: 1, conditions: [progressing('ReplicaSetUpdated', 0)] } };
    const newRS = rsWith('web-new', 2, { replicas: 2 });
    const oldRS = rsWith('web-old', 1, { replicas: 1, availableReplicas: 1, readyReplicas: 1 });
    const status = rolloutStatus([oldRS, newRS], newRS, moving, at(30));
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      reason: 'ReplicaSetUpdated',
      lastUpdateTime: '2025-01-01T00:00:30Z',
      lastTransitionTime: '2025-01-01T00:00:00Z',
    });
  });

  it('records pause and resume as Progressing Unknown', () => {
    const paused = { ...d, spec: { ...d.spec, paused: true }, status: {} as DeploymentStatus };
    expect(checkPausedConditions(paused, at(0))).toBe(true);
    expect(paused.status.conditions?.[0]).toMatchObject({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    expect(checkPausedConditions(paused, at(1))).toBe(false);
    const resumed = { ...paused, spec: { ...paused.spec, paused: false } };
    expect(checkPausedConditions(resumed, at(2))).toBe(true);
    expect(resumed.status.conditions?.[0]).toMatchObject({ reason: 'DeploymentResumed', message: 'Deployment is resumed' });
  });
});
