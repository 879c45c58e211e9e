import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { createHttpApp } from '../../app/http/create-http-app.js';
import { ERROR_STATUS } from '../../app/http/error-status.js';
import { findPackageRoot } from '../../app/http/package-root.js';
import { DomainError, ERROR_CODES, type ErrorCode } from '../../core/errors.js';
import { recordingLogger, type LoggedLine } from '../core/conversation-harness.js';


const lines: LoggedLine[] = [];
let server: Server;
let base: string;
let healthy = true;

beforeAll(async () => {
  const routes = Router();
  routes.get('/api/fail/:code', (req) => {
    throw new DomainError(req.params.code as ErrorCode, 'internal detail 42', { userMessage: 'Safe message' });
  });
  routes.get('/api/crash', () => {
    throw new Error('secret connection string postgres://u:p@db');
  });
  routes.post('/api/echo', (req, res) => void res.json(req.body));
  const app = createHttpApp({
    logger: recordingLogger(lines),
    routers: [routes],
    readiness: async () => ({ status: healthy ? 'ok' as const : 'unavailable' as const }),
  });
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HTTP error boundary', () => {
  it.each(ERROR_CODES.map((code) => [code, ERROR_STATUS[code]] as const))('maps %s to %i with only the user-safe message', async (code, status) => {
    const res = await fetch(`${base}/api/fail/${code}`);
    expect(res.status).toBe(status);
    const message = code === 'internal' ? 'Something went wrong. Please try again later.' : 'Safe message';
    expect(await res.json()).toEqual({ error: { code, message } });
  });

  it('answers unexpected errors with a bare 500 and logs them', async () => {
    const res = await fetch(`${base}/api/crash`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/postgres|secret|stack/i);
    expect(JSON.parse(text).error.code).toBe('internal');
    expect(lines.some((l) => l.level === 'error' && String((l.obj as { err?: Error }).err?.message).includes('secret connection'))).toBe(true);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await fetch(`${base}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_json');
  });

  it('answers liveness without asking dependencies, and readiness 503 with Retry-After when the instance cannot serve', async () => {
    healthy = false;
    const live = await fetch(`${base}/healthz`);
    expect({ status: live.status, body: await live.json() }).toMatchObject({ status: 200, body: { status: 'ok' } });
    const unready = await fetch(`${base}/readyz`);
    expect({ status: unready.status, retryAfter: unready.headers.get('retry-after'), body: await unready.json() })
      .toEqual({ status: 503, retryAfter: '2', body: { status: 'unavailable' } });
    healthy = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('serves web/public/ and a JSON 404 under /api only', async () => {
    expect((await fetch(`${base}/index.html`)).status).toBe(200);
    const api = await fetch(`${base}/api/missing?x=1`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'No API route for GET /api/missing' } });
  });
});

describe('findPackageRoot', () => {
  it('finds the folder with package.json from source and from dist/', () => {
    const root = findPackageRoot();
    expect(findPackageRoot(new URL('dist/app/http/package-root.js', `file://${root}/`).href)).toBe(root);
    expect(findPackageRoot(new URL('app/http/package-root.ts', `file://${root}/`).href)).toBe(root);
  });
});
