// A store backend implementing docs/orders-api.md on 127.0.0.1, for the `rest` connector's contract test. It checks
// every request's X-Kefu-Signature as a real store would, and can be told to fail in the ways stores fail.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyOrderSignature } from '../../app/orders/order-signature.js';
import { canonicalOrderNumber } from '../../core/orders/order-number.js';
import type { Order } from '../../core/orders/order-types.js';

/** What the store does with the next request: answer, fail with a status, hang, or answer something that is no order. */
export type StoreBehaviour = 'answer' | 500 | 502 | 503 | 'hang' | 'garbage';

export class FakeStore {
  readonly requests: Array<{ path: string; signed: boolean }> = [];
  /** Consumed one per request; when empty, the store answers. */
  readonly script: StoreBehaviour[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;
  url = '';

  static async start(options: { secret: string; orders: Order[]; now: () => Date }): Promise<FakeStore> {
    const byNumber = new Map(options.orders.map((o) => [canonicalOrderNumber(o.number), o]));
    const store = new FakeStore();
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const signed = verifyOrderSignature(options.secret, req.headers['x-kefu-signature'] as string | undefined, '', options.now());
      store.requests.push({ path: req.url ?? '', signed });
      const behaviour = store.script.shift() ?? 'answer';
      if (behaviour === 'hang') {
        store.hanging.add(res);
        return;
      }
      if (typeof behaviour === 'number') return void res.writeHead(behaviour).end('store trouble');
      if (!signed) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
      if (behaviour === 'garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"number": 42}');
      const match = /^\/orders\/([^/?]+)$/.exec(req.url ?? '');
      const order = match ? byNumber.get(decodeURIComponent(match[1]!)) : undefined;
      if (!order) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(order));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    store.server = server;
    store.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return store;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
