import type { ControllerRevision } from '../kinds/controller-revision';
import {
  controllerRevisionName,
  hashControllerRevisionData,
  revisionDataEqual,
  revisionDataTemplate,
  sortControllerRevisions,
  templateRevisionData,
} from './controller-history';
import { fnv1Hash32 } from '../workloads/pod-template-hash';
import { statefulPodParentAndOrdinal } from './stateful-set-identity';

function rev(name: string, revision: number, created: string): ControllerRevision {
  return { metadata: { name, creationTimestamp: created }, revision, data: {} };
}

describe('ControllerRevision history helpers', () => {
  it('hashes with FNV-1 (Go fnv.New32), not FNV-1a', () => {
    expect(fnv1Hash32([])).toBe(0x811c9dc5);
    expect(fnv1Hash32([0x61])).toBe(0x050c5d7e); // fnv32("a")
  });

  it('names a revision by data and collision count; equal templates written differently get the same name', () => {
    const a = templateRevisionData({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    const b = templateRevisionData({ spec: { containers: [{ image: 'x', name: 'c', env: [] }] }, metadata: { labels: { app: 'web' }, annotations: {} } });
    expect(revisionDataEqual(a, b)).toBe(true);
    expect(hashControllerRevisionData(a, 0)).toBe(hashControllerRevisionData(b, 0));
    expect(hashControllerRevisionData(a, 1)).not.toBe(hashControllerRevisionData(a, 0));
    expect(hashControllerRevisionData(a, 0)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });

  it('stores the replace patch with sorted keys and restores the template from it', () => {
    const data = templateRevisionData({ spec: { containers: [{ name: 'c' }] }, metadata: { labels: { b: '1', a: '2' } } });
    expect(JSON.stringify(data)).toBe('{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"a":"2","b":"1"}},"spec":{"containers":[{"name":"c"}]}}}}');
    expect(revisionDataTemplate(data)).toEqual({ metadata: { labels: { a: '2', b: '1' } }, spec: { containers: [{ name: 'c' }] } });
    expect(revisionDataTemplate({ spec: {} })).toBeUndefined();
  });

  it('sorts by revision, then creation time, then name; cuts long name prefixes', () => {
    const sorted = sortControllerRevisions([rev('c', 2, '2025-01-01T00:00:00Z'), rev('b', 1, '2025-01-02T00:00:00Z'), rev('a', 1, '2025-01-02T00:00:00Z'), rev('z', 1, '2025-01-01T00:00:00Z')]);
    expect(sorted.map((r) => r.metadata.name)).toEqual(['z', 'a', 'b', 'c']);
    expect(controllerRevisionName('x'.repeat(300), 'h')).toBe(`${'x'.repeat(223)}-h`);
  });

  it('reads set name and ordinal from a pod name', () => {
    expect(statefulPodParentAndOrdinal('web-12')).toEqual({ parent: 'web', ordinal: 12 });
    expect(statefulPodParentAndOrdinal('my-db-0')).toEqual({ parent: 'my-db', ordinal: 0 });
    expect(statefulPodParentAndOrdinal('web')).toEqual({ parent: '', ordinal: -1 });
    expect(statefulPodParentAndOrdinal('web-99999999999')).toEqual({ parent: 'web', ordinal: -1 });
  });
});
