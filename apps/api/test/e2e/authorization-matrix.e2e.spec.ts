import * as fs from 'fs';
import * as path from 'path';
import { describeCell, matrixCells, SEED, SEED_NODE, seedOf, SUBJECTS, userOf, victimsOf, type Cell, type Subject } from '../support/matrix-cells';
import { MATRIX_KINDS, restPath } from '../support/matrix-kinds';
import { performGraphql, performRest, writeTookEffect, type Caller, type Outcome } from '../support/matrix-surfaces';
import { startTestApi, type TestApi } from '../support/test-server';

/** Runs `fn` over `items`, `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

interface Result {
  cell: Cell;
  outcome: Outcome;
  problem?: string;
}

/**
 * Issue 5's acceptance: roles × verbs × kinds × scopes, each request actually made (never
 * `auth can-i`) on REST with the real kubectl and on GraphQL, every answer and every
 * effect compared with what Kubernetes' built-in roles allow (the hand-written
 * expectations of built-in-role-expectations.ts).
 */
describe('authorization matrix over REST (kubectl) and GraphQL', () => {
  let api: TestApi;
  const callers = new Map<Subject, Caller>();
  const results: Result[] = [];

  async function addCaller(subject: Subject): Promise<void> {
    const name = userOf(subject);
    expect((await api.call('POST', '/skiff/v1/users', { body: { name, password: `${name}-long-password` } })).status).toBe(201);
    const token = (await api.call('POST', '/skiff/v1/tokens', { body: { name: 'matrix', user: name } })).body.token as string;
    const kubeconfig = path.join(api.home, `${name}.kubeconfig`);
    const admin = fs.readFileSync(api.kubeconfig, 'utf8');
    fs.writeFileSync(kubeconfig, admin.replace(/token: .*/, `token: ${token}`).replace(/name: admin/g, `name: ${name}`).replace(/user: admin/g, `user: ${name}`), { mode: 0o600 });
    callers.set(subject, { kubeconfig, token });
  }

  async function adminCreate(manifest: Record<string, any>): Promise<void> {
    const kind = MATRIX_KINDS.find((k) => k.kind === manifest.kind)!;
    const collection = restPath(kind, manifest.metadata.namespace, '').replace(/\/$/, '');
    const r = await api.call('POST', collection, { body: manifest });
    if (r.status !== 201) throw new Error(`admin could not create ${manifest.kind} ${manifest.metadata.name}: ${r.status} ${r.text}`);
  }

  beforeAll(async () => {
    api = await startTestApi();
    for (const ns of ['team-a', 'team-b']) await api.kubectlOk(['create', 'namespace', ns]);
    for (const subject of SUBJECTS) await addCaller(subject);
    for (const role of ['view', 'edit', 'admin']) await api.kubectlOk(['create', 'rolebinding', `mx-${role}`, '-n', 'team-a', `--clusterrole=${role}`, `--user=${userOf(role as Subject)}`]);
    await api.kubectlOk(['create', 'clusterrolebinding', 'mx-cluster-admin', '--clusterrole=cluster-admin', `--user=${userOf('cluster-admin')}`]);
    // One object of each kind in each namespace, for the reads; one per write cell, for patch, scale and delete.
    const seeds = MATRIX_KINDS.flatMap((k) =>
      k.addressing === 'namespaced' ? ['team-a', 'team-b'].map((ns) => k.manifest(SEED, ns)) : k.addressing === 'cluster' ? [k.manifest(SEED_NODE)] : [],
    );
    const victims = victimsOf(matrixCells()).map((c) => c.kind.manifest(c.name!, c.namespace));
    await inPool([...seeds, ...victims], 8, (m) => adminCreate(m));
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('serves on GraphQL every query the matrix asks', async () => {
    const r = await api.call('POST', '/graphql', { body: { query: '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }' } });
    const queries = r.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name);
    const mutations = r.body.data.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    for (const k of MATRIX_KINDS) expect(queries).toEqual(expect.arrayContaining([k.gqlGet, k.gqlList]));
    expect(mutations).toEqual(expect.arrayContaining(['apply', 'delete', 'scale']));
  }, 30_000);

  it('refuses a view user every read of Secrets, on both surfaces', async () => {
    const view = callers.get('view')!;
    for (const args of [['get', 'secrets', '-n', 'team-a'], ['get', 'secret', SEED, '-n', 'team-a', '-o', 'yaml']]) {
      const r = await api.kubectl(args, { kubeconfig: view.kubeconfig });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain('Error from server (Forbidden)');
      expect(r.stdout).toBe('');
    }
    for (const query of ['{ x: secrets(namespace: "team-a") { metadata { name } data } }', '{ x: secret(namespace: "team-a", name: "seed") { metadata { name } data } }']) {
      const r = await api.call('POST', '/graphql', { body: { query }, token: view.token });
      expect(r.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['Forbidden']);
      expect(r.body.data?.x ?? null).toBeNull();
      expect(r.text).not.toContain(Buffer.from('not-for-view').toString('base64'));
    }
  }, 30_000);

  it('agrees with Kubernetes in every cell, on both surfaces, with zero escapes', async () => {
    const cells = matrixCells();
    const started = Date.now();
    for (const phase of [...new Set(cells.map((c) => c.phase))].sort((a, b) => a - b)) {
      const batch = cells.filter((c) => c.phase === phase);
      // kubectl is a process per cell: four at a time on two cores; GraphQL requests are cheap.
      await Promise.all([
        inPool(batch.filter((c) => c.surface === 'rest'), 4, async (cell) => void results.push(await judge(cell, await performRest(api, callers.get(cell.subject)!, cell)))),
        inPool(batch.filter((c) => c.surface === 'graphql'), 4, async (cell) => void results.push(await judge(cell, await performGraphql(api, callers.get(cell.subject)!, cell)))),
      ]);
    }
    const problems = results.filter((r) => r.problem).map((r) => `${describeCell(r.cell)}: ${r.problem}`);
    const allowed = results.filter((r) => r.cell.expected).length;
    // Visible with --verbose: how big the matrix is and how long it took.
    process.stdout.write(`authorization matrix: ${results.length} cells (${allowed} allowed, ${results.length - allowed} denied) in ${Date.now() - started} ms\n`);
    expect(problems).toEqual([]);
    expect(results).toHaveLength(cells.length);
    expect(allowed).toBeGreaterThan(250);
    expect(results.length - allowed).toBeGreaterThan(700);
  }, 240_000);

  it('gives a user with no binding nothing, on both surfaces', () => {
    const none = results.filter((r) => r.cell.subject === 'none');
    expect(none.length).toBeGreaterThan(200);
    expect(none.filter((r) => r.outcome.status !== 'forbidden').map((r) => describeCell(r.cell))).toEqual([]);
  }, 10_000);

  /** What differs from Kubernetes in one cell: the answer, or what it read or changed. */
  async function judge(cell: Cell, outcome: Outcome): Promise<Result> {
    const allowed = outcome.status !== 'forbidden';
    const said = `${outcome.status}${outcome.message ? ` (${outcome.message.split('\n')[0].slice(0, 240)})` : ''}`;
    if (allowed !== cell.expected) return { cell, outcome, problem: `expected ${cell.expected ? 'allowed' : 'Forbidden'}, got ${said}` };
    if (cell.action === 'get' || cell.action === 'list') {
      const seed = seedOf(cell);
      if (cell.expected && !outcome.names.includes(seed)) return { cell, outcome, problem: `allowed, but ${seed} not in the answer: ${said}` };
      if (!cell.expected && outcome.names.length) return { cell, outcome, problem: `refused, yet answered ${outcome.names.join(', ')}` };
      return { cell, outcome };
    }
    const effect = await writeTookEffect(api, cell);
    if (effect !== cell.expected) return { cell, outcome, problem: cell.expected ? `allowed, but the change is not there: ${said}` : 'refused, yet the change was made (an escape)' };
    return { cell, outcome };
  }
});
