// A stand-in for the Bot Framework Connector service: activities point their serviceUrl here, and the bot's replies
// (in the turn or after it) arrive as POST /v3/conversations/:id/activities[/:replyToId].
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  path: string;
  conversationId: string;
  authorization: string | undefined;
  body: {
    type: string;
    text?: string;
    replyToId?: string;
    from?: { id: string };
    recipient?: { id: string };
    suggestedActions?: { actions: { type: string; title: string; text?: string; displayText?: string; value?: unknown }[] };
  };
}

export class ConnectorFake {
  readonly received: ReceivedActivity[] = [];
  private failures: number[] = [];
  private counter = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<ConnectorFake> {
    const server = createServer();
    const fake = new ConnectorFake(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (req.method !== 'POST' || !match) return void res.writeHead(404).end();
        const status = fake.failures.shift();
        if (status) return void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'Failed', message: `status ${status}` } }));
        fake.received.push({
          path: req.url ?? '', conversationId: decodeURIComponent(match[1]!), authorization: req.headers.authorization,
          body: JSON.parse(Buffer.concat(chunks).toString()) as ReceivedActivity['body'],
        });
        fake.counter += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${fake.counter}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next activities posted answer with these HTTP statuses, one each. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  messages(conversationId: string): ReceivedActivity[] {
    return this.received.filter((a) => a.conversationId === conversationId && a.body.type === 'message');
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A Bot Framework client (the Emulator, Web Chat…) posting activities to Kefu's /api/messages. */
export class BotClient {
  private counter = 0;
  private last: Record<string, unknown> | undefined;

  constructor(
    private readonly endpoint: string,
    private readonly serviceUrl: string,
    readonly user = { id: 'user-1', name: '小红' },
    readonly conversationId = 'conv-1',
    readonly channelId = 'emulator',
  ) {}

  activity(fields: Record<string, unknown>): Record<string, unknown> {
    this.counter += 1;
    return {
      type: 'message', id: `act-${this.conversationId}-${this.counter}`, channelId: this.channelId, serviceUrl: this.serviceUrl,
      from: this.user, recipient: { id: 'bot-1', name: 'Kefu' }, conversation: { id: this.conversationId }, locale: 'zh-CN',
      timestamp: new Date().toISOString(), ...fields,
    };
  }

  async post(activity: Record<string, unknown>): Promise<number> {
    this.last = activity;
    const res = await fetch(this.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await res.text();
    return res.status;
  }

  say(text: string): Promise<number> {
    return this.post(this.activity({ text }));
  }

  repeatLast(): Promise<number> {
    if (!this.last) throw new Error('nothing posted yet');
    return this.post(this.last);
  }
}
