import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../../app/config.js';
import { startKefu, type RunningKefu } from '../../app/start.js';
import type { WidgetMessage } from '../../bots/webchat/webchat-codec.js';
import type { Reply } from '../../core/types.js';
import type { MessageView } from '../../core/views.js';

export const SECRET = 'test-secret-for-webchat-0123456789abcdef';
/**
 * scrypt at 2^10 instead of 2^15 for the test servers' accounts: each sign-in is then ~1 ms instead of ~100 ms of
 * CPU, which matters on a busy machine. The default cost is tested in test/unit/auth-service.test.ts.
 */
export const CHEAP_PASSWORD_COST = '10';

export interface Harness {
  kefu: RunningKefu;
  url: string;
  /** Stops and starts Kefu again on the same port and database, as a deploy or crash would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A real Kefu server on a random port with a fresh SQLite database. */
export async function startHarness(overrides: Record<string, string> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-webchat-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', KEFU_SECRET: SECRET, KEFU_DATA_DIR: dir, KEFU_PASSWORD_COST: CHEAP_PASSWORD_COST, ...overrides });
  const start = (port: number) => startKefu({ ...config, port, host: '127.0.0.1', databaseUrl: `file:${join(dir, 't.db')}` });
  const harness: Harness = {
    kefu: await start(0),
    get url() {
      return harness.kefu.url;
    },
    async restart() {
      await harness.kefu.close();
      harness.kefu = await start(harness.kefu.port);
    },
    async close() {
      await harness.kefu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Adds two FAQs that share a question, so asking it is ambiguous under any thresholds and the bot offers choices.
 * Returns the question to ask.
 */
export async function addAmbiguousFaqs(h: Harness): Promise<string> {
  const question = '雨伞租借服务怎么预约？';
  await h.kefu.services.repos.faqs.upsertMany([
    { id: 'test-umbrella-booking', question, answer: '在门店前台登记即可预约雨伞。' },
    { id: 'test-umbrella-online', question, answer: '也可以在 App 的“门店服务”里在线预约雨伞。' },
  ]);
  h.kefu.services.knowledge.invalidate();
  return question;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
}

export interface ErrorBody {
  error?: { code: string; message: string };
}

export interface SendResult extends ErrorBody {
  message: MessageView;
  replies: Reply[];
  replyMessages: MessageView[];
  duplicate: boolean;
}

export type Frame =
  | { type: 'message'; message: MessageView }
  | { type: 'ready'; lastSeq: number }
  | { type: 'ack'; clientMessageId?: string; seq: number; duplicate: boolean }
  | { type: 'error'; clientMessageId?: string; error: { code: string; message: string } }
  | { type: 'notice'; message: WidgetMessage }
  | { type: 'pong' };

export async function call<T = ErrorBody>(url: string, init: RequestInit & { json?: unknown; token?: string } = {}): Promise<ApiResponse<T>> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const request = () => fetch(url, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  // After a server restart fetch may reuse a kept-alive socket the old server closed; nothing reached a server then.
  const res = await request().catch((err: unknown) => {
    if ((err as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return request();
    throw err;
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export interface Chat {
  conversationId: string;
  token: string;
  visitorId: string;
  visitorToken?: string;
}

export class WebchatClient {
  constructor(readonly baseUrl: string) {}

  async start(body: unknown = {}): Promise<Chat> {
    const res = await call<Chat>(`${this.baseUrl}/api/webchat/conversations`, { method: 'POST', json: body });
    if (res.status !== 201) throw new Error(`start failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  send(chat: Chat, body: unknown, token: string = chat.token): Promise<ApiResponse<SendResult>> {
    return call<SendResult>(`${this.baseUrl}/api/webchat/conversations/${chat.conversationId}/messages`, { method: 'POST', json: body, token });
  }

  async transcript(chat: Chat, afterSeq?: number): Promise<MessageView[]> {
    const q = afterSeq === undefined ? '' : `?afterSeq=${afterSeq}`;
    const res = await call<{ messages: MessageView[] }>(`${this.baseUrl}/api/webchat/conversations/${chat.conversationId}/messages${q}`, { token: chat.token });
    if (res.status !== 200) throw new Error(`transcript failed: ${res.status}`);
    return res.body.messages;
  }
}

/** A socket client that records every frame and the close code. */
export class SocketProbe {
  readonly frames: Frame[] = [];
  closeCode: number | undefined;
  private readonly ws: WebSocket;
  private readonly waiters: Array<() => void> = [];
  private readonly opened: Promise<void>;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.opened = new Promise((resolve) => this.ws.once('open', () => resolve()));
    this.ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      this.notify();
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
      this.notify();
    });
    this.ws.on('error', () => undefined);
  }

  static forChat(baseUrl: string, chat: Chat, afterSeq?: number, token = chat.token): SocketProbe {
    const ws = baseUrl.replace(/^http/, 'ws');
    const after = afterSeq === undefined ? '' : `&afterSeq=${afterSeq}`;
    return new SocketProbe(`${ws}/api/webchat/ws?conversationId=${encodeURIComponent(chat.conversationId)}&token=${encodeURIComponent(token)}${after}`);
  }

  get messages(): MessageView[] {
    return this.frames.flatMap((f) => (f.type === 'message' ? [f.message] : []));
  }

  get ready(): boolean {
    return this.frames.some((f) => f.type === 'ready');
  }

  /** Sends as soon as the socket is open (before the server's `ready`, which the server must tolerate). */
  send(frame: unknown): void {
    void this.opened.then(() => this.ws.send(JSON.stringify(frame)));
  }

  /** Resolves once `done()` holds, or rejects after `ms`. */
  async until(done: () => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out; frames: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.ws.close();
  }

  private notify(): void {
    this.waiters.splice(0).forEach((w) => w());
  }
}
