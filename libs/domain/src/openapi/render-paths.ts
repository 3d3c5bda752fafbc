import { renderParameter } from './parameters';
import { OperationModel, PathModel, ResponseModel } from './paths';
import { Dialect, gvkJson, Json, refTo } from './render-schema';

const PATCH_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch';

const PATCH_CONTENT_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

function responseContentTypes(r: ResponseModel): string[] {
  if (r.schema === 'text') return ['text/plain'];
  const types = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
  return r.stream ? [...types, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'] : types;
}

function responseSchema(r: ResponseModel, dialect: Dialect): Json {
  return r.schema === 'text' ? { type: 'string' } : refTo(r.schema as string, dialect);
}

function renderResponses(op: OperationModel, dialect: Dialect): Json {
  const out: Json = {};
  for (const r of op.responses) {
    if (!r.schema) out[r.code] = { description: r.description };
    else if (dialect === 'v2') out[r.code] = { description: r.description, schema: responseSchema(r, dialect) };
    else {
      const schema = responseSchema(r, dialect);
      out[r.code] = { description: r.description, content: Object.fromEntries(responseContentTypes(r).map((ct) => [ct, { schema }])) };
    }
  }
  out['401'] = { description: 'Unauthorized' };
  return out;
}

function extensions(op: OperationModel): Json {
  const out: Json = {};
  if (op.action) out['x-kubernetes-action'] = op.action;
  if (op.gvk) out['x-kubernetes-group-version-kind'] = gvkJson(op.gvk);
  return out;
}

function renderOperationV3(op: OperationModel): Json {
  const out: Json = { tags: [op.tag], description: op.description, operationId: op.operationId };
  if (op.parameters.length) out.parameters = op.parameters.map((p) => renderParameter(p, 'v3'));
  if (op.body) {
    const content =
      op.body.kind === 'patch'
        ? Object.fromEntries(PATCH_CONTENT_TYPES.map((ct) => [ct, { schema: refTo(PATCH_DEFINITION, 'v3') }]))
        : { '*/*': { schema: refTo(op.body.schema, 'v3') } };
    out.requestBody = op.body.kind === 'options' ? { content } : { content, required: true };
  }
  out.responses = renderResponses(op, 'v3');
  return { ...out, ...extensions(op) };
}

function renderOperationV2(op: OperationModel): Json {
  const produces = op.responses.length ? responseContentTypes(op.responses[0]) : ['application/json'];
  const out: Json = {
    description: op.description,
    consumes: op.body?.kind === 'patch' ? PATCH_CONTENT_TYPES : ['*/*'],
    produces,
    schemes: ['https'],
    tags: [op.tag],
    operationId: op.operationId,
  };
  const parameters: Json[] = [];
  if (op.body) {
    const schema = op.body.kind === 'patch' ? refTo(PATCH_DEFINITION, 'v2') : refTo(op.body.schema, 'v2');
    parameters.push({ name: 'body', in: 'body', ...(op.body.kind === 'options' ? {} : { required: true }), schema });
  }
  parameters.push(...op.parameters.map((p) => renderParameter(p, 'v2')));
  if (parameters.length) out.parameters = parameters;
  out.responses = renderResponses(op, 'v2');
  return { ...out, ...extensions(op) };
}

/** The `paths` object of an OpenAPI document. */
export function renderPaths(paths: readonly PathModel[], dialect: Dialect): Json {
  const out: Json = {};
  for (const p of paths) {
    const item: Json = {};
    for (const op of p.operations) item[op.method] = dialect === 'v2' ? renderOperationV2(op) : renderOperationV3(op);
    if (p.parameters.length) item.parameters = p.parameters.map((name) => renderParameter(name, dialect));
    out[p.path] = item;
  }
  return out;
}

/** Definition names the operations of these paths use directly. */
export function pathDefinitionRefs(paths: readonly PathModel[]): string[] {
  const names = new Set<string>();
  for (const p of paths) {
    for (const op of p.operations) {
      if (op.body) names.add(op.body.kind === 'patch' ? PATCH_DEFINITION : op.body.schema);
      if (op.body?.kind === 'patch') names.add(op.body.schema);
      for (const r of op.responses) if (r.schema && r.schema !== 'text') names.add(r.schema);
    }
  }
  return [...names];
}
