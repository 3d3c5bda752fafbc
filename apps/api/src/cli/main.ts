/**
 * The admin CLI, `npm run skiff -- <command>`: accounts through the running API
 * (`/skiff/v1`), with the admin kubeconfig (`--kubeconfig`, $KUBECONFIG, or
 * <SKIFF_HOME>/kubeconfig as `npm start` writes it).
 *
 *   users create NAME [--group G]... [--password-stdin]   (else a password is generated and shown once)
 *   users list | users delete NAME | users passwd NAME [--password-stdin]
 *   tokens create NAME [--user U] [--expires 30d] | tokens list [--user U] | tokens revoke ID
 *   kubeconfig --user NAME [--expires 30d] [--namespace NS]   (a new token for NAME, as a kubeconfig on stdout)
 *   rolebinding create NAME --clusterrole=ROLE|--role=ROLE --user=U|--group=G [-n NS]   (no -n: a ClusterRoleBinding)
 *   rolebinding list [--user U] [-n NS] | rolebinding delete NAME [-n NS]
 *   secrets reencrypt   (after a key rotation: every stored Secret sealed again with the first key)
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { parseArgs } from 'util';
import { Agent, request } from 'undici';
import { kubeconfigYaml, readKubeconfig } from '../auth/kubeconfig';
import { rolebindingCommand } from './rolebinding-command';
import { table } from './table';

const USAGE = `usage: npm run skiff -- users create NAME [--group G]... [--password-stdin] | users list | users delete NAME | users passwd NAME [--password-stdin]
                      tokens create NAME [--user U] [--expires 30d] | tokens list [--user U] | tokens revoke ID
                      kubeconfig --user NAME [--expires 30d] [--namespace NS]
                      rolebinding create NAME --clusterrole=ROLE|--role=ROLE --user=U|--group=G [-n NS] (no -n: ClusterRoleBinding)
                      rolebinding list [--user U] [-n NS] | rolebinding delete NAME [-n NS]
                      secrets reencrypt
options: --kubeconfig FILE (default $KUBECONFIG, else <SKIFF_HOME>/kubeconfig)`;

interface Api {
  call(method: string, p: string, body?: unknown): Promise<any>;
  server: string;
  caCert: string;
}

async function main(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kubeconfig: { type: 'string' },
      group: { type: 'string', multiple: true },
      user: { type: 'string' },
      expires: { type: 'string' },
      namespace: { type: 'string', short: 'n' },
      clusterrole: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [area, verb, arg] = positionals;
  if (values.help || !area) return USAGE;
  const api = connect(values.kubeconfig ?? process.env.KUBECONFIG ?? path.join(process.env.SKIFF_HOME || '.skiff', 'kubeconfig'));
  const password = async (): Promise<{ password: string; generated: boolean }> =>
    values['password-stdin'] ? { password: fs.readFileSync(0, 'utf8').replace(/\r?\n$/, ''), generated: false } : { password: randomBytes(18).toString('base64url'), generated: true };
  const expires = values.expires === undefined ? {} : { expiresInSeconds: parseDuration(values.expires) };

  switch (`${area} ${area === 'kubeconfig' ? '' : verb ?? ''}`.trim()) {
    case 'users create': {
      const p = await password();
      const u = await api.call('POST', '/skiff/v1/users', { name: need(arg, 'NAME'), password: p.password, groups: values.group ?? [] });
      return `user ${u.name} created${u.groups.length ? ` (groups: ${u.groups.join(', ')})` : ''}${p.generated ? `\npassword (shown once): ${p.password}` : ''}`;
    }
    case 'users list': {
      const { items } = await api.call('GET', '/skiff/v1/users');
      return table(['NAME', 'GROUPS', 'CREATED', 'LOCKED UNTIL'], items.map((u: any) => [u.name, u.groups.join(',') || '<none>', u.createdAt, u.lockedUntil ?? '']));
    }
    case 'users delete':
      await api.call('DELETE', `/skiff/v1/users/${encodeURIComponent(need(arg, 'NAME'))}`);
      return `user ${arg} deleted (its tokens are revoked)`;
    case 'users passwd': {
      const p = await password();
      await api.call('PUT', `/skiff/v1/users/${encodeURIComponent(need(arg, 'NAME'))}/password`, { password: p.password });
      return `password of ${arg} changed${p.generated ? `\npassword (shown once): ${p.password}` : ''}`;
    }
    case 'tokens create': {
      const t = await api.call('POST', '/skiff/v1/tokens', { name: need(arg, 'NAME'), ...(values.user ? { user: values.user } : {}), ...expires });
      return `token ${t.id} for ${t.user}${t.expiresAt ? `, expires ${t.expiresAt}` : ''}\ntoken (shown once): ${t.token}`;
    }
    case 'tokens list': {
      const { items } = await api.call('GET', `/skiff/v1/tokens${values.user ? `?user=${encodeURIComponent(values.user)}` : ''}`);
      return table(['ID', 'NAME', 'USER', 'CREATED', 'EXPIRES', 'LAST USED', 'REVOKED'], items.map((t: any) => [t.id, t.name, t.user, t.createdAt, t.expiresAt ?? '', t.lastUsedAt ?? '', t.revokedAt ?? '']));
    }
    case 'tokens revoke':
      await api.call('DELETE', `/skiff/v1/tokens/${encodeURIComponent(need(arg, 'ID'))}`);
      return `token ${arg} revoked`;
    case 'kubeconfig': {
      const user = need(values.user, '--user');
      const t = await api.call('POST', '/skiff/v1/tokens', { name: 'kubeconfig', user, ...expires });
      return kubeconfigYaml({ server: api.server, caCert: api.caCert, token: t.token, user, namespace: values.namespace }).trimEnd();
    }
    case 'rolebinding create':
    case 'rolebinding list':
    case 'rolebinding delete':
      return rolebindingCommand(api, verb, arg, values, USAGE);
    case 'secrets reencrypt': {
      const r = await api.call('POST', '/skiff/v1/secrets/reencrypt');
      const done = `re-encrypted with key ${r.key}: ${r.objects} Secrets, ${r.changes} change-log entries`;
      if (r.failed.length) throw new Error(`${done}; ${r.failed.length} could not be decrypted:\n  ${r.failed.join('\n  ')}`);
      return done;
    }
    default:
      throw new Error(USAGE);
  }
}

function connect(file: string): Api {
  const k = readKubeconfig(fs.readFileSync(file, 'utf8'));
  const dispatcher = new Agent({ connect: k.caCert ? { ca: k.caCert } : {} });
  return {
    server: k.server,
    caCert: k.caCert,
    async call(method, p, body) {
      const res = await request(k.server + p, {
        method: method as 'GET',
        dispatcher,
        headers: { authorization: `Bearer ${k.token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.body.text();
      const parsed = text ? JSON.parse(text) : {};
      if (res.statusCode >= 300) throw new Error(`${parsed.message ?? text} (${res.statusCode})`);
      return parsed;
    },
  };
}

/** `90s`, `15m`, `12h`, `30d` → seconds. */
function parseDuration(s: string): number {
  const m = /^(\d+)([smhd])$/.exec(s);
  if (!m) throw new Error(`--expires must look like 90s, 15m, 12h or 30d, not "${s}"`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

function need(v: string | undefined, what: string): string {
  if (!v) throw new Error(`${what} is required\n${USAGE}`);
  return v;
}

main(process.argv.slice(2)).then(
  (out) => process.stdout.write(out + '\n'),
  (e) => {
    process.stderr.write(`skiff: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
