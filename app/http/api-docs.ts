import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import { findPackageRoot } from './package-root.js';

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Kefu HTTP API</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api-docs.js"></script>
</body>
</html>
`;

/**
 * The OpenAPI document (docs/openapi.yaml) and a browsable page for it at /api/docs: Swagger UI from the
 * swagger-ui-dist package, served from this machine (no CDN, so it works offline and inside a store's network).
 */
export function createApiDocsRouter(): Router {
  const router = Router();
  const assets = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const spec = join(findPackageRoot(), 'docs', 'openapi.yaml');
  router.use('/api/docs/assets', express.static(assets, { index: false, maxAge: '1d' }));
  router.get('/api/openapi.yaml', (_req, res) => {
    res.type('application/yaml; charset=utf-8').send(readFileSync(spec, 'utf8'));
  });
  router.get('/api/docs', (_req, res) => {
    res.type('html').send(PAGE);
  });
  return router;
}
