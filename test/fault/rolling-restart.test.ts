import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { openStorage } from '../../prisma/storage.js';
import { AgentClient } from '../agents/agent-harness.js';
import { BotClient, ConnectorFake } from '../channels/fakes/connector-fake.js';
import { redisUnavailable, TEST_REDIS_URL } from '../app/redis-fixture.js';
import { postgresSchemaFixture, postgresUnavailable } from '../storage/postgres-fixture.js';
import type { StorageFixture } from '../storage/storage-contract.js';
import { SECRET, type Chat } from '../webchat/webchat-harness.js';
import { freePort, launch, waitUntilHealthy, type Launch } from './server-process.js';
import { TcpBalancer } from './tcp-balancer.js';

// Issue #18: two instances on one PostgreSQL and one Redis behind a round-robin balancer; customers and an agent chat
// through it while the instances are restarted one after the other, three rounds. Clients behave like the widget and
// the console: a refused or cut request is resent (customers with the same clientMessageId), a socket told to
// reconnect comes back with the last seq it saw. Afterwards every acknowledged message is stored exactly once with
// its reply, every socket saw every message of its conversation, and the outbox sent each reply once (a Bot Framework
// customer, whose replies go out through the outbox to a fake connector, counts every delivery it receives).

const CUSTOMERS = 6;
const QUESTIONS = ['怎么退货？', '运费多少钱', '什么时候发货', '可以开发票吗', '支持哪些支付方式'];
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A widget socket: reconnects after every close with the last seq it saw, and keeps every seq. */
class ReconnectingSocket {
  readonly seqs = new Set<number>();
  private ws: WebSocket | undefined;
  private stopped = false;
  reconnects = 0;

  constructor(private readonly base: string, private readonly chat: Chat) {
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.ws?.close();
  }

  private open(): void {
    const last = Math.max(0, ...this.seqs);
    const url = `${this.base.replace(/^http/, 'ws')}/api/webchat/ws?conversationId=${this.chat.conversationId}&token=${encodeURIComponent(this.chat.token)}&afterSeq=${last}`;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; message?: { seq: number } };
      if (frame.type === 'message' && frame.message) this.seqs.add(frame.message.seq);
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (this.stopped) return;
      this.reconnects += 1;
      setTimeout(() => this.open(), 100);
    });
  }
}

async function post(base: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> } | null> {
  try {
    const res = await fetch(`${base}${path}`, {
      method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(30_000),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return null; // cut or refused: the client tries again
  }
}

/** Resends until acknowledged, as the widget does; the clientMessageId makes a resend safe. */
async function sendUntilAcknowledged(base: string, chat: Chat, text: string, clientMessageId: string): Promise<void> {
  for (;;) {
    const res = await post(base, `/api/webchat/conversations/${chat.conversationId}/messages`, { text, clientMessageId }, chat.token);
    if (res?.status === 200) return;
    if (res && res.status !== 503) throw new Error(`message ${clientMessageId}: ${res.status} ${JSON.stringify(res.body)}`);
    await pause(100);
  }
}

async function startChat(base: string): Promise<Chat> {
  for (;;) {
    const res = await post(base, '/api/webchat/conversations', {});
    if (res?.status === 201) return res.body as unknown as Chat;
    await pause(100);
  }
}

const unavailable = (await redisUnavailable()) ?? (await postgresUnavailable());

(unavailable === null ? describe : describe.skip)('rolling restart of two instances under traffic', () => {
  let fixture: StorageFixture;
  let dataDir: string;
  let balancer: TcpBalancer;
  let connector: ConnectorFake;
  const ports: number[] = [];
  const instances: Launch[] = [];

  const env = () => ({
    DATABASE_URL: fixture.url, KEFU_DATA_DIR: dataDir, KEFU_SECRET: SECRET, KEFU_PUBSUB: 'redis', REDIS_URL: TEST_REDIS_URL,
    KEFU_BUSINESS_HOURS: 'Mon-Sun 00:00-24:00', KEFU_SHUTDOWN_GRACE_MS: '5000', LOG_LEVEL: 'warn', LOG_FORMAT: 'json',
    KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: '10000', KEFU_WEBCHAT_MESSAGES_PER_MINUTE: '10000', KEFU_DELIVERY_POLL_MS: '100',
    BOTFRAMEWORK_ENABLED: 'true',
  });

  async function restart(i: number): Promise<void> {
    const old = instances[i] as Launch;
    old.child.kill('SIGTERM');
    const exit = await old.exited;
    expect({ instance: i, code: exit.code, errors: errorLines(old) }).toEqual({ instance: i, code: 0, errors: [] });
    const fresh = launch('direct', ports[i] as number, env());
    await waitUntilHealthy(fresh);
    instances[i] = fresh;
  }

  beforeAll(async () => {
    fixture = await postgresSchemaFixture();
    connector = await ConnectorFake.start();
    dataDir = mkdtempSync(join(tmpdir(), 'kefu-rolling-'));
    ports.push(await freePort(), await freePort());
    // The first instance migrates the schema; the second starts on a migrated one.
    for (const port of ports) {
      const instance = launch('direct', port, env());
      await waitUntilHealthy(instance);
      instances.push(instance);
    }
    execFileSync(process.execPath, ['dist/cli/main.js', 'user', 'add', '--email', 'agent@shop.test', '--password', 'agent-password-123', '--role', 'agent'], {
      env: { ...process.env, ...env() }, stdio: 'ignore',
    });
    balancer = await TcpBalancer.start(ports);
  }, 300_000);

  afterAll(async () => {
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await balancer?.stop();
    await connector?.stop();
    await fixture?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged message, answers each once, and every socket catches up, over three rounds', async () => {
    const base = balancer.url;
    const chats = await Promise.all(Array.from({ length: CUSTOMERS }, () => startChat(base)));
    const sockets = chats.map((chat) => new ReconnectingSocket(base, chat));
    const acknowledged: Array<{ chat: Chat; clientMessageId: string }> = [];
    // Customer 0 talks to the agent; the others to the bot.
    const withAgent = chats[0] as Chat;
    await sendUntilAcknowledged(base, withAgent, '转人工', 'handoff');
    const agent = new AgentClient(base);
    expect((await agent.login('agent@shop.test', 'agent-password-123')).status).toBe(200);
    expect((await agent.post(`/api/agent/conversations/${withAgent.conversationId}/claim`)).status).toBe(200);

    let running = true;
    const customers = chats.map(async (chat, c) => {
      for (let m = 0; running; m += 1) {
        const clientMessageId = `c${c}-m${m}`;
        await sendUntilAcknowledged(base, chat, QUESTIONS[(c + m) % QUESTIONS.length] as string, clientMessageId);
        acknowledged.push({ chat, clientMessageId });
        await pause(50);
      }
    });
    // A Bot Framework customer: an activity not acknowledged with a 2xx is posted again, same id.
    const bot = new BotClient(`${base}/api/messages`, connector.url, { id: 'bf-user', name: '小明' }, 'bf-conv');
    const botAcknowledged: string[] = [];
    const botCustomer = (async () => {
      for (let m = 0; running; m += 1) {
        const activity = bot.activity({ text: QUESTIONS[m % QUESTIONS.length] });
        for (let status = 0; status < 200 || status >= 300; status = await bot.post(activity).catch(() => 0)) if (status !== 0) await pause(100);
        botAcknowledged.push(String(activity.id));
        await pause(100);
      }
    })();
    const agentTexts: string[] = [];
    const agentWriter = (async () => {
      for (let n = 0; running; n += 1) {
        const text = `agent reply ${n}`;
        const res = await agent.post(`/api/agent/conversations/${withAgent.conversationId}/messages`, { text }).catch(() => null);
        // Only a 2xx counts: a cut request may or may not have been stored, and the console does not resend it blindly.
        if (res?.status === 201) agentTexts.push(text);
        await pause(150);
      }
    })();

    for (let round = 0; round < 3; round += 1) {
      await pause(1500);
      await restart(0);
      await pause(1500);
      await restart(1);
    }
    await pause(1500);
    running = false;
    await Promise.all([...customers, agentWriter, botCustomer]);

    const storage = await openStorage(fixture.url);
    try {
      // Every reply queued for the sockets has gone out before the check.
      for (let i = 0; i < 100 && (await storage.repos.deliveries.listByStatus('pending')).length > 0; i += 1) await pause(200);
      await pause(1000);
      for (const socket of sockets) socket.stop();
      for (const [c, chat] of chats.entries()) {
        const transcript = await storage.repos.messages.listByConversation(chat.conversationId);
        expect(transcript.map((m) => m.seq)).toEqual(transcript.map((_, i) => i + 1));
        const customer = transcript.filter((m) => m.author === 'customer');
        const keys = customer.map((m) => m.channelMessageId);
        expect(new Set(keys).size).toBe(keys.length);
        for (const item of acknowledged.filter((a) => a.chat === chat)) {
          const stored = customer.find((m) => m.channelMessageId === `${chat.conversationId}:${item.clientMessageId}`);
          const answered = chat === withAgent || transcript.some((r) => r.replyToId === stored?.id);
          expect({ id: item.clientMessageId, stored: stored !== undefined, answered }).toEqual({ id: item.clientMessageId, stored: true, answered: true });
        }
        const missed = transcript.map((m) => m.seq).filter((seq) => !(sockets[c] as ReconnectingSocket).seqs.has(seq));
        expect({ conversation: c, missedOnSocket: missed }).toEqual({ conversation: c, missedOnSocket: [] });
      }
      const withAgentTranscript = await storage.repos.messages.listByConversation(withAgent.conversationId);
      for (const text of agentTexts) expect({ text, times: withAgentTranscript.filter((m) => m.author === 'agent' && m.text === text).length }).toEqual({ text, times: 1 });
      expect(await storage.repos.deliveries.listByStatus('failed')).toEqual([]);
      const sent = await storage.repos.deliveries.listByStatus('sent', { limit: 100_000 });
      expect(new Set(sent.map((d) => d.messageId)).size).toBe(sent.length);
      // Bot Framework: each acknowledged activity stored once and answered; each reply reached the connector once.
      const botConversation = (await storage.repos.messages.listByConversation(String(sent.find((d) => d.channel === 'botframework')?.conversationId)));
      const botKeys = botConversation.filter((m) => m.author === 'customer').map((m) => m.channelMessageId);
      expect(new Set(botKeys).size).toBe(botKeys.length);
      for (const id of botAcknowledged) {
        const stored = botConversation.find((m) => m.channelMessageId === `emulator:bf-conv:${id}`);
        expect({ id, answered: botConversation.some((r) => r.replyToId === stored?.id) }).toEqual({ id, answered: true });
      }
      const botSent = sent.filter((d) => d.channel === 'botframework');
      expect(connector.messages('bf-conv')).toHaveLength(botSent.length);
      expect(botSent.length).toBe(botConversation.filter((m) => m.author !== 'customer').length);
      console.log(`rolling restart: ${acknowledged.length} web chat, ${botAcknowledged.length} Bot Framework and ${agentTexts.length} agent messages acknowledged; socket reconnects ${sockets.map((s) => s.reconnects).join(', ')}; ${botSent.length} outbox rows sent, ${connector.messages('bf-conv').length} received by the connector`);
      expect(Math.min(...sockets.map((s) => s.reconnects))).toBeGreaterThan(0);
    } finally {
      await storage.close();
    }
  }, 600_000);
});

function errorLines(instance: Launch): string[] {
  return instance.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 50).map((l) => l.msg);
}
