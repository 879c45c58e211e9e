import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../core/ports.js';
import { AuthService } from '../../core/users/auth-service.js';
import { openStorage } from '../../prisma/storage.js';
import { silentLogger } from '../core/conversation-harness.js';
import { frame, OPCODE, RawWebSocket } from './raw-websocket.js';
import { HealthWatchdog } from './health-watchdog.js';
import { healthy, startServerProcess, type ServerProcess } from './server-process.js';

// Past the frame level: a signed-in agent's socket and a live web chat session get hostile frames, floods and
// fragments, while /healthz is asked every 100 ms from start to end and must always answer.
let server: ServerProcess;
let dir: string;
let cookie: string;
let chatPath: string;
let chat: { conversationId: string; token: string };
let watchdog: HealthWatchdog;
let casesStarted: number;

async function createAgent(databaseUrl: string): Promise<void> {
  const storage = await openStorage(databaseUrl);
  try {
    const auth = new AuthService(storage.repos.users, storage.repos.sessions, systemClock, silentLogger, { sessionTtlMs: 3_600_000, throttle: { maxFailures: 5, windowMs: 60_000 } });
    await auth.createUser({ email: 'ann@shop.test', password: 'ann-password', role: 'agent' });
  } finally {
    await storage.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kefu-wsfuzz-'));
  const databaseUrl = `file:${join(dir, 'kefu.db')}`;
  server = await startServerProcess({ DATABASE_URL: databaseUrl });
  await createAgent(databaseUrl);
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ann@shop.test', password: 'ann-password' }) });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
  cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const res = await fetch(`${server.url}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  chat = (await res.json()) as { conversationId: string; token: string };
  chatPath = `/api/webchat/ws?conversationId=${chat.conversationId}&token=${encodeURIComponent(chat.token)}`;
  watchdog = new HealthWatchdog(`${server.url}/healthz`);
  casesStarted = Date.now();
}, 90_000);

afterAll(async () => {
  await watchdog?.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const openAgent = () => RawWebSocket.open(server.port, '/api/agent/ws', { Cookie: cookie });
const send = (ws: RawWebSocket, value: unknown) => ws.write(frame(OPCODE.text, typeof value === 'string' ? value : JSON.stringify(value)));
const errorsOf = (frames: unknown[]) => frames.filter((f): f is { type: 'error'; error: { code: string } } => (f as { type?: string }).type === 'error');

describe('a signed-in agent console socket', () => {
  it('is really signed in (the server sends its state)', async () => {
    const ws = await openAgent();
    expect(await ws.status()).toMatch(/^HTTP\/1\.1 101/);
    await ws.untilFrames((frames) => frames.length > 0);
    ws.destroy();
  });

  it.each([
    ['a frame over its 16 KiB limit', [frame(OPCODE.text, 'x'.repeat(20_000))]],
    ['invalid UTF-8', [frame(OPCODE.text, Buffer.from([0x7b, 0xc3, 0x28, 0x7d]))]],
    ['an unmasked frame', [frame(OPCODE.text, '{"type":"ping"}', { mask: false })]],
    ['fragments adding up to more than the limit', [frame(OPCODE.text, 'a'.repeat(10_000), { fin: false }), frame(OPCODE.continuation, 'b'.repeat(10_000))]],
  ])('loses only its own socket to %s', async (_name, frames) => {
    const ws = await openAgent();
    await ws.untilFrames((f) => f.length > 0);
    for (const f of frames) ws.write(f);
    await ws.waitClosed(5000);
    expect(server.alive()).toBe(true);
    expect(await healthy(server.url)).toBe(true);
  });

  it('survives frames that are valid websocket but not what the console sends', async () => {
    const ws = await openAgent();
    await ws.untilFrames((f) => f.length > 0);
    for (const value of ['not json', '[]', 'null', '{"type":"nope"}', '{"__proto__":{"polluted":true}}', '['.repeat(8000) + ']'.repeat(8000)]) send(ws, value);
    ws.write(frame(OPCODE.binary, Buffer.from([0, 255, 1])));
    await new Promise((r) => setTimeout(r, 300));
    expect(server.alive()).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    ws.destroy();
  });
});

describe('a live web chat session', () => {
  it('answers hostile message frames with error frames and stores none of them', async () => {
    const ws = await RawWebSocket.open(server.port, chatPath);
    await ws.untilFrames((frames) => frames.some((f) => (f as { type?: string }).type === 'ready'));
    const hostile = [
      'not json', '[]', '{"type":"message"}', '{"type":"message","text":"a\\u0000b"}', '{"type":"message","text":"\\ud800"}',
      '{"type":"message","text":"\\u200b\\u200b"}', '{"type":"message","text":"hi","clientMessageId":{"$gt":""}}', '['.repeat(20_000) + ']'.repeat(20_000),
    ];
    for (const value of hostile) send(ws, value);
    await ws.untilFrames((frames) => errorsOf(frames).length === hostile.length, 10_000);
    expect(errorsOf(ws.jsonFrames()).map((f) => f.error.code)).toEqual([...Array(2).fill('invalid_json').slice(0, 1), ...Array(hostile.length - 1).fill('invalid_input')]);
    const res = await fetch(`${server.url}/api/webchat/conversations/${chat.conversationId}/messages`, { headers: { authorization: `Bearer ${chat.token}` } });
    expect(((await res.json()) as { messages: unknown[] }).messages).toEqual([]);
    ws.destroy();
  });

  it('puts together a message sent in fragments, with a ping between them and a character split across them', async () => {
    const ws = await RawWebSocket.open(server.port, chatPath);
    await ws.untilFrames((frames) => frames.some((f) => (f as { type?: string }).type === 'ready'));
    const bytes = Buffer.from(JSON.stringify({ type: 'message', text: '快递几天能到？', clientMessageId: 'frag-1' }));
    const cut = bytes.indexOf(Buffer.from('递')) + 1; // inside the three bytes of 递
    ws.write(frame(OPCODE.text, bytes.subarray(0, cut), { fin: false }));
    ws.write(frame(OPCODE.ping, 'still there?'));
    ws.write(frame(OPCODE.continuation, bytes.subarray(cut, cut + 5), { fin: false }));
    ws.write(frame(OPCODE.continuation, bytes.subarray(cut + 5)));
    await ws.untilFrames((frames) => frames.some((f) => (f as { type?: string; clientMessageId?: string }).type === 'ack'), 10_000);
    ws.destroy();
  });

  it('forgets a fragment that never ends when the client goes away', async () => {
    const ws = await RawWebSocket.open(server.port, chatPath);
    await ws.untilFrames((frames) => frames.some((f) => (f as { type?: string }).type === 'ready'));
    ws.write(frame(OPCODE.text, '{"type":"mess', { fin: false }));
    ws.reset();
    await new Promise((r) => setTimeout(r, 200));
    expect(server.alive()).toBe(true);
  });

  it('holds 60 messages sent at once to the per-conversation limit, answering each with an ack or a 429 frame', async () => {
    const ws = await RawWebSocket.open(server.port, chatPath);
    await ws.untilFrames((frames) => frames.some((f) => (f as { type?: string }).type === 'ready'));
    for (let i = 0; i < 60; i++) send(ws, { type: 'message', text: `第${i}条`, clientMessageId: `burst-${i}` });
    const answered = (frames: unknown[]) => frames.filter((f) => ['ack', 'error'].includes((f as { type: string }).type));
    await ws.untilFrames((frames) => answered(frames).length >= 60, 60_000);
    const acks = ws.jsonFrames().filter((f) => (f as { type: string }).type === 'ack');
    expect(acks.length).toBeLessThanOrEqual(30);
    expect(errorsOf(ws.jsonFrames()).filter((f) => f.error.code === 'rate_limited')).toHaveLength(60 - acks.length);
    ws.destroy();
  }, 90_000);

  it('closes a socket that piles up 300 frames faster than they are handled, and stores no more than the limit', async () => {
    const fresh = await fetch(`${server.url}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const other = (await fresh.json()) as { conversationId: string; token: string };
    const ws = await RawWebSocket.open(server.port, `/api/webchat/ws?conversationId=${other.conversationId}&token=${encodeURIComponent(other.token)}`);
    await ws.untilFrames((frames) => frames.some((f) => (f as { type?: string }).type === 'ready'));
    for (let i = 0; i < 300; i++) send(ws, { type: 'message', text: `第${i}条`, clientMessageId: `flood-${i}` });
    expect(await ws.closedWith(10_000)).toBe(1008);
    ws.destroy();
    await new Promise((r) => setTimeout(r, 2000)); // frames taken before the close are still handled
    const res = await fetch(`${server.url}/api/webchat/conversations/${other.conversationId}/messages`, { headers: { authorization: `Bearer ${other.token}` } });
    const { messages } = (await res.json()) as { messages: { author: string }[] };
    expect(messages.filter((m) => m.author === 'customer').length).toBeLessThanOrEqual(30);
  }, 60_000);

  it('survives 50 sockets opening at once, each sending a burst of pings and then a frame over the limit', async () => {
    const sockets = await Promise.all(Array.from({ length: 50 }, () => RawWebSocket.open(server.port, chatPath)));
    for (const ws of sockets) {
      for (let i = 0; i < 20; i++) ws.write(frame(OPCODE.ping, String(i)));
      ws.write(frame(OPCODE.text, 'y'.repeat(70_000)));
    }
    await Promise.all(sockets.map((ws) => ws.waitClosed(15_000).catch(() => ws.destroy())));
    expect(server.alive()).toBe(true);
  }, 60_000);
});

it('answered /healthz every time it was asked (every 100 ms, from another thread), from the first case to the last', async () => {
  expect(await healthy(server.url)).toBe(true);
  const casesEnded = Date.now();
  const failures = await watchdog.stop();
  // The run's length depends on the machine, so what is checked is that the asking covered it from start to end.
  const asked = watchdog.samples.map((s) => Date.parse(s.at));
  expect(asked.length).toBeGreaterThanOrEqual(10);
  expect(asked[0]!).toBeLessThan(casesStarted + 3000);
  expect(asked[asked.length - 1]!).toBeGreaterThan(casesEnded - 3000);
  expect(failures).toEqual([]);
});
