import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pino } from 'pino';
import { composeServices, seedKnowledgeBase, type Services } from '../../app/compose.js';
import { loadConfig } from '../../app/config.js';
import { createHttpApp } from '../../app/http/create-http-app.js';
import { WebchatAdapter } from '../../bots/webchat/webchat-adapter.js';
import { createWebchatRouter } from '../../bots/webchat/webchat-router.js';
import { attachWebchatSocket, type WebchatSocketHandle } from '../../bots/webchat/webchat-socket.js';
import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { SocketProbe, WebchatClient } from './webchat-harness.js';

const SECRET = 'adapter-test-secret-0123456789abcdef';
let services: Services;
let adapter: WebchatAdapter;
let server: Server;
let socket: WebchatSocketHandle;
let base: string;

// The real services on in-memory repositories, with a fast heartbeat so dead sockets are noticed within the test.
beforeAll(async () => {
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const repos = createInMemoryRepositories();
  await seedKnowledgeBase(repos, logger);
  services = composeServices(config, repos, logger);
  adapter = new WebchatAdapter(services.pubsub, { logger });
  await adapter.start({ receive: (event) => services.conversations.receive(event) });
  const deps = { conversations: services.conversations, messages: services.repos.messages, inbound: adapter, pubsub: services.pubsub, logger, secret: SECRET, maxTextLength: 4000 };
  server = createServer(createHttpApp({ logger, routers: [createWebchatRouter(deps)], readiness: async () => ({ status: 'ok' as const }) }));
  socket = attachWebchatSocket(server, { ...deps, heartbeatMs: 100 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await adapter.stop();
  await socket.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('WebchatAdapter', () => {
  it('declares what the widget renders', () => {
    expect(new WebchatAdapter(services.pubsub, { logger: pino({ level: 'silent' }) }).capabilities).toEqual({ buttons: true, images: false, maxTextLength: 4000, selfDelivering: true });
  });

  it('delivers a message sent by conversation reference to the open widget as a notice, outside the transcript', async () => {
    const api = new WebchatClient(base);
    const chat = await api.start();
    const probe = SocketProbe.forChat(base, chat);
    await probe.until(() => probe.ready);

    await adapter.send({ conversationId: chat.conversationId, externalUserId: chat.visitorId }, { type: 'text', kind: 'agent', text: '您好，我是小李' });
    await probe.until(() => probe.frames.some((f) => f.type === 'notice'));
    expect(probe.frames.find((f) => f.type === 'notice')).toEqual({ type: 'notice', message: { author: 'agent', kind: 'text', text: '您好，我是小李' } });
    expect(await api.transcript(chat)).toEqual([]);
    probe.close();
  });

  it('is the way visitors’ messages enter core: while it is stopped they are refused with 503 and nothing is stored', async () => {
    const api = new WebchatClient(base);
    const chat = await api.start();
    const probe = SocketProbe.forChat(base, chat);
    await probe.until(() => probe.ready);
    await adapter.stop();
    try {
      const res = await api.send(chat, { text: '怎么退货', clientMessageId: 'm-1' });
      expect(res).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
      probe.send({ type: 'message', text: '怎么退货', clientMessageId: 'm-2' });
      await probe.until(() => probe.frames.some((f) => f.type === 'error'));
      expect(probe.frames.find((f) => f.type === 'error')).toMatchObject({ clientMessageId: 'm-2', error: { code: 'unavailable' } });
      expect(await api.transcript(chat)).toEqual([]);
    } finally {
      await adapter.start({ receive: (event) => services.conversations.receive(event) });
      probe.close();
    }
    expect((await api.send(chat, { text: '怎么退货', clientMessageId: 'm-1' })).status).toBe(200);
  });
});

describe('web chat socket heartbeat', () => {
  it('keeps answering clients open and drops ones that stop answering pings', async () => {
    const chat = await new WebchatClient(base).start();
    const live = SocketProbe.forChat(base, chat);
    const dead = SocketProbe.forChat(base, chat);
    await live.until(() => live.ready);
    await dead.until(() => dead.ready);
    // Stop reading: pings go unanswered, as with a phone that lost its network.
    (dead as unknown as { ws: { _socket: Socket } }).ws._socket.pause();
    await new Promise((r) => setTimeout(r, 450));
    expect(live.closeCode).toBeUndefined();
    expect(socket.clientCount).toBe(1);
    live.close();
  });
});
