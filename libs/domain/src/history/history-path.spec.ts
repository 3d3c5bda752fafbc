import { parseHistoryPath } from './history-path';
import { parsePointInTime, parseTimeParam, pointFromQuery } from './point-in-time';
import { fieldPath } from './field-path';

describe('parseHistoryPath', () => {
  it('reads a named object of any group, with the view after its name', () => {
    expect(parseHistoryPath('/apis/apps/v1/namespaces/default/deployments/web')).toMatchObject({ type: { kind: 'Deployment' }, namespace: 'default', name: 'web', view: 'object' });
    expect(parseHistoryPath('/api/v1/namespaces/default/configmaps/x/revisions')).toMatchObject({ type: { kind: 'ConfigMap' }, name: 'x', view: 'revisions' });
    expect(parseHistoryPath('/api/v1/nodes/n1/diff')).toMatchObject({ type: { kind: 'Node' }, namespace: '', name: 'n1', view: 'diff' });
  });

  it('reads a Namespace and its views, and an object named like a view', () => {
    expect(parseHistoryPath('/api/v1/namespaces/team-a')).toMatchObject({ type: { kind: 'Namespace' }, namespace: '', name: 'team-a', view: 'object' });
    expect(parseHistoryPath('/api/v1/namespaces/team-a/revisions')).toMatchObject({ type: { kind: 'Namespace' }, name: 'team-a', view: 'revisions' });
    expect(parseHistoryPath('/api/v1/namespaces/team-a/diff')).toMatchObject({ type: { kind: 'Namespace' }, name: 'team-a', view: 'diff' });
    expect(parseHistoryPath('/api/v1/namespaces/default/configmaps/diff')).toMatchObject({ type: { kind: 'ConfigMap' }, name: 'diff', view: 'object' });
  });

  it.each([
    '/apis/apps/v1/namespaces/default/deployments',
    '/apis/apps/v1/namespaces/default/deployments/web/status',
    '/apis/apps/v1/deployments/web',
    '/api/v1/namespaces/default/nodes/n1',
    '/apis/apps/v2/namespaces/default/deployments/web',
    '/apis/apps/v1/namespaces/default/widgets/x',
    '/api/v1',
    '/other',
  ])('answers 404 for %s', (p) => {
    expect(() => parseHistoryPath(p)).toThrow(expect.objectContaining({ code: 404 }));
  });
});

describe('points in time', () => {
  it('takes exactly one of revision or time', () => {
    expect(pointFromQuery('12', undefined)).toEqual({ revision: 12 });
    expect(pointFromQuery(undefined, '2026-11-25T10:00:00.123456Z')).toEqual({ time: '2026-11-25T10:00:00.123456Z' });
    expect(() => pointFromQuery(undefined, undefined)).toThrow(expect.objectContaining({ code: 400 }));
    expect(() => pointFromQuery('1', '2026-11-25T10:00:00Z')).toThrow(expect.objectContaining({ code: 400 }));
  });

  it('refuses what is not a revision or an RFC 3339 time', () => {
    for (const bad of ['-1', '1.5', 'x', '99999999999999999']) expect(() => pointFromQuery(bad, undefined)).toThrow(/invalid value for revision/);
    for (const bad of ['2026-11-25', '2026-11-25 10:00:00Z', '2026-13-01T00:00:00Z', '2026-11-25T10:00:00', 'yesterday']) {
      expect(() => parseTimeParam(bad, 'time')).toThrow(/RFC 3339/);
    }
    expect(parseTimeParam('2026-11-25t10:00:00+01:00', 'time')).toBe('2026-11-25t10:00:00+01:00');
  });

  it('reads a diff end as a revision or a time', () => {
    expect(parsePointInTime('7', 'from')).toEqual({ revision: 7 });
    expect(parsePointInTime('2026-11-25T10:00:00Z', 'to')).toEqual({ time: '2026-11-25T10:00:00Z' });
    expect(() => parsePointInTime(undefined, 'from')).toThrow(/"from" is required/);
  });
});

describe('fieldPath', () => {
  it('tells list indices from map keys by the document', () => {
    expect(fieldPath('/data/0', { data: { '0': 'x' } })).toBe('data["0"]');
    expect(fieldPath('/items/0/name', { items: [{ name: 'x' }] })).toBe('items[0].name');
    expect(fieldPath('/metadata/annotations/a~1b~0c', {})).toBe('metadata.annotations["a/b~c"]');
  });
});
