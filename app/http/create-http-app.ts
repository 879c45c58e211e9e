import express, { type RequestHandler } from 'express';
import type { Logger } from '../../core/ports.js';
import { apiNotFound, errorBoundary } from './error-boundary.js';
import { healthRouter, type ReadinessAnswer } from './health-routes.js';
import type { RequestGate } from './request-gate.js';
import { webPublicDir } from './package-root.js';
import { rejectUnstorableText, verifyUtf8 } from './text-guard.js';

export interface HttpAppDeps {
  logger: Logger;
  /** Routers (or plain handlers) mounted at `/`; each declares its own full `/api/...` paths. */
  routers: readonly RequestHandler[];
  /** Channel webhooks: mounted before the text guard, their adapters tell the customer in the chat what was wrong. */
  webhooks?: readonly RequestHandler[];
  /** Answers `/readyz`; `/healthz` (liveness) needs nothing. */
  readiness: () => Promise<ReadinessAnswer>;
  /** Refuses requests once shutdown begins and counts those at work; health probes are answered past it. */
  gate?: RequestGate;
  /** An error that means a dependency is out of reach (503 and Retry-After, not a 500). */
  isUnavailable?: (error: unknown) => boolean;
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
  app.use(healthRouter(deps.readiness));
  if (deps.gate) app.use(deps.gate.middleware);
  const admit = deps.admission;
  if (admit) app.use((req, res, next) => (READS.has(req.method) ? next() : admit(req, res, next)));
  app.use(express.json({ limit: deps.bodyLimit ?? '64kb', verify: verifyUtf8 }));

  for (const router of deps.webhooks ?? []) app.use(router);
  app.use(rejectUnstorableText);
  for (const router of deps.routers) app.use(router);
  app.use('/api', apiNotFound);
  app.use(express.static(deps.staticDir ?? webPublicDir(), { index: 'index.html' }));
  app.use(errorBoundary(deps.logger, deps.isUnavailable));
  return app;
}
