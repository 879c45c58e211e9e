import { frame, OPCODE, RawWebSocket } from './raw-websocket.js';
import { healthy, startServerProcess, type ServerProcess } from './server-process.js';

// A hostile frame must cost the sender its socket, never the process: each case runs against a real server process
// and /healthz must answer after it.
let server: ServerProcess;
let webchatPath: string;

beforeAll(async () => {
  server = await startServerProcess();
  const res = await fetch(`${server.url}/api/webchat/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const chat = (await res.json()) as { conversationId: string; token: string };
  webchatPath = `/api/webchat/ws?conversationId=${chat.conversationId}&token=${encodeURIComponent(chat.token)}`;
}, 60_000);

afterAll(() => server.stop());

const invalidUtf8 = Buffer.from([0x68, 0x69, 0xc3, 0x28, 0xff, 0xfe]);
const cases: [string, () => Buffer[]][] = [
  ['a text frame over maxPayload', () => [frame(OPCODE.text, 'x'.repeat(70_000))]],
  ['invalid UTF-8 in a text frame', () => [frame(OPCODE.text, invalidUtf8)]],
  ['an unmasked frame', () => [frame(OPCODE.text, 'hello', { mask: false })]],
  ['reserved bits set', () => [frame(OPCODE.text, 'hello', { rsv: 7 })]],
  ['a reserved opcode', () => [frame(0x3, 'hello')]],
  ['a continuation with nothing to continue', () => [frame(OPCODE.continuation, 'tail')]],
  ['a fragmented control frame', () => [frame(OPCODE.ping, 'p', { fin: false })]],
  ['a ping over 125 bytes', () => [frame(OPCODE.ping, 'p'.repeat(200))]],
  ['a close frame with an invalid code', () => [frame(OPCODE.close, Buffer.from([0x03, 0xe7]))]],
  ['fragments adding up to more than maxPayload', () => [frame(OPCODE.text, 'a'.repeat(40_000), { fin: false }), frame(OPCODE.continuation, 'b'.repeat(40_000))]],
  ['a binary frame', () => [frame(OPCODE.binary, Buffer.from([0, 1, 2, 3]))]],
  ['garbage instead of a frame', () => [Buffer.from('GET / HTTP/1.1\r\n\r\n'.repeat(50))]],
];

describe.each([
  ['web chat', () => webchatPath],
  ['agent console (not signed in)', () => '/api/agent/ws'],
])('%s socket', (_name, path) => {
  it.each(cases)('survives %s', async (_case, frames) => {
    const ws = await RawWebSocket.open(server.port, path());
    expect(await ws.status()).toMatch(/^HTTP\/1\.1 101/);
    for (const f of frames()) ws.write(f);
    await ws.waitClosed(1500).catch(() => ws.destroy()); // a valid frame (binary) leaves the socket open
    expect(server.alive()).toBe(true);
    expect(await healthy(server.url)).toBe(true);
  });
});

describe('upgrade requests', () => {
  it('refuses a path no socket server owns, instead of leaving the socket open', async () => {
    const ws = await RawWebSocket.open(server.port, '/api/nowhere/ws');
    expect(await ws.status()).toMatch(/^HTTP\/1\.1 404/);
    await ws.waitClosed();
  });

  it.each([['/api/webchat/ws'], ['/api/agent/ws'], ['/api/nowhere/ws']])('survives a connection reset during the handshake on %s', async (path) => {
    for (let i = 0; i < 20; i++) (await RawWebSocket.open(server.port, path)).reset();
    await new Promise((r) => setTimeout(r, 200));
    expect(server.alive()).toBe(true);
    expect(await healthy(server.url)).toBe(true);
  });

  it('survives a flood of small frames and a burst of connections', async () => {
    const sockets = await Promise.all(Array.from({ length: 30 }, () => RawWebSocket.open(server.port, webchatPath)));
    for (const ws of sockets) for (let i = 0; i < 50; i++) ws.write(frame(OPCODE.text, '{"type":"ping"}'));
    for (const ws of sockets) ws.write(frame(OPCODE.text, 'x'.repeat(70_000)));
    await Promise.all(sockets.map((ws) => ws.waitClosed(10_000).catch(() => ws.destroy())));
    expect(server.alive()).toBe(true);
    expect(await healthy(server.url)).toBe(true);
  });
});
