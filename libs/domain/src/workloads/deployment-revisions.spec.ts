import {
  CHANGE_CAUSE_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_CONFIG_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  lastRevision,
  maxRevision,
  setNewReplicaSetAnnotations,
} from './deployment-revisions';
import { makeDeployment, makeReplicaSet } from './test-fixtures';

function withRevision(name: string, revision?: string) {
  const rs = makeReplicaSet(name, 0);
  if (revision !== undefined) rs.metadata.annotations = { [REVISION_ANNOTATION]: revision };
  return rs;
}

describe('revisions', () => {
  it('finds the highest and the second highest revision, skipping unparsable ones', () => {
    const rss = [withRevision('a', '1'), withRevision('b', '4'), withRevision('c', 'x'), withRevision('d'), withRevision('e', '3')];
    expect(maxRevision(rss)).toBe(4);
    expect(lastRevision(rss)).toBe(3);
    expect(maxRevision([])).toBe(0);
  });
});

describe('setNewReplicaSetAnnotations', () => {
  const d = makeDeployment({ replicas: 10 });
  d.metadata.annotations = {
    [CHANGE_CAUSE_ANNOTATION]: 'kubectl set image deployment/web c=web:2.0',
    [LAST_APPLIED_CONFIG_ANNOTATION]: '{}',
    [REVISION_ANNOTATION]: '7',
    team: 'a',
  };

  it('gives a new ReplicaSet the next revision, the change cause and the replica annotations', () => {
    const rs = makeReplicaSet('web-new', 0);
    expect(setNewReplicaSetAnnotations(d, rs, '3', false, 13, 10)).toBe(true);
    expect(rs.metadata.annotations).toEqual({
      [CHANGE_CAUSE_ANNOTATION]: 'kubectl set image deployment/web c=web:2.0',
      team: 'a',
      [REVISION_ANNOTATION]: '3',
      [DESIRED_REPLICAS_ANNOTATION]: '10',
      [MAX_REPLICAS_ANNOTATION]: '13',
    });
  });

  it('bumps a reused ReplicaSet and remembers the revisions it served', () => {
    const rs = withRevision('web-old', '1');
    setNewReplicaSetAnnotations(d, rs, '3', true, 13, 10);
    expect(rs.metadata.annotations?.[REVISION_ANNOTATION]).toBe('3');
    expect(rs.metadata.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('1');
    setNewReplicaSetAnnotations(d, rs, '5', true, 13, 10);
    expect(rs.metadata.annotations?.[REVISION_HISTORY_ANNOTATION]).toBe('1,3');
    expect(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]).toBeUndefined();
  });

  it('never lowers a revision and reports no change when all is current', () => {
    const rs = withRevision('web-new', '9');
    setNewReplicaSetAnnotations(d, rs, '3', true, 13, 10);
    expect(rs.metadata.annotations?.[REVISION_ANNOTATION]).toBe('9');
    expect(setNewReplicaSetAnnotations(d, rs, '3', true, 13, 10)).toBe(false);
  });

  it('keeps the revision history within its length limit, dropping the oldest', () => {
    const rs = withRevision('web-old', '2000');
    rs.metadata.annotations![REVISION_HISTORY_ANNOTATION] = Array.from({ length: 400 }, (_, i) => String(1000 + i)).join(',');
    setNewReplicaSetAnnotations(d, rs, '2001', true, 13, 10);
    const history = rs.metadata.annotations![REVISION_HISTORY_ANNOTATION];
    expect(history.length).toBeLessThanOrEqual(2000);
    expect(history.endsWith(',2000')).toBe(true);
    expect(history.startsWith('1000,')).toBe(false);
  });
});
