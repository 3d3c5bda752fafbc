import { Logger } from '@nestjs/common';
import { ensureAdminAccess, ensureFirstAdmin, ensureJoinToken } from './auth/admin-access';
import { loadConfig } from './config/skiff-config';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  // Workers (controllers, scheduler) only serve health and metrics: the kubeconfig, the first
  // user and the join token are the API's to make.
  if (!config.roles.has('api')) return;
  await ensureAdminAccess(server, config);
  await ensureFirstAdmin(server, config);
  await ensureJoinToken(server, config);
}

main().catch((e) => {
  new Logger('skiff').error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
