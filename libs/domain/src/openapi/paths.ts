import { RESOURCE_TYPES, ResourceType } from '../resources/registry';
import type { GroupVersionKind } from '../schema';
import { definitionName, definitionNameForKind, listDefinitionName } from '../schema';
import {
  DELETE_COLLECTION_PARAMETERS, DELETE_PARAMETERS, LIST_PARAMETERS, LOG_PARAMETERS, ParameterName, PATCH_PARAMETERS, WRITE_PARAMETERS,
} from './parameters';

/** How a request body is sent: a whole object, a patch (four content types) or delete options. */
export type BodyKind = 'object' | 'patch' | 'options';

export interface ResponseModel {
  code: string;
  description: string;
  /** Definition name of the body; `text` for plain text (logs); absent for no body. */
  schema?: string;
  /** Whether the response may be a watch stream. */
  stream?: boolean;
}

/** One operation, independent of the OpenAPI flavour it is rendered to. */
export interface OperationModel {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  operationId: string;
  description: string;
  /** `x-kubernetes-action`; absent on discovery operations. */
  action?: string;
  gvk?: GroupVersionKind;
  tag: string;
  parameters: ParameterName[];
  body?: { schema: string; kind: BodyKind };
  responses: ResponseModel[];
}

export interface PathModel {
  path: string;
  /** Parameters shared by every operation of the path. */
  parameters: ParameterName[];
  operations: OperationModel[];
}

/** Subresources with a documented operation set; the others (exec, proxy...) are not served. */
const DOCUMENTED_SUBRESOURCES = ['status', 'scale', 'binding', 'eviction', 'log', 'finalize'];

const STATUS = definitionNameForKind('Status') as string;
const DELETE_OPTIONS = definitionNameForKind('DeleteOptions') as string;
const WATCH_EVENT = definitionNameForKind('WatchEvent') as string;
const API_RESOURCE_LIST = 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList';

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `Core`, `Apps`, `Coordination`: the group part of operation IDs. */
function groupWord(group: string): string {
  return capitalize(group ? group.split('.')[0] : 'core');
}

/** `core_v1`, `apps_v1`, `coordination_v1`: the tag of a group version. */
export function groupVersionTag(group: string, version: string): string {
  return `${group ? group.split('.')[0] : 'core'}_${version}`;
}

/** `/api/v1` or `/apis/apps/v1`. */
export function groupVersionPrefix(group: string, version: string): string {
  return group ? `/apis/${group}/${version}` : `/api/${version}`;
}

function ok(schema: string, ...codes: [string, string][]): ResponseModel[] {
  return codes.map(([code, description]) => ({ code, description, schema }));
}

const READ = (schema: string): ResponseModel[] => ok(schema, ['200', 'OK']);
const CREATED = (schema: string): ResponseModel[] => ok(schema, ['200', 'OK'], ['201', 'Created'], ['202', 'Accepted']);
const REPLACED = (schema: string): ResponseModel[] => ok(schema, ['200', 'OK'], ['201', 'Created']);
const DELETED: ResponseModel[] = ok(STATUS, ['200', 'OK'], ['202', 'Accepted']);

function gvkOf(t: ResourceType): GroupVersionKind {
  return { group: t.group, version: t.version, kind: t.kind };
}

type OperationBase = Pick<OperationModel, 'gvk' | 'tag'>;
type OperationFields = Omit<OperationModel, 'gvk' | 'tag' | 'parameters' | 'responses'> & Partial<Pick<OperationModel, 'parameters' | 'responses'>>;

function operation(base: OperationBase, fields: OperationFields): OperationModel {
  return { ...base, parameters: [], responses: [], ...fields };
}

const streamed = (responses: ResponseModel[]): ResponseModel[] => responses.map((r) => ({ ...r, stream: true }));

/** The paths of one resource: collection, item, subresources, watch and cluster-wide list. */
function resourcePaths(t: ResourceType): PathModel[] {
  const prefix = groupVersionPrefix(t.group, t.version);
  const scope = t.namespaced ? '/namespaces/{namespace}' : '';
  const scopeParams: ParameterName[] = t.namespaced ? ['namespace'] : [];
  const scopeWord = t.namespaced ? 'Namespaced' : '';
  const gv = `${groupWord(t.group)}${capitalize(t.version)}`;
  const id = (verb: string, suffix = ''): string => `${verb}${gv}${scopeWord}${t.kind}${suffix}`;
  const kindDef = definitionName(t);
  const listDef = listDefinitionName(t);
  const base: OperationBase = { gvk: gvkOf(t), tag: groupVersionTag(t.group, t.version) };
  const op = (fields: OperationFields): OperationModel => operation(base, fields);
  const collection = `${prefix}${scope}/${t.resource}`;
  const item = `${collection}/{name}`;
  const objectBody = { schema: kindDef, kind: 'object' as const };
  const deleteBody = { schema: DELETE_OPTIONS, kind: 'options' as const };

  const paths: PathModel[] = [
    {
      path: collection,
      parameters: [...scopeParams, 'pretty'],
      operations: [
        op({ method: 'get', action: 'list', operationId: id('list'), description: `List or watch ${t.kind} objects.`, parameters: LIST_PARAMETERS, responses: streamed(READ(listDef)) }),
        op({ method: 'post', action: 'post', operationId: id('create'), description: `Create a ${t.kind}.`, parameters: WRITE_PARAMETERS, body: objectBody, responses: CREATED(kindDef) }),
        op({
          method: 'delete', action: 'deletecollection', operationId: `delete${gv}Collection${scopeWord}${t.kind}`, description: `Delete every ${t.kind} matching the selectors.`,
          parameters: DELETE_COLLECTION_PARAMETERS, body: deleteBody, responses: READ(STATUS),
        }),
      ],
    },
    {
      path: item,
      parameters: ['name', ...scopeParams, 'pretty'],
      operations: [
        op({ method: 'get', action: 'get', operationId: id('read'), description: `Read the given ${t.kind}.`, responses: READ(kindDef) }),
        op({ method: 'put', action: 'put', operationId: id('replace'), description: `Replace the given ${t.kind}.`, parameters: WRITE_PARAMETERS, body: objectBody, responses: REPLACED(kindDef) }),
        op({ method: 'patch', action: 'patch', operationId: id('patch'), description: `Partially update the given ${t.kind}.`, parameters: PATCH_PARAMETERS, body: { schema: kindDef, kind: 'patch' }, responses: REPLACED(kindDef) }),
        op({ method: 'delete', action: 'delete', operationId: id('delete'), description: `Delete the given ${t.kind}.`, parameters: DELETE_PARAMETERS, body: deleteBody, responses: DELETED }),
      ],
    },
  ];

  for (const sub of t.subresources.filter((s) => DOCUMENTED_SUBRESOURCES.includes(s))) {
    paths.push({ path: `${item}/${sub}`, parameters: ['name', ...scopeParams, 'pretty'], operations: subresourceOperations(t, sub, id, base) });
  }

  // Watch paths are deprecated in favour of ?watch=true, but still served and documented.
  const watch = (action: string, operationId: string, description: string): OperationModel =>
    op({ method: 'get', action, operationId, description, responses: streamed(READ(WATCH_EVENT)) });
  const watchParams: ParameterName[] = [...LIST_PARAMETERS, ...scopeParams, 'pretty'];
  paths.push(
    { path: `${prefix}/watch${scope}/${t.resource}`, parameters: watchParams, operations: [watch('watchlist', id('watch', 'List'), `Watch changes to ${t.kind} objects.`)] },
    { path: `${prefix}/watch${scope}/${t.resource}/{name}`, parameters: ['name', ...watchParams], operations: [watch('watch', id('watch'), `Watch changes to one ${t.kind}.`)] },
  );
  if (t.namespaced) {
    const all = `${gv}${t.kind}`;
    paths.push(
      {
        path: `${prefix}/${t.resource}`,
        parameters: [...LIST_PARAMETERS, 'pretty'],
        operations: [op({ method: 'get', action: 'list', operationId: `list${all}ForAllNamespaces`, description: `List or watch ${t.kind} objects of every namespace.`, responses: streamed(READ(listDef)) })],
      },
      {
        path: `${prefix}/watch/${t.resource}`,
        parameters: [...LIST_PARAMETERS, 'pretty'],
        operations: [watch('watchlist', `watch${all}ListForAllNamespaces`, `Watch changes to ${t.kind} objects of every namespace.`)],
      },
    );
  }
  return paths;
}

function subresourceOperations(t: ResourceType, sub: string, id: (verb: string, suffix?: string) => string, base: OperationBase): OperationModel[] {
  const suffix = capitalize(sub);
  const kindDef = definitionName(t);
  const readReplacePatch = (schema: string, gvk: GroupVersionKind, what: string): OperationModel[] => {
    const op = (fields: OperationFields): OperationModel => operation({ ...base, gvk }, fields);
    return [
      op({ method: 'get', action: 'get', operationId: id('read', suffix), description: `Read ${what} of the given ${t.kind}.`, responses: READ(schema) }),
      op({ method: 'put', action: 'put', operationId: id('replace', suffix), description: `Replace ${what} of the given ${t.kind}.`, parameters: WRITE_PARAMETERS, body: { schema, kind: 'object' }, responses: REPLACED(schema) }),
      op({ method: 'patch', action: 'patch', operationId: id('patch', suffix), description: `Partially update ${what} of the given ${t.kind}.`, parameters: PATCH_PARAMETERS, body: { schema, kind: 'patch' }, responses: REPLACED(schema) }),
    ];
  };
  const post = (gvk: GroupVersionKind, description: string): OperationModel[] => {
    const schema = definitionNameForKind(gvk.kind) as string;
    return [operation({ ...base, gvk }, { method: 'post', action: 'post', operationId: id('create', suffix), description, parameters: WRITE_PARAMETERS, body: { schema, kind: 'object' }, responses: CREATED(schema) })];
  };
  switch (sub) {
    case 'status':
      return readReplacePatch(kindDef, base.gvk as GroupVersionKind, 'the status');
    case 'scale':
      return readReplacePatch(definitionNameForKind('Scale') as string, { group: 'autoscaling', version: 'v1', kind: 'Scale' }, 'the scale');
    case 'binding':
      return post({ group: '', version: 'v1', kind: 'Binding' }, `Bind the given ${t.kind} to a node.`);
    case 'eviction':
      return post({ group: 'policy', version: 'v1', kind: 'Eviction' }, `Evict the given ${t.kind}, honouring disruption budgets.`);
    case 'log':
      return [operation(base, { method: 'get', action: 'get', operationId: id('read', suffix), description: `Read the logs of a container of the given ${t.kind}.`, parameters: LOG_PARAMETERS, responses: [{ code: '200', description: 'OK', schema: 'text' }] })];
    case 'finalize':
      return [operation(base, { method: 'put', action: 'put', operationId: id('replace', suffix), description: `Replace the finalizers of the given ${t.kind}.`, parameters: WRITE_PARAMETERS, body: { schema: kindDef, kind: 'object' }, responses: REPLACED(kindDef) })];
    default:
      return [];
  }
}

/** The discovery path of a group version (`/apis/apps/v1/`), listing its resources. */
function discoveryPath(group: string, version: string): PathModel {
  return {
    path: `${groupVersionPrefix(group, version)}/`,
    parameters: [],
    operations: [
      {
        method: 'get',
        operationId: `get${groupWord(group)}${capitalize(version)}APIResources`,
        description: 'Get the resources this group version serves.',
        tag: groupVersionTag(group, version),
        parameters: [],
        responses: READ(API_RESOURCE_LIST),
      },
    ],
  };
}

/** Every documented path of one group version, sorted by path. */
export function groupVersionPaths(group: string, version: string): PathModel[] {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  if (!types.length) return [];
  return [discoveryPath(group, version), ...types.flatMap(resourcePaths)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The served group versions, core first. */
export function servedGroupVersions(): { group: string; version: string }[] {
  const out: { group: string; version: string }[] = [];
  for (const t of RESOURCE_TYPES) {
    if (!out.some((gv) => gv.group === t.group && gv.version === t.version)) out.push({ group: t.group, version: t.version });
  }
  return out;
}
