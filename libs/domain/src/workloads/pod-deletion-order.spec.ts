import type { Pod } from '../kinds/pod';
import { orderPodsForDeletion, podsToDelete, POD_DELETION_COST_ANNOTATION } from './pod-deletion-order';
import { at, makePod } from './test-fixtures';

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

describe('victim order (ActivePodsWithRanks)', () => {
  it('deletes unassigned pods before assigned ones', () => {
    const pods = [makePod('assigned', { readyAt: 0 }), makePod('unassigned', { node: '', phase: 'Pending' })];
    expect(names(orderPodsForDeletion(pods))).toEqual(['unassigned', 'assigned']);
  });

  it('deletes Pending before Unknown before Running', () => {
    const pods = [makePod('running', { phase: 'Running' }), makePod('unknown', { phase: 'Unknown' }), makePod('pending', { phase: 'Pending' })];
    expect(names(orderPodsForDeletion(pods))).toEqual(['pending', 'unknown', 'running']);
  });

  it('deletes not-ready before ready pods', () => {
    const pods = [makePod('ready', { phase: 'Running', readyAt: 5 }), makePod('notready', { phase: 'Running' })];
    expect(names(orderPodsForDeletion(pods))).toEqual(['notready', 'ready']);
  });

  it('deletes pods with a lower pod-deletion-cost first', () => {
    const pods = [
      makePod('dear', { readyAt: 0, annotations: { [POD_DELETION_COST_ANNOTATION]: '100' } }),
      makePod('cheap', { readyAt: 0, annotations: { [POD_DELETION_COST_ANNOTATION]: '-5' } }),
      makePod('default', { readyAt: 0 }),
    ];
    expect(names(orderPodsForDeletion(pods))).toEqual(['cheap', 'default', 'dear']);
  });

  it('deletes pods doubled up on a node with related pods first', () => {
    const pods = [makePod('alone', { readyAt: 0, node: 'n1' }), makePod('crowded', { readyAt: 0, node: 'n2' })];
    const related = [...pods, makePod('sibling', { readyAt: 0, node: 'n2' })];
    expect(names(orderPodsForDeletion(pods, related))).toEqual(['crowded', 'alone']);
  });

  it('deletes pods ready for less time first', () => {
    const pods = [makePod('old', { readyAt: 10 }), makePod('young', { readyAt: 50 }), makePod('mid', { readyAt: 30 })];
    expect(names(orderPodsForDeletion(pods))).toEqual(['young', 'mid', 'old']);
  });

  it('deletes pods with more restarts first', () => {
    const pods = [makePod('stable', { readyAt: 10 }), makePod('flappy', { readyAt: 10, restarts: 7 })];
    expect(names(orderPodsForDeletion(pods))).toEqual(['flappy', 'stable']);
  });

  it('deletes newer pods first when all else is equal', () => {
    const pods = [makePod('first', { readyAt: 100, createdAt: 1 }), makePod('third', { readyAt: 100, createdAt: 3 }), makePod('second', { readyAt: 100, createdAt: 2 })];
    expect(names(orderPodsForDeletion(pods))).toEqual(['third', 'second', 'first']);
  });

  it('with LogarithmicScaleDown, groups similar ages and breaks ties by uid', () => {
    // Ready 100 s and 90 s ago fall into the same log2 bucket (of nanoseconds); 1 s ago does not.
    const pods = [
      makePod('b', { uid: 'b', readyAt: 0 }),
      makePod('a', { uid: 'a', readyAt: 10 }),
      makePod('young', { uid: 'z', readyAt: 99 }),
    ];
    const ordered = orderPodsForDeletion(pods, [], { logarithmicScaleDown: true, now: at(100) });
    expect(names(ordered)).toEqual(['young', 'a', 'b']);
  });

  it('picks exactly the requested number of victims', () => {
    const pods = [makePod('x', { readyAt: 1 }), makePod('y'), makePod('z', { readyAt: 2 })];
    expect(names(podsToDelete(pods, 2))).toEqual(['y', 'z']);
    expect(podsToDelete(pods, 0)).toEqual([]);
    expect(podsToDelete(pods, 5)).toHaveLength(3);
  });
});
