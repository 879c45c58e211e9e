import type { AddressInfo } from 'node:net';
import express from 'express';
import { admission } from '../../app/http/admission.js';
import { errorBoundary } from '../../app/http/error-boundary.js';
import { silentLogger } from '../core/conversation-harness.js';

/** A server whose one route waits until the test opens the gate. */
async function gatedServer(limits: Parameters<typeof admission>[0]) {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let served = 0;
  const app = express();
  app.use(admission(limits));
  app.post('/work', async (_req, res) => {
    await gate;
    served += 1;
    res.json({ ok: true });
  });
  app.use(errorBoundary(silentLogger));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/work`;
  return {
    post: () => fetch(url, { method: 'POST' }),
    openGate: () => open(),
    served: () => served,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('back-pressure on requests that change something', () => {
  it('serves what fits, queues a bounded number, and refuses the rest at once with 503 and Retry-After', async () => {
    const s = await gatedServer({ maxInFlight: 2, maxQueued: 2, maxWaitMs: 60_000 });
    try {
      const admitted = [s.post(), s.post(), s.post(), s.post()];
      await settle();
      const refused = await s.post();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toEqual({ error: { code: 'unavailable', message: 'The service is busy. Please try again in a moment.' } });
      s.openGate();
      expect((await Promise.all(admitted)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(s.served()).toBe(4);
    } finally {
      s.openGate();
      await s.close();
    }
  });

  it('refuses a request that waited longer than allowed, and it never runs later', async () => {
    const s = await gatedServer({ maxInFlight: 1, maxQueued: 10, maxWaitMs: 50 });
    try {
      const first = s.post();
      await settle();
      const waiting = await s.post();
      expect(waiting.status).toBe(503);
      s.openGate();
      expect((await first).status).toBe(200);
      await settle();
      expect(s.served()).toBe(1);
      expect((await s.post()).status).toBe(200);
    } finally {
      s.openGate();
      await s.close();
    }
  });
});
