import express, { type RequestHandler } from 'express';
import type { Logger } from '../../core/ports.js';
import { apiNotFound, errorBoundary } from './error-boundary.js';
import { webPublicDir } from './package-root.js';
import { rejectUnstorableText, verifyUtf8 } from './text-guard.js';

export interface HttpAppDeps {
  logger: Logger;
  /** Routers (or plain handlers) mounted at `/`; each declares its own full `/api/...` paths. */
  routers: readonly RequestHandler[];
  /** Channel webhooks: mounted before the text guard, their adapters tell the customer in the chat what was wrong. */
  webhooks?: readonly RequestHandler[];
  health: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Largest JSON body accepted; body-parser syntax ('64kb'). */
  bodyLimit?: string;
  /** Runs before every request that may change something (not GET/HEAD/OPTIONS), before its body is read: back-pressure. */
  admission?: RequestHandler;
  /** Folder of static files; defaults to `web/public/` under the package root. */
  staticDir?: string;
  /** Express's `trust proxy` (KEFU_TRUST_PROXY): without it, behind nginx every client has nginx's address. */
  trustProxy?: boolean | number | string;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  const admit = deps.admission;
  if (admit) app.use((req, res, next) => (READS.has(req.method) ? next() : admit(req, res, next)));
  app.use(express.json({ limit: deps.bodyLimit ?? '64kb', verify: verifyUtf8 }));

  app.get('/healthz', async (_req, res) => {
    try {
      res.json({ status: 'ok', ...(await deps.health()) });
    } catch (err) {
      deps.logger.warn({ err }, 'health check failed');
      res.status(503).json({ status: 'unavailable' });
    }
  });

  for (const router of deps.webhooks ?? []) app.use(router);
  app.use(rejectUnstorableText);
  for (const router of deps.routers) app.use(router);
  app.use('/api', apiNotFound);
  app.use(express.static(deps.staticDir ?? webPublicDir(), { index: 'index.html' }));
  app.use(errorBoundary(deps.logger));
  return app;
}
