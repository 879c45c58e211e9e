import { Router } from 'express';

export interface ReadinessAnswer {
  status: 'ok' | 'degraded' | 'unavailable';
}

/**
 * `GET /healthz` is liveness: the process is up and its event loop answers (restart it when this fails). It touches
 * no dependency, so a database outage never gets healthy instances killed. `GET /readyz` is readiness: 200 while the
 * instance can serve (`degraded` included), 503 when it cannot (database unreachable, shutting down), so a load
 * balancer sends traffic elsewhere.
 */
export function healthRouter(readiness: () => Promise<ReadinessAnswer>): Router {
  const router = Router();
  const started = Date.now();
  router.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) });
  });
  router.get('/readyz', async (_req, res) => {
    const report = await readiness();
    res.setHeader('Cache-Control', 'no-store');
    if (report.status === 'unavailable') res.setHeader('Retry-After', '2');
    res.status(report.status === 'unavailable' ? 503 : 200).json(report);
  });
  return router;
}
