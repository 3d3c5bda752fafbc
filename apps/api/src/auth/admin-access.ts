import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Logger } from '@nestjs/common';
import YAML from 'yaml';
import { AccountService } from '../accounts/account-service';
import { kubeconfigYaml } from './kubeconfig';
import type { SkiffConfig } from '../config/skiff-config';
import type { RunningServer } from '../server';
import { BOOTSTRAPPERS_GROUP, MASTERS_GROUP, TokenService } from './token.service';

/**
 * First start: issue the admin token and write `<home>/kubeconfig`. Later starts
 * keep the file while its token still authenticates.
 */
export async function ensureAdminAccess(server: RunningServer, config: SkiffConfig): Promise<string> {
  const tokens = server.app.get(TokenService);
  const file = path.join(config.home, 'kubeconfig');
  const logger = new Logger('skiff');
  if (fs.existsSync(file)) {
    const existing = YAML.parse(fs.readFileSync(file, 'utf8'));
    const token: string | undefined = existing?.users?.[0]?.user?.token;
    if (token && (await tokens.authenticate(token))) {
      const fresh = kubeconfigYaml({ server: server.url, caCert: server.pki.caCert, token, user: 'admin' });
      fs.writeFileSync(file, fresh, { mode: 0o600 });
      return token;
    }
  }
  const token = await tokens.issue('admin kubeconfig', { name: 'admin', groups: [MASTERS_GROUP] });
  fs.writeFileSync(file, kubeconfigYaml({ server: server.url, caCert: server.pki.caCert, token, user: 'admin' }), { mode: 0o600 });
  logger.log(`wrote ${file} (admin token)`);
  return token;
}

/**
 * First start: the dashboard's first user, `admin` (a cluster admin), with the password
 * from SKIFF_ADMIN_PASSWORD or a new one printed here, once. Nothing when users exist.
 */
export async function ensureFirstAdmin(server: RunningServer, config: SkiffConfig): Promise<void> {
  const password = config.adminPassword ?? randomBytes(18).toString('base64url');
  const created = await server.app.get(AccountService).createFirstAdmin('admin', password);
  if (created && !config.adminPassword) {
    new Logger('skiff').log(`first start: dashboard user "admin" created, password (shown once): ${password}`);
  }
}

/**
 * The join token agents use to get their node tokens (`<home>/join-token`), made on
 * first start and kept while it still authenticates.
 */
export async function ensureJoinToken(server: RunningServer, config: SkiffConfig): Promise<string> {
  const tokens = server.app.get(TokenService);
  const file = path.join(config.home, 'join-token');
  if (fs.existsSync(file)) {
    const token = fs.readFileSync(file, 'utf8').trim();
    if (token && (await tokens.authenticate(token))) return token;
  }
  const token = await tokens.issue('join token', { name: 'system:bootstrap', groups: [BOOTSTRAPPERS_GROUP] });
  fs.writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}
