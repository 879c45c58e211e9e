import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../../app/config.js';
import { startKefu, type RunningKefu } from '../../app/start.js';
import type { Role, User } from '../../core/types.js';
import { CHEAP_PASSWORD_COST, SECRET, type ApiResponse } from '../webchat/webchat-harness.js';

export interface AgentHarness {
  kefu: RunningKefu;
  url: string;
  /** KEFU_DATA_DIR of this instance (a temp folder, removed by close). */
  dataDir: string;
  addUser(name: string, role?: Role, password?: string): Promise<User>;
  close(): Promise<void>;
}

/** A real Kefu on a random port; SQLite in a temp folder unless a database URL is given. Service hours: always open. */
export async function startAgentHarness(options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<AgentHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-agents-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', KEFU_SECRET: SECRET, KEFU_DATA_DIR: dir, KEFU_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00', KEFU_PASSWORD_COST: CHEAP_PASSWORD_COST, ...options.env });
  const kefu = await startKefu({ ...config, port: 0, host: '127.0.0.1', databaseUrl: options.databaseUrl ?? `file:${join(dir, 't.db')}` });
  return {
    kefu,
    url: kefu.url,
    dataDir: dir,
    addUser: (name, role = 'agent', password = `${name}-password`) =>
      kefu.services.auth.createUser({ email: `${name}@shop.test`, password, role, displayName: name }),
    async close() {
      await kefu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser-like API client: keeps the session cookie and sends the CSRF token on writes. */
export class AgentClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<ApiResponse<{ csrfToken: string; user: { id: string } } & ErrorShape>> {
    const res = await this.call<{ csrfToken: string; user: { id: string } }>('POST', '/api/auth/login', { email, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }

  static async signIn(baseUrl: string, name: string): Promise<AgentClient> {
    const client = new AgentClient(baseUrl);
    const res = await client.login(`${name}@shop.test`, `${name}-password`);
    if (res.status !== 200) throw new Error(`sign-in of ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  }

  get<T = ErrorShape>(path: string) {
    return this.call<T>('GET', path);
  }

  post<T = ErrorShape>(path: string, json: unknown = {}) {
    return this.call<T>('POST', path, json);
  }

  async call<T>(method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T & ErrorShape> & { headers: Headers }> {
    const h = new Headers(headers);
    if (json !== undefined) h.set('content-type', 'application/json');
    if (this.cookie) h.set('cookie', this.cookie);
    if (this.csrfToken && !h.has('x-csrf-token') && method !== 'GET') h.set('x-csrf-token', this.csrfToken);
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers: h, body: json === undefined ? undefined : JSON.stringify(json) });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('kefu_session='));
    if (set) this.cookie = /Max-Age=0/.test(set) ? undefined : set.split(';')[0];
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, body: (type.includes('json') && text ? JSON.parse(text) : text) as T & ErrorShape };
  }

  /** The console socket, signed in with this client's cookie; frames are recorded. */
  socket(origin?: string): AgentSocketProbe {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (origin) headers.origin = origin;
    return new AgentSocketProbe(new WebSocket(`${this.baseUrl.replace(/^http/, 'ws')}/api/agent/ws`, { headers }));
  }
}

export interface ErrorShape {
  error?: { code: string; message: string };
}

export interface Frame {
  type: string;
  [key: string]: unknown;
}

export class AgentSocketProbe {
  readonly frames: Frame[] = [];
  closeCode: number | undefined;

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.frames.push(JSON.parse(String(data)) as Frame));
    ws.on('close', (code) => (this.closeCode = code));
    ws.on('error', () => undefined);
  }

  send(frame: unknown): void {
    const go = () => this.ws.send(JSON.stringify(frame));
    if (this.ws.readyState === WebSocket.OPEN) go();
    else this.ws.once('open', go);
  }

  of(type: string): Frame[] {
    return this.frames.filter((f) => f.type === type);
  }

  async until(done: () => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out; close ${this.closeCode}; frames: ${JSON.stringify(this.frames).slice(0, 2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.ws.close();
  }
}
