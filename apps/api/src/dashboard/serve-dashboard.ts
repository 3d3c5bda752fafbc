import * as fs from 'fs';
import * as path from 'path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { SkiffConfig } from '../config/skiff-config';

/** Where the dashboard's static export is: SKIFF_DASHBOARD_DIR, else apps/dashboard/out of this checkout. */
export function dashboardDir(config: Pick<SkiffConfig, 'dashboardDir'>): string {
  return config.dashboardDir ?? path.resolve(__dirname, '../../../dashboard/out');
}

/**
 * Serves the dashboard (a static export) at /ui, from the same origin as the API, so its
 * session cookie, GraphQL and websocket need nothing else. Its files are public (the
 * pages hold no data: they ask the API, as the logged-in user); `/` leads there.
 */
export function serveDashboard(app: NestExpressApplication, config: Pick<SkiffConfig, 'dashboardDir'>): void {
  const dir = dashboardDir(config);
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    new Logger('skiff').warn(`no dashboard at ${dir} (npm start builds it): /ui is not served`);
    return;
  }
  app.use('/ui', express.static(dir, { index: 'index.html', redirect: true, maxAge: '1h', setHeaders: noCacheForPages }));
  app.use('/ui', (_req: express.Request, res: express.Response) => res.status(404).sendFile(path.join(dir, '404.html')));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => (req.method === 'GET' && req.path === '/' ? res.redirect('/ui/') : next()));
}

/** Pages change with each build; the hashed assets under _next/ do not. */
function noCacheForPages(res: express.Response, file: string): void {
  if (file.endsWith('.html') || file.endsWith('.txt')) res.setHeader('Cache-Control', 'no-cache');
}
