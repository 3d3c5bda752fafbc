import { fieldLine, fieldSteps } from './field-line';
import { parseManifest } from './manifest-documents';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: -1
  template:
    spec:
      containers:
        - name: a
          image: a:1
        - name: b
          image: ""
`;

describe('fieldSteps', () => {
  it('reads names, list indexes and map keys as Kubernetes writes field paths', () => {
    expect(fieldSteps('spec.template.spec.containers[1].image')).toEqual(['spec', 'template', 'spec', 'containers', 1, 'image']);
    expect(fieldSteps('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
});

describe('fieldLine', () => {
  const { documents, lines } = parseManifest(DEPLOYMENT);
  const line = (path: string) => fieldLine(documents[0].doc, lines, documents[0].at, path);

  it('finds the line of the key of a field', () => {
    expect(line('spec.replicas')).toBe(8);
    expect(line('metadata.labels[app]')).toBe(6);
  });

  it('follows list indexes', () => {
    expect(line('spec.template.spec.containers[1].image')).toBe(15);
  });

  it('points a missing field at the deepest part of its path that is written', () => {
    expect(line('spec.template.spec.containers[1].ports[0].containerPort')).toBe(14);
    expect(line('spec.selector')).toBe(7);
    expect(line('status.replicas')).toBeUndefined();
  });

  it('finds fields of the objects of a List at their item', () => {
    const list = parseManifest(`apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: Bad\n`);
    expect(list.documents.map((d) => d.line)).toEqual([4, 8]);
    expect(fieldLine(list.documents[1].doc, list.lines, list.documents[1].at, 'metadata.name')).toBe(11);
  });
});
