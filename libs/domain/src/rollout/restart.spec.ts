import { StatusError } from '../errors/status-error';
import type { KubeObject } from '../meta/types';
import { RESTARTED_AT_ANNOTATION } from '../workloads/deployment-revisions';
import { changeCauseOf, setChangeCause } from './change-cause';
import { restartPodTemplate } from './restart';

describe('restartPodTemplate', () => {
  const d = (paused = false): KubeObject => ({ kind: 'Deployment', metadata: { name: 'web' }, spec: { paused, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } } });

  it('stamps the pod template with restartedAt, keeping its other metadata', () => {
    const obj = d();
    expect(restartPodTemplate(obj, new Date('2025-03-04T05:06:07.890Z'))).toBe('2025-03-04T05:06:07Z');
    expect((obj.spec as any).template.metadata).toEqual({ labels: { app: 'web' }, annotations: { [RESTARTED_AT_ANNOTATION]: '2025-03-04T05:06:07Z' } });
  });

  it('refuses a paused Deployment with a 409, and an object without a template with a 400', () => {
    expect(() => restartPodTemplate(d(true), new Date())).toThrow(StatusError);
    try {
      restartPodTemplate(d(true), new Date());
    } catch (e) {
      expect((e as StatusError).code).toBe(409);
      expect((e as StatusError).message).toBe('Operation cannot be fulfilled on deployments.apps "web": cannot restart a paused deployment; resume it first');
    }
    expect(() => restartPodTemplate({ kind: 'ConfigMap', metadata: { name: 'c' } }, new Date())).toThrow(/has no pod template/);
  });
});

describe('change cause', () => {
  it('names who did what through which surface', () => {
    const obj: KubeObject = { metadata: { name: 'web', annotations: { keep: 'me' } } };
    setChangeCause(obj, changeCauseOf('alice', 'GraphQL', 'set image web=nginx:1.27'));
    expect(obj.metadata.annotations).toEqual({ keep: 'me', 'kubernetes.io/change-cause': 'alice via GraphQL: set image web=nginx:1.27' });
    expect(changeCauseOf('a', 'GraphQL', 'x'.repeat(5000)).length).toBe(1024);
  });
});
