/**
 * Where strategic merge patch finds how to merge a field: the `patchStrategy` and
 * `patchMergeKey` struct tags of k8s.io/api (v1.32), written out as a table.
 */
export type PatchStrategy = 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';

export interface PatchMeta {
  strategy?: PatchStrategy;
  mergeKey?: string;
}

export interface PatchMetaLookup {
  /** `path` is the field names from the object root, list indices left out. */
  lookup(path: readonly string[]): PatchMeta | undefined;
}

interface MetaNode {
  meta?: PatchMeta;
  fields?: Readonly<Record<string, MetaNode>>;
}

const byKey = (mergeKey: string, fields?: Record<string, MetaNode>): MetaNode => ({
  meta: { strategy: 'merge', mergeKey },
  fields,
});

const conditions: MetaNode = byKey('type');

const objectMeta: MetaNode = {
  fields: {
    ownerReferences: byKey('uid'),
    finalizers: { meta: { strategy: 'merge' } },
  },
};

const containerFields: Record<string, MetaNode> = {
  ports: byKey('containerPort'),
  env: byKey('name'),
  volumeMounts: byKey('mountPath'),
  volumeDevices: byKey('devicePath'),
};

const podSpec: MetaNode = {
  fields: {
    containers: byKey('name', containerFields),
    initContainers: byKey('name', containerFields),
    ephemeralContainers: byKey('name', containerFields),
    volumes: { meta: { strategy: 'merge,retainKeys', mergeKey: 'name' } },
    imagePullSecrets: byKey('name'),
    hostAliases: byKey('ip'),
    topologySpreadConstraints: byKey('topologyKey'),
    schedulingGates: byKey('name'),
    resourceClaims: { meta: { strategy: 'merge,retainKeys', mergeKey: 'name' } },
  },
};

const containerStatus: MetaNode = {
  fields: { volumeMounts: byKey('mountPath'), allocatedResourcesStatus: byKey('name') },
};

const podStatus: MetaNode = {
  fields: {
    conditions,
    hostIPs: byKey('ip'),
    podIPs: byKey('ip'),
    resourceClaimStatuses: { meta: { strategy: 'merge,retainKeys', mergeKey: 'name' } },
    containerStatuses: containerStatus,
    initContainerStatuses: containerStatus,
    ephemeralContainerStatuses: containerStatus,
  },
};

const podTemplate: MetaNode = { fields: { metadata: objectMeta, spec: podSpec } };

const statusWithConditions: MetaNode = { fields: { conditions } };

function kindRoot(spec?: Record<string, MetaNode>, status: MetaNode = statusWithConditions): MetaNode {
  return { fields: { metadata: objectMeta, ...(spec ? { spec: { fields: spec } } : {}), status } };
}

// Lists without an entry (tolerations, Endpoints subsets, volumeClaimTemplates,
// matchExpressions, ...) have no strategy and are replaced whole, as in Kubernetes.
const KINDS: Readonly<Record<string, MetaNode>> = {
  Pod: { fields: { metadata: objectMeta, spec: podSpec, status: podStatus } },
  Deployment: kindRoot({ template: podTemplate, strategy: { meta: { strategy: 'retainKeys' } } }),
  ReplicaSet: kindRoot({ template: podTemplate }),
  StatefulSet: kindRoot({ template: podTemplate }),
  DaemonSet: kindRoot({ template: podTemplate }),
  ReplicationController: kindRoot({ template: podTemplate }),
  Service: kindRoot({ ports: byKey('port') }),
  Node: kindRoot(
    { podCIDRs: { meta: { strategy: 'merge' } } },
    { fields: { conditions, addresses: byKey('type') } },
  ),
  Namespace: kindRoot(),
  PersistentVolumeClaim: kindRoot(),
  HorizontalPodAutoscaler: kindRoot(),
};

const METADATA_ONLY: MetaNode = { fields: { metadata: objectMeta } };

function treeLookup(root: MetaNode): PatchMetaLookup {
  return {
    lookup(path) {
      let node: MetaNode | undefined = root;
      for (const name of path) {
        const fields: Readonly<Record<string, MetaNode>> | undefined = node?.fields;
        node = fields && Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
        if (!node) return undefined;
      }
      return node.meta;
    },
  };
}

/** The patch metadata of a served kind; other kinds get ObjectMeta's only. */
export function builtinPatchMeta(kind: string): PatchMetaLookup {
  return treeLookup(Object.prototype.hasOwnProperty.call(KINDS, kind) ? KINDS[kind] : METADATA_ONLY);
}

/** A lookup with no metadata at all: every list is replaced, every map merged. */
export const NO_PATCH_META: PatchMetaLookup = { lookup: () => undefined };
