import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Agent, request } from 'undici';
import { ensureAdminAccess, ensureFirstAdmin, ensureJoinToken } from '../../src/auth/admin-access';
import { loadConfig } from '../../src/config/skiff-config';
import { readKeyFile } from '../../src/encryption/key-file';
import { formatKeyList } from '../../src/encryption/key-list';
import { startServer, type RunningServer } from '../../src/server';
import { isolatedConfig } from './isolation';

export interface TestApi {
  server: RunningServer;
  url: string;
  token: string;
  /** The join token agents exchange for node tokens. */
  joinToken: string;
  home: string;
  kubeconfig: string;
  /** What another Skiff process needs to join this one's store (same Postgres schema, Redis prefix, ranges, Secret encryption keys). */
  env: Record<string, string>;
  /** One HTTPS client for the API, trusting the cluster CA. */
  call(method: string, path: string, opts?: { body?: unknown; raw?: string | Buffer; contentType?: string; accept?: string; token?: string | null; headers?: Record<string, string> }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any; text: string }>;
  /** Runs the real kubectl against this server. */
  /** The real kubectl, as the admin (or as whoever `kubeconfig` names). */
  kubectl(args: string[], opts?: { input?: string; timeoutMs?: number; kubeconfig?: string }): Promise<{ code: number; stdout: string; stderr: string }>;
  /** kubectl's stdout; throws with its stderr when it fails. */
  kubectlOk(args: string[], opts?: { input?: string; timeoutMs?: number }): Promise<string>;
  stop(): Promise<void>;
}

export const KUBECTL = process.env.KUBECTL || '/usr/bin/kubectl';

/**
 * Pod and Service address ranges of this Jest worker's own, so suites running at once
 * never put two pods (or two ClusterIPs) on one loopback address.
 */
export function workerAddressRanges(): Record<string, string> {
  const id = Number(process.env.JEST_WORKER_ID ?? 1);
  return { SKIFF_POD_CIDR: `127.${64 + 16 * (id % 4)}.0.0/12`, SKIFF_SERVICE_CIDR: `127.${32 + (id % 32)}.0.0/16` };
}

export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const iso = isolatedConfig();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'skiff-api-'));
  const shared = {
    DATABASE_URL: iso.databaseUrl,
    REDIS_URL: iso.redisUrl,
    SKIFF_DB_SCHEMA: iso.databaseSchema,
    SKIFF_REDIS_PREFIX: iso.redisPrefix,
    ...workerAddressRanges(),
  };
  const config = loadConfig({ ...process.env, ...shared, SKIFF_HOME: home, SKIFF_PORT: '0', ...env });
  const server = await startServer(config, { logger: false });
  const token = await ensureAdminAccess(server, config);
  await ensureFirstAdmin(server, config);
  const joinToken = await ensureJoinToken(server, config);
  const kubeconfig = path.join(home, 'kubeconfig');
  const dispatcher = new Agent({ connect: { ca: server.pki.caCert }, connections: 64 });

  const call: TestApi['call'] = async (method, p, opts = {}) => {
    const headers: Record<string, string> = { accept: opts.accept ?? 'application/json', ...opts.headers };
    if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? token}`;
    let body: string | Buffer | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const res = await request(server.url + p, { method: method as 'GET', headers, body, dispatcher });
    const text = await res.body.text();
    let parsed: unknown = undefined;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, headers: res.headers as Record<string, string>, body: parsed, text };
  };

  const kubectl: TestApi['kubectl'] = (args, opts = {}) =>
    new Promise((resolve) => {
      const child = execFile(
        KUBECTL,
        args,
        { env: { ...process.env, KUBECONFIG: opts.kubeconfig ?? kubeconfig, HOME: home }, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 32 * 1024 * 1024 },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      if (opts.input !== undefined) child.stdin!.end(opts.input);
    });

  return {
    server,
    url: server.url,
    token,
    joinToken,
    home,
    kubeconfig,
    // The keys this server made in its home on first start (or was given): other processes need the same.
    env: { ...shared, SKIFF_ENCRYPTION_KEYS: formatKeyList(config.encryptionKeys ?? readKeyFile(home)!) },
    call,
    kubectl,
    kubectlOk: async (args, opts) => {
      const r = await kubectl(args, opts);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
      return r.stdout;
    },
    stop: async () => {
      await dispatcher.close();
      await server.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
