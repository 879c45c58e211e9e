// A fake Telegram: telegram-test-api (the Bot API and a customer's client) behind a small proxy that makes it act
// more like the real service: empty getUpdates answers are held back like a long poll (the test server answers at
// once, and a poller would spin), webhooks carry X-Telegram-Bot-Api-Secret-Token, and failures can be injected.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
// The named export of the class file: the package's default export is a CommonJS `exports.default`, which Node and
// jest's ESM loader resolve differently.
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { freePort } from './net.js';

export interface BotMessage {
  chat_id: number | string;
  text: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
}

export interface StoredBotMessage {
  time: number;
  messageId: number;
  message: BotMessage;
}

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
  status: number;
}

type Fault = { method: string; status: number; body: unknown };

export class TelegramFake {
  readonly calls: ApiCall[] = [];
  private readonly faults: Fault[] = [];
  private webhook: { url: string; secret: string | undefined } | undefined;
  private updateIds = 0;

  private constructor(
    readonly server: TelegramServer,
    private readonly proxy: Server,
    readonly token: string,
  ) {}

  static async start(token = '123456:TEST-token'): Promise<TelegramFake> {
    const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const proxy = createServer();
    const fake = new TelegramFake(server, proxy, token);
    proxy.on('request', (req, res) => void fake.route(req, res).catch(() => res.writeHead(502).end()));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** What the adapter uses as TELEGRAM_API_ROOT. */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}`;
  }

  /** A customer's Telegram app. */
  client(options: { userId: number; chatId?: number; firstName?: string }) {
    return this.server.getClient(this.token, { userId: options.userId, chatId: options.chatId ?? options.userId, firstName: options.firstName ?? 'Tester' });
  }

  /** The next `count` Bot API calls of `method` answer with this status and body instead. */
  fail(method: string, count: number, status: number, body: unknown): void {
    for (let i = 0; i < count; i += 1) this.faults.push({ method, status, body });
  }

  /** Messages the bot sent to a chat, oldest first. */
  botMessages(chatId: number): StoredBotMessage[] {
    return (this.server.storage.botMessages as unknown as StoredBotMessage[]).filter((m) => Number(m.message.chat_id) === chatId);
  }

  async waitForBotMessages(chatId: number, count: number, ms = 8000): Promise<StoredBotMessage[]> {
    const deadline = Date.now() + ms;
    while (this.botMessages(chatId).length < count) {
      if (Date.now() > deadline) {
        throw new Error(`chat ${chatId}: expected ${count} bot messages, got ${JSON.stringify(this.botMessages(chatId).map((m) => m.message.text))}`);
      }
      await sleep(20);
    }
    return this.botMessages(chatId);
  }

  /** Waits until the bot has called `method` (calls made fire-and-forget can land after the messages). */
  async waitForCall(method: string, ms = 8000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.calls.some((c) => c.method === method)) {
      if (Date.now() > deadline) throw new Error(`the bot never called ${method}`);
      await sleep(20);
    }
  }

  /** Posts an update to the registered webhook the way Telegram does; returns the HTTP status. */
  async postToWebhook(update: Record<string, unknown>, secret = this.webhook?.secret): Promise<number> {
    if (!this.webhook) throw new Error('no webhook registered');
    const res = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(update),
    });
    return res.status;
  }

  /** An update id the test server will not use (for updates posted straight to the webhook). */
  nextUpdateId(): number {
    this.updateIds += 1;
    return 900_000 + this.updateIds;
  }

  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  async stop(): Promise<void> {
    this.proxy.closeAllConnections();
    await new Promise<void>((resolve) => this.proxy.close(() => resolve()));
    await this.server.stop();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (req.url === '/__relay') return this.relay(raw, res);
    const method = /^\/bot[^/]+\/([A-Za-z]+)/.exec(req.url ?? '')?.[1] ?? '';
    const body = raw.length ? (JSON.parse(raw.toString()) as Record<string, unknown>) : {};
    const fault = this.faults.findIndex((f) => f.method === method);
    if (fault >= 0) {
      const [{ status, body: answer }] = this.faults.splice(fault, 1) as [Fault];
      this.calls.push({ method, body, at: Date.now(), status });
      return void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    }
    let forward = body;
    if (method === 'setWebhook') {
      this.webhook = { url: String(body.url), secret: body.secret_token as string | undefined };
      forward = { ...body, url: `${this.apiRoot}/__relay` };
    }
    const upstream = await fetch(`${this.server.config.apiURL}${req.url}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forward),
    });
    const text = await upstream.text();
    this.calls.push({ method, body, at: Date.now(), status: upstream.status });
    if (method === 'getUpdates' && upstream.ok && (JSON.parse(text) as { result: unknown[] }).result.length === 0) await sleep(100);
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(text);
  }

  private async relay(raw: Buffer, res: ServerResponse): Promise<void> {
    if (!this.webhook) return void res.writeHead(404).end();
    const hook = await fetch(this.webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.webhook.secret ? { 'x-telegram-bot-api-secret-token': this.webhook.secret } : {}) },
      body: raw.toString(),
    });
    res.writeHead(hook.status).end(await hook.text());
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
