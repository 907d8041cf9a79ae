import { existsSync } from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';

/**
 * Serves the built page from `webRoot`, when it exists. The page is a single-page app, so a
 * GET of any other path outside `/api` gets its `index.html`; unknown `/api` paths still get
 * the API's 404.
 */
export function serveWebPage(app: NestExpressApplication, webRoot: string): void {
  if (!existsSync(webRoot)) return;
  app.use(express.static(webRoot));
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    const isPageRequest = request.method === 'GET' || request.method === 'HEAD';
    if (!isPageRequest || request.path.startsWith('/api/')) return next();
    response.sendFile('index.html', { root: webRoot });
  });
}
