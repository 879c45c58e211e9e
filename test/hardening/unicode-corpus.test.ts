import { postgresSchemaFixture, postgresUnavailable } from '../storage/postgres-fixture.js';
import type { StorageFixture } from '../storage/storage-contract.js';
import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { upload } from '../admin/admin-harness.js';
import { ConnectorFake } from '../channels/fakes/connector-fake.js';
import { TelegramFake } from '../channels/fakes/telegram-fake.js';
import { SocketProbe, WebchatClient } from '../webchat/webchat-harness.js';
import { isInvisible } from '../../core/text-rules.js';

// Every text a person might send is stored exactly as sent; text that cannot be stored or says nothing is refused
// with a clean 4xx (channels: an answer in the chat) and nothing is stored — on SQLite and on PostgreSQL, which
// refuses NUL outright.
const GOOD = [
  '你好，请问怎么退货？', '𠮷野家的外卖到了吗', '👍🏽 👨‍👩‍👧 🇨🇳 好评', 'مرحبا، أين طلبي؟', 'Ünïcödé café naïve (e\u0301)',
  'zero\u200dwidth joiner inside text', '多行\n文本\ttab', '\u{1F600}'.repeat(50),
];
const UNSTORABLE: [string, string][] = [
  ['NUL', 'hi\u0000there'], ['a lone high surrogate', 'oops\ud800'], ['a lone low surrogate', '\udc00oops'], ['a reversed pair', '\ude00\ud83d'],
];
const BLANK: [string, string][] = [['zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'], ['Hangul fillers', '\u3164\u3164'], ['whitespace', ' \n\t ']];

const WEBHOOK_PATH = '/telegram/hook';
const SECRET = 'corpus-webhook-secret';
const pgUnavailable = await postgresUnavailable();

describe.each([
  ['SQLite', true],
  ['PostgreSQL', pgUnavailable === null],
])('the Unicode corpus on %s', (name, available) => {
  let h: AgentHarness;
  let fixture: StorageFixture | undefined;
  let telegram: TelegramFake;
  let connector: ConnectorFake;
  let admin: AgentClient;
  let webchat: WebchatClient;
  let telegramUser = 7000;

  beforeAll(async () => {
    if (!available) return;
    telegram = await TelegramFake.start();
    connector = await ConnectorFake.start();
    fixture = name === 'PostgreSQL' ? await postgresSchemaFixture() : undefined;
    h = await startAgentHarness({
      ...(fixture ? { databaseUrl: fixture.url } : {}),
      env: {
        TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:9${WEBHOOK_PATH}`,
        TELEGRAM_WEBHOOK_SECRET: SECRET, BOTFRAMEWORK_ENABLED: 'true', KEFU_WEBCHAT_MESSAGES_PER_MINUTE: '1000',
      },
    });
    await h.addUser('ada', 'admin');
    admin = await AgentClient.signIn(h.url, 'ada');
    webchat = new WebchatClient(h.url);
    await telegram.waitForCall('setWebhook');
  }, 60_000);
  afterAll(async () => {
    if (!available) return;
    await h.close();
    await fixture?.cleanup();
    await telegram.stop();
    await connector.stop();
  });

  const maybe = available ? it : it.skip;

  /** Stored customer messages of a channel identity, straight from storage. */
  async function storedTexts(channel: 'telegram' | 'botframework', externalId: string): Promise<string[]> {
    const identity = channel === 'botframework' ? `emulator:${externalId}` : externalId;
    const customer = await h.kefu.services.repos.customers.findOrCreateByIdentity(channel, identity);
    const conversations = await h.kefu.services.repos.conversations.listByCustomer(customer.id);
    const messages = await Promise.all(conversations.map((c) => h.kefu.services.repos.messages.listByConversation(c.id)));
    return messages.flat().filter((m) => m.author === 'customer').map((m) => m.text);
  }

  function telegramUpdate(userId: number, text: string): Record<string, unknown> {
    const updateId = telegram.nextUpdateId();
    return {
      update_id: updateId,
      message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: 'private' }, from: { id: userId, is_bot: false, first_name: '小明' }, text },
    };
  }

  async function postTelegram(update: Record<string, unknown> | Buffer): Promise<number> {
    const res = await fetch(`${h.url}${WEBHOOK_PATH}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: Buffer.isBuffer(update) ? new Uint8Array(update) : JSON.stringify(update),
    });
    await res.text();
    return res.status;
  }

  async function postActivity(userId: string, text: string): Promise<number> {
    const activity = {
      type: 'message', id: `act-${userId}`, channelId: 'emulator', serviceUrl: connector.url, from: { id: userId, name: '小红' },
      recipient: { id: 'bot-1', name: 'Kefu' }, conversation: { id: `conv-${userId}` }, locale: 'zh-CN', text,
    };
    const res = await fetch(`${h.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    await res.text();
    return res.status;
  }

  describe('text people write is stored exactly as sent', () => {
    maybe.each(GOOD.map((t) => [JSON.stringify(t).slice(0, 40), t]))('%s: web chat, socket, Telegram, Bot Framework', async (_label, text) => {
      const chat = await webchat.start();
      expect((await webchat.send(chat, { text })).status).toBe(200);
      const socket = SocketProbe.forChat(h.url, chat);
      try {
        await socket.until(() => socket.ready);
        socket.send({ type: 'message', text, clientMessageId: 'corpus-1' });
        await socket.until(() => socket.frames.some((f) => f.type === 'ack'));
      } finally {
        socket.close();
      }
      expect((await webchat.transcript(chat)).filter((m) => m.author === 'customer').map((m) => m.text)).toEqual([text.trim(), text.trim()]);

      const userId = ++telegramUser;
      expect(await postTelegram(telegramUpdate(userId, text))).toBe(200);
      expect(await storedTexts('telegram', String(userId))).toEqual([text.trim()]);

      expect(await postActivity(`bf-${userId}`, text)).toBe(200);
      expect(await storedTexts('botframework', `bf-${userId}`)).toEqual([text.trim()]);
    });

    maybe('in a ticket and an FAQ entry too', async () => {
      const text = GOOD.join(' ');
      const ticket = await admin.post<{ ticket: { id: string; subject: string; description: string } }>('/api/tickets', { type: 'other', subject: GOOD[2], description: text });
      expect(ticket.status).toBe(201);
      expect(ticket.body.ticket).toMatchObject({ subject: GOOD[2], description: text });
      const faq = await admin.post<{ faq: { id: string; answer: string } }>('/api/admin/faqs', { question: GOOD[1], answer: text });
      expect([faq.status, faq.body.faq?.answer]).toEqual([201, text]);
    });
  });

  describe.each(UNSTORABLE)('text with %s', (_label, text) => {
    maybe('is refused by web chat (HTTP and socket) with 4xx, and nothing is stored', async () => {
      const chat = await webchat.start();
      const res = await webchat.send(chat, { text: `前缀 ${text}` });
      expect([res.status, res.body.error?.code]).toEqual([422, 'invalid_input']);
      const socket = SocketProbe.forChat(h.url, chat);
      try {
        await socket.until(() => socket.ready);
        socket.send({ type: 'message', text, clientMessageId: 'bad-1' });
        await socket.until(() => socket.frames.some((f) => f.type === 'error'));
        expect(socket.frames.find((f) => f.type === 'error')).toMatchObject({ error: { code: 'invalid_input' } });
      } finally {
        socket.close();
      }
      expect(await webchat.transcript(chat)).toEqual([]);
    });

    maybe('is answered in the chat on Telegram (200, so Telegram does not send it again) and Bot Framework, and nothing is stored', async () => {
      const userId = ++telegramUser;
      expect(await postTelegram(telegramUpdate(userId, text))).toBe(200);
      await telegram.waitForCall('sendMessage');
      expect(telegram.calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === userId).map((c) => c.body.text)).toEqual([expect.stringMatching(/^Message text /)]);
      expect(await storedTexts('telegram', String(userId))).toEqual([]);

      const before = connector.received.length;
      expect(await postActivity(`bf-bad-${userId}`, text)).toBe(200);
      expect(connector.received.slice(before).map((a) => a.body.text)).toEqual([expect.stringMatching(/^Message text /)]);
      expect(await storedTexts('botframework', `bf-bad-${userId}`)).toEqual([]);
    });

    maybe('is refused with 422 by every other endpoint that takes text, in the body or the query', async () => {
      const tickets = await admin.get<{ tickets: unknown[] }>('/api/tickets');
      const faqs = await admin.get<{ faqs: unknown[] }>('/api/admin/faqs');
      const requests: [string, string, unknown][] = [
        ['POST', '/api/tickets', { type: 'other', subject: text, description: 'x' }],
        ['POST', '/api/tickets', { type: 'other', description: `问题 ${text}` }],
        ['POST', '/api/admin/faqs', { question: `问题${text}`, answer: '答案' }],
        ['POST', '/api/admin/kb/try', { question: text }],
        ['POST', '/api/agent/canned-replies', { shortcut: '/x', title: 'x', text }],
        ['POST', '/api/agent/conversations/any/messages', { text }],
        ['POST', '/api/agent/conversations/any/notes', { text }],
        ['PUT', '/api/admin/synonyms', { groups: [['退货', text]] }],
        ['POST', '/api/webchat/conversations', { visitorId: `visitor-${text}` }],
        ['POST', '/api/auth/login', { email: `a${text}@shop.test`, password: 'whatever-1' }],
      ];
      // A URL cannot carry a lone surrogate (it is not UTF-8), but it can carry %00.
      if (text.includes('\u0000')) requests.push(['GET', `/api/tickets?q=${encodeURIComponent(text)}`, undefined], ['GET', `/api/tickets/${encodeURIComponent(text)}`, undefined]);
      for (const [method, path, body] of requests) {
        const res = await admin.call(method, path, body);
        expect([method, path, res.status, res.body.error?.code]).toEqual([method, path, 422, 'invalid_input']);
      }
      expect((await admin.get<{ tickets: unknown[] }>('/api/tickets')).body.tickets).toHaveLength(tickets.body.tickets.length);
      expect((await admin.get<{ faqs: unknown[] }>('/api/admin/faqs')).body.faqs).toHaveLength(faqs.body.faqs.length);
    });
  });

  describe.each(BLANK)('a message of only %s', (_label, text) => {
    maybe('is refused as empty on web chat, Telegram and Bot Framework, and by agents and tickets', async () => {
      const chat = await webchat.start();
      const res = await webchat.send(chat, { text });
      expect([res.status, res.body.error?.message]).toEqual([422, 'text: must not be empty']);
      const userId = ++telegramUser;
      expect(await postTelegram(telegramUpdate(userId, text))).toBe(200);
      expect(await storedTexts('telegram', String(userId))).toEqual([]);
      expect(await postActivity(`bf-blank-${userId}`, text)).toBe(200);
      // Bot Framework's decoder already treats a message without visible text as an unsupported event (and says so).
      expect((await storedTexts('botframework', `bf-blank-${userId}`)).filter(isInvisible)).toEqual([]);
      expect((await admin.post('/api/tickets', { type: 'other', description: text })).status).toBe(422);
      expect(await webchat.transcript(chat)).toEqual([]);
    });
  });

  // A file is UTF-8, which cannot hold a lone surrogate; NUL it can.
  maybe('a knowledge-base import rejects the row with NUL and imports the others', async () => {
    const csv = `id,question,answer\ncorpus-ok,${GOOD[0]},好的\ncorpus-bad,坏的问题,答\u0000案\n`;
    const res = await upload<{ report: { rejected: { id?: string; reason: string }[] } }>(admin, '/api/admin/kb/import?format=csv', csv);
    expect(res.status).toBe(200);
    expect(res.body.report.rejected).toEqual([expect.objectContaining({ id: 'corpus-bad', reason: expect.stringMatching(/^answer: contains a NUL/) })]);
    expect((await admin.get('/api/admin/faqs/corpus-bad')).status).toBe(404);
    expect((await admin.get('/api/admin/faqs/corpus-ok')).status).toBe(200);
  });

  maybe('bytes that are not UTF-8 are refused (400) on web chat and on both webhooks, never stored as U+FFFD', async () => {
    const chat = await webchat.start();
    const broken = (prefix: string, suffix: string) => Buffer.concat([Buffer.from(prefix), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(suffix)]);
    const res = await fetch(`${h.url}/api/webchat/conversations/${chat.conversationId}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.token}` }, body: broken('{"text":"', '"}'),
    });
    expect(res.status).toBe(400);
    const userId = ++telegramUser;
    const update = JSON.stringify(telegramUpdate(userId, 'PLACEHOLDER')).split('PLACEHOLDER');
    expect(await postTelegram(broken(update[0]!, update[1]!))).toBe(400);
    expect(await storedTexts('telegram', String(userId))).toEqual([]);
    expect(await webchat.transcript(chat)).toEqual([]);
  });
});
