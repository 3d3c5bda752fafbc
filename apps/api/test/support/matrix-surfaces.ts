import type { TestApi } from './test-server';
import { patchLabel, type Cell } from './matrix-cells';
import { roleBinding, restPath, type MatrixKind } from './matrix-kinds';

/**
 * Performing one matrix cell for real, as its subject, on REST (the real kubectl) or
 * GraphQL, and looking, as the admin, at what it changed.
 */
export interface Outcome {
  status: 'ok' | 'forbidden' | 'failed';
  message: string;
  /** Names a read returned (reads only). */
  names: string[];
}

export interface Caller {
  kubeconfig: string;
  token: string;
}

/** The manifest a create (or bind) cell writes. */
export function createManifest(cell: Cell): Record<string, any> {
  if (cell.action === 'bind') return roleBinding(cell.name!, cell.namespace, cell.granted!);
  return cell.kind.manifest(cell.name!, cell.namespace);
}

export async function performRest(api: TestApi, caller: Caller, cell: Cell): Promise<Outcome> {
  const k = cell.kind;
  const ns = cell.namespace ? ['-n', cell.namespace] : [];
  let args: string[];
  let input: string | undefined;
  switch (cell.action) {
    case 'get':
      args = ['get', k.resource, cell.name!, ...ns, '-o', 'name'];
      break;
    case 'list':
      args = ['get', k.resource, ...(cell.scope === 'cluster' && k.addressing === 'namespaced' ? ['--all-namespaces'] : ns), '-o', 'name'];
      break;
    case 'create':
    case 'bind':
      args = ['create', '-f', '-'];
      input = JSON.stringify(createManifest(cell));
      break;
    case 'patch':
      args = ['patch', k.resource, cell.name!, ...ns, '--type=merge', '-p', JSON.stringify({ metadata: { labels: { [patchLabel(cell)]: 'yes' } } })];
      break;
    case 'scale':
      args = ['scale', k.resource, cell.name!, ...ns, '--replicas=1'];
      break;
    case 'delete':
      args = ['delete', k.resource, cell.name!, ...ns, '--wait=false'];
      break;
  }
  const r = await api.kubectl(args, { kubeconfig: caller.kubeconfig, input });
  const names = r.code === 0 && (cell.action === 'get' || cell.action === 'list') ? r.stdout.split('\n').filter(Boolean).map((line) => line.slice(line.indexOf('/') + 1)) : [];
  if (r.code === 0) return { status: 'ok', message: r.stdout.trim(), names };
  // kubectl scale words a refused read of the workload its own way: "error: no objects passed to scale <the 403's message>".
  const status = /Error from server \(Forbidden\)|^error: no objects passed to scale .* is forbidden: User "/m.test(r.stderr) ? 'forbidden' : 'failed';
  return { status, message: r.stderr.trim(), names };
}

/** The GraphQL operation of a cell: its document and variables; its one field is aliased `x`. */
function graphqlOperation(cell: Cell): { query: string; variables: Record<string, unknown> } {
  const k = cell.kind;
  const ns = k.addressing === 'namespaced' ? cell.namespace : undefined;
  switch (cell.action) {
    case 'get':
      return { query: `query($ns: String, $name: String!) { x: ${k.gqlGet}(namespace: $ns, name: $name) { metadata { name } } }`, variables: { ns, name: cell.name } };
    case 'list':
      return { query: `query($ns: String) { x: ${k.gqlList}(namespace: $ns) { metadata { name } } }`, variables: { ns } };
    case 'create':
    case 'bind':
      return { query: `mutation($m: String!, $ns: String) { x: apply(manifest: $m, namespace: $ns) { action } }`, variables: { m: JSON.stringify(createManifest(cell)), ns } };
    case 'patch': {
      // apply of the object as it was made, plus one label: kubectl apply's get, then patch.
      const m = k.manifest(cell.name!, ns);
      m.metadata.labels = { [patchLabel(cell)]: 'yes' };
      return { query: `mutation($m: String!, $ns: String) { x: apply(manifest: $m, namespace: $ns) { action } }`, variables: { m: JSON.stringify(m), ns } };
    }
    case 'scale':
      return { query: `mutation($k: String!, $ns: String, $name: String!) { x: scale(kind: $k, namespace: $ns, name: $name, replicas: 1) }`, variables: { k: k.kind, ns, name: cell.name } };
    case 'delete':
      return { query: `mutation($k: String!, $ns: String, $name: String!) { x: delete(kind: $k, namespace: $ns, name: $name) { removed } }`, variables: { k: k.kind, ns, name: cell.name } };
  }
}

export async function performGraphql(api: TestApi, caller: Caller, cell: Cell): Promise<Outcome> {
  const r = await api.call('POST', '/graphql', { body: graphqlOperation(cell), token: caller.token });
  const errors: { message: string; extensions?: { code?: string } }[] = r.body?.errors ?? [];
  const x = r.body?.data?.x;
  const names = (Array.isArray(x) ? x : x ? [x] : []).map((o: { metadata?: { name?: string } }) => o?.metadata?.name ?? '');
  if (r.status !== 200 && !errors.length) return { status: 'failed', message: `HTTP ${r.status}: ${r.text.slice(0, 300)}`, names };
  if (!errors.length) return { status: 'ok', message: '', names };
  const forbidden = errors.every((e) => e.extensions?.code === 'Forbidden');
  // A refused field answers null: anything else there leaked past the refusal.
  const leaked = forbidden && x != null ? ` (but data.x is ${JSON.stringify(x).slice(0, 200)})` : '';
  return { status: forbidden && !leaked ? 'forbidden' : 'failed', message: errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') + leaked, names };
}

async function adminGet(api: TestApi, k: MatrixKind, namespace: string | undefined, name: string): Promise<any | undefined> {
  const r = await api.call('GET', restPath(k, namespace, name));
  if (r.status === 404) return undefined;
  if (r.status !== 200) throw new Error(`GET ${restPath(k, namespace, name)}: ${r.status} ${r.text}`);
  return r.body;
}

/** Whether a write cell's change is there, as the admin sees it. */
export async function writeTookEffect(api: TestApi, cell: Cell): Promise<boolean> {
  const obj = await adminGet(api, cell.kind, cell.namespace, cell.name!);
  switch (cell.action) {
    case 'create':
    case 'bind':
      return obj !== undefined;
    case 'patch':
      return obj?.metadata?.labels?.[patchLabel(cell)] === 'yes';
    case 'scale':
      return obj?.spec?.replicas === 1;
    case 'delete':
      return obj === undefined || !!obj.metadata.deletionTimestamp;
    default:
      throw new Error(`${cell.action} writes nothing`);
  }
}
