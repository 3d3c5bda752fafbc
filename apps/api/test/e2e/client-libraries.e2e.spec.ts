import { execFile } from 'child_process';
import * as path from 'path';
import { startTestApi, type TestApi } from '../support/test-server';

/** Client libraries, not only kubectl: the official JavaScript client, run as its own process. */
describe('client libraries against Skiff', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('@kubernetes/client-node: CRUD, scale, a 409 on a stale update, and an informer that sees add, update and delete', async () => {
    const script = path.join(__dirname, '../clients/client-node.mjs');
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [script, api.kubeconfig], { timeout: 60_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout))),
    );
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.namespaces).toEqual(expect.arrayContaining(['default', 'kube-system', 'client-node']));
    expect(r.seen).toEqual(['add c1', 'update c1 2', 'delete c1']);
    expect(r.replicas).toBe(4);
    expect(r.generation).toBe(1);
    expect(r.conflict).toBe(409);
  });

  it('the Python client (python3-kubernetes): create, merge patch, label selector, watch and a 404 after delete', async () => {
    const script = path.join(__dirname, '../clients/python-client.py');
    const out = await new Promise<string>((resolve, reject) =>
      execFile(PYTHON, [script, api.kubeconfig], { timeout: 60_000 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout))),
    );
    const r = JSON.parse(out.trim().split('\n').pop()!);
    expect(r.seen).toEqual(['ADDED c1 1', 'MODIFIED c1 2', 'DELETED c1 2']);
    expect(r.selected).toEqual(['c1']);
    expect(r.after_delete).toBe(404);
  });
});

/** Debian's Python, which has python3-kubernetes (`npm test` installs it when it can). */
const PYTHON = process.env.SKIFF_TEST_PYTHON || '/usr/bin/python3';
