import { apiVersionOf, RESOURCE_TYPES, ResourceType } from '../resources/registry';
import { APPS_DEFINITIONS } from './definitions/apps';
import { AUTOSCALING_DEFINITIONS } from './definitions/autoscaling';
import { COORDINATION_POLICY_DEFINITIONS } from './definitions/coordination-policy';
import { CORE_CONTAINER_DEFINITIONS } from './definitions/core-container';
import { CORE_NODE_DEFINITIONS } from './definitions/core-node';
import { CORE_OBJECT_DEFINITIONS } from './definitions/core-objects';
import { CORE_POD_DEFINITIONS } from './definitions/core-pod';
import { CORE_SCHEDULING_DEFINITIONS } from './definitions/core-scheduling';
import { CORE_SERVICE_DEFINITIONS } from './definitions/core-service';
import { CORE_STORAGE_DEFINITIONS } from './definitions/core-storage';
import { CORE_VOLUME_DEFINITIONS } from './definitions/core-volume';
import { META_DEFINITIONS } from './definitions/meta';
import { RBAC_DEFINITIONS } from './definitions/rbac';
import { SKIFF_DEFINITIONS } from './definitions/skiff';
import { arr, autoscalingV1, core, Definitions, GroupVersionKind, LIST_META, meta, obj, policy, ref, Schema, typeMeta } from './dsl';

/** Go package of a group, as it appears in definition names (`coordination.k8s.io` → `coordination`). */
function packageOf(group: string): string {
  return group ? group.split('.')[0] : 'core';
}

/** Kubernetes' own groups (`apps`, `rbac.authorization.k8s.io`); others are served like CRDs. */
function isKubernetesGroup(group: string): boolean {
  return !group.includes('.') || group.endsWith('.k8s.io');
}

/**
 * `io.k8s.api.apps.v1.Deployment` for apps/v1 Deployment; a group of Skiff's own is named
 * as kube-apiserver names a CRD's types: `io.skiff.v1alpha1.DeployHook` for skiff.io/v1alpha1.
 */
export function definitionName(t: Pick<ResourceType, 'group' | 'version' | 'kind'>): string {
  if (!isKubernetesGroup(t.group)) return `${t.group.split('.').reverse().join('.')}.${t.version}.${t.kind}`;
  return `io.k8s.api.${packageOf(t.group)}.${t.version}.${t.kind}`;
}

export function listDefinitionName(t: Pick<ResourceType, 'group' | 'version' | 'kind'>): string {
  return definitionName(t) + 'List';
}

function listDefinition(t: ResourceType): Schema {
  return obj(
    `A list of ${t.kind} objects.`,
    {
      ...typeMeta(),
      metadata: ref(LIST_META, 'Standard list metadata.'),
      items: arr(ref(definitionName(t)), `The ${t.kind} objects.`),
    },
    ['items'],
  );
}

/** Every named type of the served API, kinds and their lists included. */
export const DEFINITIONS: Definitions = {
  ...META_DEFINITIONS,
  ...CORE_CONTAINER_DEFINITIONS,
  ...CORE_POD_DEFINITIONS,
  ...CORE_SCHEDULING_DEFINITIONS,
  ...CORE_VOLUME_DEFINITIONS,
  ...CORE_SERVICE_DEFINITIONS,
  ...CORE_NODE_DEFINITIONS,
  ...CORE_OBJECT_DEFINITIONS,
  ...CORE_STORAGE_DEFINITIONS,
  ...APPS_DEFINITIONS,
  ...AUTOSCALING_DEFINITIONS,
  ...RBAC_DEFINITIONS,
  ...COORDINATION_POLICY_DEFINITIONS,
  ...SKIFF_DEFINITIONS,
  ...Object.fromEntries(RESOURCE_TYPES.map((t) => [listDefinitionName(t), listDefinition(t)])),
};

/** Kinds that are not served resources but travel as request or response bodies. */
const EXTRA_KINDS: Record<string, { name: string; gvk: GroupVersionKind }> = {
  Scale: { name: autoscalingV1('Scale'), gvk: { group: 'autoscaling', version: 'v1', kind: 'Scale' } },
  Eviction: { name: policy('Eviction'), gvk: { group: 'policy', version: 'v1', kind: 'Eviction' } },
  Binding: { name: core('Binding'), gvk: { group: '', version: 'v1', kind: 'Binding' } },
  Status: { name: meta('Status'), gvk: { group: '', version: 'v1', kind: 'Status' } },
};

/** Option kinds every group version accepts, tagged with all of them as the real server does. */
const SHARED_KINDS = ['DeleteOptions', 'WatchEvent'];

function servedGroupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of RESOURCE_TYPES) seen.set(apiVersionOf(t), { group: t.group, version: t.version });
  for (const { gvk } of Object.values(EXTRA_KINDS)) seen.set(apiVersionOf(gvk), { group: gvk.group, version: gvk.version });
  return [...seen.values()];
}

/** The `x-kubernetes-group-version-kind` values of a definition; empty for plain nested types. */
export function groupVersionKinds(name: string): GroupVersionKind[] {
  for (const t of RESOURCE_TYPES) {
    if (definitionName(t) === name) return [{ group: t.group, version: t.version, kind: t.kind }];
    if (listDefinitionName(t) === name) return [{ group: t.group, version: t.version, kind: `${t.kind}List` }];
  }
  for (const extra of Object.values(EXTRA_KINDS)) if (extra.name === name) return [extra.gvk];
  const shared = SHARED_KINDS.find((k) => meta(k) === name);
  if (shared) return servedGroupVersions().map((gv) => ({ ...gv, kind: shared }));
  return [];
}

/** Definition name of a kind as clients send it (`Deployment`, `PodList`, `Scale`, `DeleteOptions`). */
export function definitionNameForKind(kind: string): string | undefined {
  for (const t of RESOURCE_TYPES) {
    if (t.kind === kind) return definitionName(t);
    if (`${t.kind}List` === kind) return listDefinitionName(t);
  }
  if (EXTRA_KINDS[kind]) return EXTRA_KINDS[kind].name;
  if (SHARED_KINDS.includes(kind)) return meta(kind);
  return undefined;
}

/** Every definition name a schema refers to, directly. */
export function directRefs(schema: Schema): string[] {
  switch (schema.type) {
    case 'ref':
      return [schema.name];
    case 'array':
      return directRefs(schema.items);
    case 'map':
      return directRefs(schema.values);
    case 'object':
      return Object.values(schema.properties).flatMap(directRefs);
    default:
      return [];
  }
}

/** The given definitions and everything they refer to, transitively, in a stable order. */
export function definitionClosure(roots: readonly string[], definitions: Definitions = DEFINITIONS): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    const schema = definitions[name];
    if (!schema) throw new Error(`schema: no definition named ${name}`);
    seen.add(name);
    directRefs(schema).forEach(visit);
  };
  roots.forEach(visit);
  return [...seen].sort();
}
