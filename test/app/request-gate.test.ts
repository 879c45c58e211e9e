import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { createHttpApp } from '../../app/http/create-http-app.js';
import { RequestGate } from '../../app/http/request-gate.js';
import { recordingLogger, type LoggedLine } from '../core/conversation-harness.js';

// The shutdown gate in a real HTTP server: requests at work finish (told to close their connection), new ones get a
// 503 with Retry-After and the probes keep answering, with one info line for all the refusals.

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('request gate', () => {
  let server: Server;
  let release: () => void = () => undefined;
  const lines: LoggedLine[] = [];
  const gate = new RequestGate(recordingLogger(lines));

  beforeAll(async () => {
    const routes = Router();
    routes.get('/api/slow', async (_req, res) => {
      await new Promise<void>((resolve) => (release = resolve));
      res.json({ done: true });
    });
    routes.get('/api/fast', (_req, res) => void res.json({ done: true }));
    const app = createHttpApp({ logger: recordingLogger(lines), routers: [routes], gate, readiness: async () => ({ status: gate.shuttingDown ? 'unavailable' as const : 'ok' as const }) });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('lets the request at work finish, refuses new ones with 503 and Retry-After, and resolves once idle', async () => {
    const { port } = server.address() as AddressInfo;
    const [first, second] = [new Agent({ keepAlive: true }), new Agent({ keepAlive: true })];
    expect((await get(port, '/api/fast', second)).status).toBe(200); // a kept-alive connection, idle from now on
    const slow = get(port, '/api/slow', first);
    while (gate.active === 0) await new Promise((r) => setTimeout(r, 5));

    let idle = false;
    const closed = gate.close().then(() => (idle = true));
    const refused = await Promise.all([get(port, '/api/fast', second), get(port, '/api/fast', new Agent())]);
    for (const r of refused) {
      expect({ status: r.status, retryAfter: r.headers['retry-after'], connection: r.headers.connection, code: JSON.parse(r.body).error.code })
        .toEqual({ status: 503, retryAfter: '1', connection: 'close', code: 'unavailable' });
    }
    expect((await get(port, '/healthz', new Agent())).status).toBe(200);
    expect((await get(port, '/readyz', new Agent())).status).toBe(503);
    expect(idle).toBe(false);

    release();
    const done = await slow;
    expect({ status: done.status, connection: done.headers.connection }).toEqual({ status: 200, connection: 'close' });
    await closed;
    expect(gate.refused).toBe(2);
    expect(lines.filter((l) => l.level === 'info' && l.msg === 'refusing new requests while shutting down')).toHaveLength(1);
    first.destroy();
    second.destroy();
  });
});
