import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Just enough of the Telegram Bot API for Kefu's Telegram adapter to start in webhook mode and for its outbox to
 * send replies: every method succeeds at once. It counts what was sent.
 */
export class FakeTelegram {
  sent = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    let messageId = 0;
    this.server = createServer((req, res) => {
      const method = /\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
      req.resume();
      req.on('end', () => {
        let result: unknown = true;
        if (method === 'getMe') result = { id: 42, is_bot: true, first_name: 'Kefu bench', username: 'kefu_bench_bot' };
        if (method === 'sendMessage') {
          this.sent += 1;
          result = { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: 1, type: 'private' }, text: '' };
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, result }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
