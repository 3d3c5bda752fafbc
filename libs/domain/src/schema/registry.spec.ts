import { RESOURCE_TYPES } from '../resources/registry';
import type { ArraySchema, ObjectSchema, RefSchema } from './dsl';
import { DEFINITIONS, definitionClosure, definitionName, definitionNameForKind, groupVersionKinds, listDefinitionName } from './registry';

const object = (name: string): ObjectSchema => DEFINITIONS[name] as ObjectSchema;
const field = <T>(name: string, key: string): T => object(name).properties[key] as T;

describe('schema registry', () => {
  it('resolves every reference to a definition', () => {
    expect(() => definitionClosure(Object.keys(DEFINITIONS))).not.toThrow();
  });

  it('has an object definition, tagged with its group-version-kind, for each served kind and its list', () => {
    for (const t of RESOURCE_TYPES) {
      const schema = object(definitionName(t));
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata']));
      expect(groupVersionKinds(definitionName(t))).toEqual([{ group: t.group, version: t.version, kind: t.kind }]);
      expect(groupVersionKinds(listDefinitionName(t))).toEqual([{ group: t.group, version: t.version, kind: `${t.kind}List` }]);
    }
  });

  it('names definitions after the Go packages of the real API', () => {
    expect(definitionNameForKind('Pod')).toBe('io.k8s.api.core.v1.Pod');
    expect(definitionNameForKind('DeploymentList')).toBe('io.k8s.api.apps.v1.DeploymentList');
    expect(definitionNameForKind('Lease')).toBe('io.k8s.api.coordination.v1.Lease');
    expect(definitionNameForKind('HorizontalPodAutoscaler')).toBe('io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler');
    expect(definitionNameForKind('Scale')).toBe('io.k8s.api.autoscaling.v1.Scale');
    expect(definitionNameForKind('ClusterRoleBinding')).toBe('io.k8s.api.rbac.v1.ClusterRoleBinding');
    // Skiff's own kinds are named as kube-apiserver names a CRD's: the reversed group first.
    expect(definitionNameForKind('DeployHook')).toBe('io.skiff.v1alpha1.DeployHook');
    expect(definitionNameForKind('Nope')).toBeUndefined();
  });

  it('carries the strategic merge keys kubectl needs for client-side apply', () => {
    const podSpec = 'io.k8s.api.core.v1.PodSpec';
    const container = 'io.k8s.api.core.v1.Container';
    expect(field<ArraySchema>(podSpec, 'containers')).toMatchObject({ patchMergeKey: 'name', patchStrategy: 'merge', listType: 'map', listMapKeys: ['name'] });
    expect(field<ArraySchema>(podSpec, 'volumes')).toMatchObject({ patchMergeKey: 'name', patchStrategy: 'merge,retainKeys' });
    expect(field<ArraySchema>(container, 'ports')).toMatchObject({ patchMergeKey: 'containerPort', listMapKeys: ['containerPort', 'protocol'] });
    expect(field<ArraySchema>(container, 'volumeMounts')).toMatchObject({ patchMergeKey: 'mountPath', patchStrategy: 'merge' });
    expect(field<ArraySchema>(podSpec, 'tolerations')).toMatchObject({ listType: 'atomic' });
    expect(field<ArraySchema>(podSpec, 'tolerations').patchStrategy).toBeUndefined();
    expect(field<RefSchema>('io.k8s.api.apps.v1.DeploymentSpec', 'strategy')).toMatchObject({ patchStrategy: 'retainKeys' });
    expect(field<ArraySchema>('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'ownerReferences')).toMatchObject({ patchMergeKey: 'uid' });
  });

  it('marks the fields the real API requires', () => {
    expect(object('io.k8s.api.core.v1.Container').required).toEqual(['name']);
    expect(object('io.k8s.api.apps.v1.DeploymentSpec').required).toEqual(['selector', 'template']);
    expect(object('io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec').required).toEqual(['scaleTargetRef', 'maxReplicas']);
    expect(object('io.k8s.api.rbac.v1.PolicyRule').required).toEqual(['verbs']);
    expect(object('io.k8s.api.rbac.v1.RoleBinding').required).toEqual(['roleRef']);
    expect(object('io.k8s.api.rbac.v1.RoleRef').required).toEqual(['apiGroup', 'kind', 'name']);
    expect(object('io.k8s.api.rbac.v1.Subject').required).toEqual(['kind', 'name']);
  });

  it('lists a definition and everything it refers to', () => {
    const names = definitionClosure(['io.k8s.api.coordination.v1.Lease']);
    expect(names).toEqual(expect.arrayContaining(['io.k8s.api.coordination.v1.LeaseSpec', 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']));
    expect(names).not.toContain('io.k8s.api.core.v1.PodSpec');
  });
});
