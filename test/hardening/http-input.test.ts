import { gzipSync } from 'node:zlib';
import { call, SocketProbe, startHarness, WebchatClient, type Harness, type SendResult } from '../webchat/webchat-harness.js';

// Malformed or hostile requests each get a clean 4xx and store nothing.
let h: Harness;
let api: WebchatClient;

beforeAll(async () => {
  h = await startHarness({ BOTFRAMEWORK_ENABLED: 'true', KEFU_WEBCHAT_MESSAGES_PER_MINUTE: '3' });
  api = new WebchatClient(h.url);
});
afterAll(() => h.close());

const messagesUrl = (conversationId: string) => `${h.url}/api/webchat/conversations/${conversationId}/messages`;

describe('request bodies that cannot be read', () => {
  it.each([
    ['gzip', Buffer.from('this is not gzip')],
    ['br', Buffer.from('nor brotli')],
    ['deflate', Buffer.from([1, 2, 3, 4, 5])],
  ])('answers a corrupt %s body with 400 and stores nothing', async (encoding, bytes) => {
    const chat = await api.start();
    const res = await call(messagesUrl(chat.conversationId), {
      method: 'POST', token: chat.token, body: bytes, headers: { 'content-type': 'application/json', 'content-encoding': encoding },
    });
    expect([res.status, res.body.error?.code]).toEqual([400, 'bad_request']);
    expect(await api.transcript(chat)).toEqual([]);
  });

  it('still reads a well-formed gzip body', async () => {
    const chat = await api.start();
    const res = await call<SendResult>(messagesUrl(chat.conversationId), {
      method: 'POST', token: chat.token, body: gzipSync(JSON.stringify({ text: '怎么退货' })),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.body.replies.length).toBeGreaterThan(0);
  });

  it('refuses bytes that are not UTF-8 instead of storing U+FFFD', async () => {
    const chat = await api.start();
    const body = Buffer.concat([Buffer.from('{"text":"ab'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('c"}')]);
    const res = await call(messagesUrl(chat.conversationId), { method: 'POST', token: chat.token, body, headers: { 'content-type': 'application/json' } });
    expect([res.status, res.body.error?.code]).toEqual([400, 'invalid_encoding']);
    expect(await api.transcript(chat)).toEqual([]);
  });

  it('answers a Bot Framework post that is not an activity with a 422 that says why (the connector retries only 5xx)', async () => {
    for (const [body, says] of [[{}, /channelId/], [{ type: 'message' }, /serviceUrl/], [[], /expected object/]] as const) {
      const res = await call(`${h.url}/api/messages`, { method: 'POST', json: body });
      expect([res.status, res.body.error?.code]).toEqual([422, 'invalid_input']);
      expect(res.body.error?.message).toMatch(/^Not a Bot Framework activity: /);
      expect(res.body.error?.message).toMatch(says);
    }
  });
});

describe('message length', () => {
  it('counts characters as people do: 4,000 emoji fit, 4,001 do not', async () => {
    const chat = await api.start();
    expect((await api.send(chat, { text: '😀'.repeat(4000) })).status).toBe(200);
    const over = await api.send(chat, { text: '😀'.repeat(4001) });
    expect([over.status, over.body.error?.message]).toEqual([422, 'text: must be at most 4000 characters']);
  });
});

describe('an idempotent resend while rate-limited', () => {
  it('is answered from storage over HTTP, while a new message gets 429', async () => {
    const chat = await api.start();
    const first = await api.send(chat, { text: '怎么退货', clientMessageId: 'r-1' });
    for (const id of ['r-2', 'r-3']) expect((await api.send(chat, { text: '运费怎么算', clientMessageId: id })).status).toBe(200);
    expect((await api.send(chat, { text: '还在吗', clientMessageId: 'r-4' })).status).toBe(429);
    const again = await api.send(chat, { text: '怎么退货', clientMessageId: 'r-1' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, message: { id: first.body.message.id } });
    expect(again.body.replies).toEqual(first.body.replies);
    expect((await api.transcript(chat)).filter((m) => m.author === 'customer')).toHaveLength(3);
  });

  it('is acknowledged from storage over the socket too', async () => {
    const chat = await api.start();
    for (const id of ['s-1', 's-2', 's-3']) expect((await api.send(chat, { text: '运费怎么算', clientMessageId: id })).status).toBe(200);
    const socket = SocketProbe.forChat(h.url, chat);
    try {
      await socket.until(() => socket.ready);
      socket.send({ type: 'message', text: '新问题', clientMessageId: 's-4' });
      socket.send({ type: 'message', text: '运费怎么算', clientMessageId: 's-2' });
      await socket.until(() => socket.frames.filter((f) => f.type === 'error' || f.type === 'ack').length === 2);
      const answers = socket.frames.filter((f) => f.type === 'error' || f.type === 'ack');
      expect(answers).toEqual([
        expect.objectContaining({ type: 'error', clientMessageId: 's-4', error: expect.objectContaining({ code: 'rate_limited' }) }),
        expect.objectContaining({ type: 'ack', clientMessageId: 's-2', duplicate: true, seq: 3 }),
      ]);
    } finally {
      socket.close();
    }
  });
});

describe('behind a reverse proxy', () => {
  it('gives every forwarded client its own budget when KEFU_TRUST_PROXY trusts the proxy', async () => {
    const proxied = await startHarness({ KEFU_TRUST_PROXY: 'loopback', KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: '1' });
    try {
      const start = (ip: string) => call(`${proxied.url}/api/webchat/conversations`, { method: 'POST', json: {}, headers: { 'x-forwarded-for': ip } });
      expect((await start('203.0.113.7')).status).toBe(201);
      expect((await start('203.0.113.7')).status).toBe(429);
      expect((await start('198.51.100.9')).status).toBe(201);
    } finally {
      await proxied.close();
    }
  });

  it('ignores X-Forwarded-For by default, so a client cannot pick its own address', async () => {
    const direct = await startHarness({ KEFU_WEBCHAT_CONVERSATIONS_PER_MINUTE: '1' });
    try {
      const start = (ip: string) => call(`${direct.url}/api/webchat/conversations`, { method: 'POST', json: {}, headers: { 'x-forwarded-for': ip } });
      expect((await start('203.0.113.7')).status).toBe(201);
      expect((await start('198.51.100.9')).status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
