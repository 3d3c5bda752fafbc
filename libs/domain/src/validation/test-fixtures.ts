/** Objects for specs: valid as written, then defaulted the way the server would. */
import { applyDefaults } from '../defaults/apply-defaults';
import type { KubeObject } from '../meta/types';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defaulted(kind: string, obj: Json): Json {
  const copy = JSON.parse(JSON.stringify(obj)) as Json;
  applyDefaults(kind, copy as unknown as KubeObject);
  return copy;
}

export function podTemplate(labels: Record<string, string> = { app: 'web' }): Json {
  return { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } };
}

export function pod(overrides: Json = {}): Json {
  return defaulted('Pod', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
    ...overrides,
  });
}

export function deployment(): Json {
  return defaulted('Deployment', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate() },
  });
}

export function service(spec: Json = {}): Json {
  return defaulted('Service', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  });
}

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
