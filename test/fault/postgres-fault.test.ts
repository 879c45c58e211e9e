import { postgresSchemaFixture, postgresUnavailable, TEST_DATABASE_URL } from '../storage/postgres-fixture.js';
import type { StorageFixture } from '../storage/storage-contract.js';
import { SECRET, WebchatClient, type Chat } from '../webchat/webchat-harness.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { TcpFaultProxy } from './tcp-fault-proxy.js';

// The real server (dist/app/main.js) on PostgreSQL reached through a TCP proxy that refuses, hangs and resumes.
// Readiness follows the database within one probe (the probe asks on a fresh connection with a 1 s deadline); requests
// that need the database get a clean 503 with Retry-After (statement, connection and pool timeouts bound the wait) and
// work again once PostgreSQL answers, without a restart.

const STATEMENT_TIMEOUT_MS = 1000;
const POOL_TIMEOUT_S = 2;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { status?: string; reasons?: string[]; error?: { code: string }; replies?: unknown[] };
  ms: number;
}

async function ask(url: string, init: RequestInit = {}): Promise<Answer> {
  const started = Date.now();
  // Far beyond every configured timeout: only a request that hangs gets here.
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: text ? JSON.parse(text) : {}, ms: Date.now() - started };
}

const send = (server: ServerProcess, chat: Chat, text: string, clientMessageId: string) => ask(`${server.url}/api/webchat/conversations/${chat.conversationId}/messages`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.token}` }, body: JSON.stringify({ text, clientMessageId }),
});

const unavailable = await postgresUnavailable();

(unavailable === null ? describe : describe.skip)('PostgreSQL refusing and hanging, behind a fault proxy', () => {
  let fixture: StorageFixture;
  let proxy: TcpFaultProxy;
  let server: ServerProcess;
  let chat: Chat;
  let others: Chat[];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    fixture = await postgresSchemaFixture();
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpFaultProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(TcpFaultProxy.rewrite(fixture.url, proxy.port));
    url.searchParams.set('statement_timeout', String(STATEMENT_TIMEOUT_MS));
    url.searchParams.set('pool_timeout', String(POOL_TIMEOUT_S));
    server = await startServerProcess({ DATABASE_URL: url.toString(), KEFU_SECRET: SECRET, LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    const client = new WebchatClient(server.url);
    const chats = await Promise.all([1, 2, 3, 4, 5].map(() => client.start()));
    chat = chats[0] as Chat;
    others = chats.slice(1);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await proxy?.stop();
    await fixture?.cleanup();
    console.log(`fault timings (ms): ${JSON.stringify(timings)}`);
  }, 60_000);

  afterEach(async () => {
    if (proxy.state !== 'pass') await proxy.resume();
  });

  it('is ready while PostgreSQL answers, and liveness never asks it', async () => {
    const ready = await ask(`${server.url}/readyz`);
    expect({ status: ready.status, body: ready.body.status }).toEqual({ status: 200, body: 'ok' });
    await proxy.refuse();
    expect((await ask(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refusing: the next readiness probe says 503 with the reason, and requests get 503 with Retry-After, not 500', async () => {
    await proxy.refuse();
    const ready = await ask(`${server.url}/readyz`);
    timings.readyRefused = ready.ms;
    expect({ status: ready.status, retryAfter: ready.retryAfter, state: ready.body.status, reasons: ready.body.reasons })
      .toEqual({ status: 503, retryAfter: '2', state: 'unavailable', reasons: ['database: ECONNREFUSED'] });

    const message = await send(server, chat, '怎么退货？', 'refused-1');
    timings.messageRefused = message.ms;
    expect({ status: message.status, retryAfter: message.retryAfter, code: message.body.error?.code }).toEqual({ status: 503, retryAfter: '2', code: 'unavailable' });
    const start = await ask(`${server.url}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect({ status: start.status, code: start.body.error?.code }).toEqual({ status: 503, code: 'unavailable' });

    await proxy.resume();
    const back = await ask(`${server.url}/readyz`);
    timings.readyAfterRefusal = back.ms;
    expect(back.status).toBe(200);
    const answered = await send(server, chat, '怎么退货？', 'refused-1');
    expect({ status: answered.status, replied: (answered.body.replies?.length ?? 0) > 0 }).toEqual({ status: 200, replied: true });
  }, 60_000);

  it('hanging: readiness says 503 after its 1 s deadline, requests get 503 within the configured timeouts, and it all recovers without a restart', async () => {
    proxy.hang();
    const ready = await ask(`${server.url}/readyz`);
    timings.readyHanging = ready.ms;
    expect({ status: ready.status, state: ready.body.status, reasons: ready.body.reasons })
      .toEqual({ status: 503, state: 'unavailable', reasons: ['database: no answer within 1000 ms'] });

    // Several conversations at once: more than one connection of the pool is stuck, and each request still ends.
    const messages = await Promise.all(others.map((other, n) => send(server, other, '运费多少钱', `hang-${n}`)));
    timings.messagesHangingMaxMs = Math.max(...messages.map((m) => m.ms));
    for (const m of messages) expect({ status: m.status, retryAfter: m.retryAfter, code: m.body.error?.code }).toEqual({ status: 503, retryAfter: '2', code: 'unavailable' });

    await proxy.resume();
    const back = await ask(`${server.url}/readyz`);
    timings.readyAfterHang = back.ms;
    expect(back.status).toBe(200);
    // The same messages resent: each answered and stored once, whether or not the first try reached the database.
    for (const [n, other] of others.entries()) {
      const answered = await send(server, other, '运费多少钱', `hang-${n}`);
      expect({ n, status: answered.status, replied: (answered.body.replies?.length ?? 0) > 0 }).toEqual({ n, status: 200, replied: true });
      const transcript = await new WebchatClient(server.url).transcript(other);
      expect(transcript.filter((m) => m.author === 'customer')).toHaveLength(1);
    }
  }, 120_000);

  it('logs an outage as one warning per refused request without a stack, and each background worker\'s failure once', () => {
    const lines = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; msg: string; err?: { stack?: string } });
    const refusals = lines.filter((l) => l.msg === 'request refused: unavailable');
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((l) => l.level === 40 && l.err === undefined)).toBe(true);
    const background = ['could not read the outbox', 'poller run failed', 'answering unanswered messages failed'];
    const errors = lines.filter((l) => l.level >= 50).map((l) => l.msg);
    expect(errors.filter((msg) => !background.includes(msg))).toEqual([]);
    // Two outages in this file: at most one error per worker and outage, however many runs failed.
    expect(errors.length).toBeLessThanOrEqual(2 * background.length);
  });
});
