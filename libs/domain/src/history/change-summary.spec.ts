import type { KubeObject } from '../meta/types';
import { summarizeChange } from './change-summary';

const base: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', resourceVersion: '5', generation: 1 },
  spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'web:1.0' }] } } },
  status: { replicas: 3, readyReplicas: 3 },
};
const edit = (f: (o: any) => void): KubeObject => {
  const o = structuredClone(base);
  o.metadata.resourceVersion = '9';
  f(o);
  return o;
};

describe('summarizeChange', () => {
  it('says created and deleted', () => {
    expect(summarizeChange('ADDED', undefined, base)).toEqual({ changed: [], summary: 'created' });
    expect(summarizeChange('DELETED', base, base)).toEqual({ changed: [], summary: 'deleted' });
  });

  it('spells out a few scalar changes', () => {
    const next = edit((o) => {
      o.spec.template.spec.containers[0].image = 'web:2.0';
      o.metadata.generation = 2;
    });
    expect(summarizeChange('MODIFIED', base, next)).toEqual({ changed: ['spec.template'], summary: 'spec.template.spec.containers[0].image: web:1.0 → web:2.0' });
    const scaled = edit((o) => {
      o.spec.replicas = 5;
      o.metadata.labels = { app: 'web' };
    });
    expect(summarizeChange('MODIFIED', base, scaled).summary).toBe('changed metadata.labels, spec.replicas');
    expect(summarizeChange('MODIFIED', base, edit((o) => delete o.status.readyReplicas)).summary).toBe('status.readyReplicas: 3 → (none)');
  });

  it('names the changed paths, two levels deep, when there are many', () => {
    const next = edit((o) => {
      o.status = { replicas: 4, readyReplicas: 2, updatedReplicas: 1, conditions: [{ type: 'Available', status: 'True' }] };
      o.spec.replicas = 4;
    });
    expect(summarizeChange('MODIFIED', base, next)).toEqual({
      changed: ['spec.replicas', 'status.conditions', 'status.readyReplicas', 'status.replicas', 'status.updatedReplicas'],
      summary: 'changed spec.replicas, status.conditions, status.readyReplicas, status.replicas, status.updatedReplicas',
    });
    const more = edit((o) => {
      o.status = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 };
    });
    expect(summarizeChange('MODIFIED', base, more).summary).toMatch(/^changed status\.a, status\.b, status\.c, status\.d, status\.e and 3 more$/);
  });

  it('says when only bookkeeping changed', () => {
    expect(summarizeChange('MODIFIED', base, edit(() => undefined))).toEqual({ changed: [], summary: 'no change beyond bookkeeping (resourceVersion, generation, managedFields)' });
  });
});
