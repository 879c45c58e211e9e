import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../app/http/create-http-app.js';
import { ChannelError, TransportError } from '../../bots/channel-errors.js';
import { TelegramAdapter, type TelegramAdapterOptions } from '../../bots/telegram/telegram-adapter.js';
import { AMBIGUOUS_QUESTION, eventually, silentLogger, startCore, type CoreHarness } from './core-harness.js';
import { freePort } from './fakes/net.js';
import { DEFAULT_BOT_TEXTS } from '../../core/replies.js';
import { TelegramFake } from './fakes/telegram-fake.js';

let fake: TelegramFake;
const running: Array<() => Promise<void>> = [];

beforeEach(async () => {
  fake = await TelegramFake.start();
});
afterEach(async () => {
  for (const close of running.splice(0).reverse()) await close();
  await fake.stop();
});

async function polling(options: Partial<TelegramAdapterOptions> = {}): Promise<{ adapter: TelegramAdapter; core: CoreHarness }> {
  const adapter = new TelegramAdapter({
    token: fake.token, apiRoot: fake.apiRoot, logger: silentLogger, pollTimeoutSeconds: 1, ...options,
  });
  const core = await startCore(adapter);
  running.push(() => core.close());
  return { adapter, core };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe('Telegram adapter (telegraf against telegram-test-api)', () => {
  it('shows choices as an inline keyboard and answers the button press', async () => {
    await polling({ queue: { perChatIntervalMs: 0 } });
    const client = fake.client({ userId: 501 });
    await client.sendMessage(client.makeMessage(AMBIGUOUS_QUESTION));
    const [menu] = await fake.waitForBotMessages(501, 1);
    const keyboard = menu!.message.reply_markup?.inline_keyboard ?? [];
    expect(keyboard.map((row) => row[0]!.callback_data).sort()).toEqual(['c:umbrella-app', 'c:umbrella-store']);
    expect(keyboard.map((row) => row[0]!.text)).toEqual([`1. ${AMBIGUOUS_QUESTION}`, `2. ${AMBIGUOUS_QUESTION}`]);
    await client.sendCallback(client.makeCallbackQuery(keyboard[0]![0]!.callback_data, { message: { message_id: menu!.messageId } }));
    const [, answer] = await fake.waitForBotMessages(501, 2);
    const picked = keyboard[0]![0]!.callback_data === 'c:umbrella-store' ? '门店前台' : '门店服务';
    expect(answer!.message.text).toContain(picked);
    await fake.waitForCall('answerCallbackQuery');
  });

  it('hands /start, /help and /human to core as commands, answered in the language Telegram gives for the user', async () => {
    const { core } = await polling({ queue: { perChatIntervalMs: 0 } });
    const client = fake.client({ userId: 502 });
    const english = (text: string) => ({ ...client.makeMessage(text), from: { id: 502, is_bot: false, first_name: 'Ann', language_code: 'en' } });
    await client.sendMessage(english('/start') as never);
    await fake.waitForBotMessages(502, 1);
    await client.sendMessage(english('/help') as never);
    await fake.waitForBotMessages(502, 2);
    await client.sendMessage(english('/human') as never);
    await eventually(() => core.received.find((e) => e.type === 'command' && e.command === 'human'));
    expect(fake.botMessages(502).slice(0, 2).map((m) => m.message.text)).toEqual([DEFAULT_BOT_TEXTS.en.greeting, DEFAULT_BOT_TEXTS.en.help]);
    expect(core.received.map((e) => e.type === 'command' && e.command)).toEqual(['start', 'help', 'human']);
    const customer = (await core.transcript('telegram', '502')).filter((m) => m.author === 'customer').map((m) => m.text);
    expect(customer).toEqual(['/start', '/help', '/human']);
  });

  it('sends at most about one message a second to a chat, in order', async () => {
    const { adapter } = await polling();
    const ref = { conversationId: 'c', externalUserId: '503', channelRef: JSON.stringify({ chatId: 503 }) };
    await Promise.all(['一', '二', '三'].map((text) => adapter.send(ref, { type: 'text', kind: 'agent', text })));
    const sends = fake.calls.filter((c) => c.method === 'sendMessage');
    expect(sends.map((c) => c.body.text)).toEqual(['一', '二', '三']);
    for (const gap of gaps(sends.map((c) => c.at))) expect(gap).toBeGreaterThanOrEqual(950);
  });

  it('keeps to 30 messages a second over all chats', async () => {
    const { adapter } = await polling();
    const chats = Array.from({ length: 35 }, (_, i) => 600 + i);
    await Promise.all(chats.map((chatId) => adapter.send(
      { conversationId: `c${chatId}`, externalUserId: String(chatId), channelRef: JSON.stringify({ chatId }) },
      { type: 'text', kind: 'agent', text: `hi ${chatId}` },
    )));
    const times = fake.calls.filter((c) => c.method === 'sendMessage').map((c) => c.at).sort((a, b) => a - b);
    expect(times).toHaveLength(35);
    expect(times[30]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('waits as long as a 429 asks and then delivers', async () => {
    const { adapter } = await polling();
    fake.fail('sendMessage', 1, 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    await adapter.send({ conversationId: 'c', externalUserId: '504', channelRef: JSON.stringify({ chatId: 504 }) }, { type: 'text', kind: 'agent', text: '稍等' });
    const sends = fake.calls.filter((c) => c.method === 'sendMessage');
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect(gaps(sends.map((c) => c.at))[0]).toBeGreaterThanOrEqual(950);
    expect(fake.botMessages(504).map((m) => m.message.text)).toEqual(['稍等']);
  });

  it('reports a refusal as a permanent ChannelError and an unreachable API as a TransportError', async () => {
    const { adapter } = await polling({ queue: { perChatIntervalMs: 0 } });
    const ref = { conversationId: 'c', externalUserId: '505', channelRef: JSON.stringify({ chatId: 505 }) };
    fake.fail('sendMessage', 1, 403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const refused = await adapter.send(ref, { type: 'text', kind: 'agent', text: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChannelError);
    expect(refused).toMatchObject({ permanent: true, code: 403, message: '403: Forbidden: bot was blocked by the user' });

    const offline = new TelegramAdapter({ token: fake.token, apiRoot: `http://127.0.0.1:${await freePort()}`, logger: silentLogger });
    const unreachable = await offline.send(ref, { type: 'text', kind: 'agent', text: 'x' }).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(TransportError);
    expect(String((unreachable as Error).message)).not.toContain(fake.token);
    await expect(offline.start({ receive: () => Promise.reject(new Error('no message expected')) })).rejects.toBeInstanceOf(TransportError);
  });

  it('reports lost polling and its recovery, and asks for a restart when the token is refused', async () => {
    fake.fail('getUpdates', 2, 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    const { core } = await polling({ pollRetryBaseMs: 20 });
    await eventually(() => (core.statuses.some((s) => s.status === 'up') ? true : undefined));
    expect(core.statuses[0]).toEqual({ status: 'down', reason: 'ChannelError: 502: Bad Gateway' });
    expect(core.statuses.at(-1)).toEqual({ status: 'up' });

    fake.fail('getUpdates', 1, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    await eventually(() => core.failures[0]);
    expect(core.failures[0]).toMatchObject({ code: 401 });
  });
});

describe('Telegram webhook mode', () => {
  let server: Server;
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('registers the webhook with its secret, accepts only that secret, and drops a re-delivered update', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/telegram/webhook`;
    const adapter = new TelegramAdapter({
      token: fake.token, apiRoot: fake.apiRoot, logger: silentLogger,
      webhook: { url, secret: 'hook-secret_0123' }, queue: { perChatIntervalMs: 0 },
    });
    // Inside the HTTP app, whose error boundary answers the webhook's refusals.
    server = createServer(createHttpApp({ logger: silentLogger, routers: [adapter.routes!], readiness: async () => ({ status: 'ok' as const }) }));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    expect((server.address() as AddressInfo).port).toBe(port);
    const core = await startCore(adapter);
    running.push(() => core.close());

    expect(fake.calls.find((c) => c.method === 'setWebhook')?.body).toMatchObject({ url, secret_token: 'hook-secret_0123' });
    expect(fake.calls.some((c) => c.method === 'getUpdates')).toBe(false);

    const client = fake.client({ userId: 506 });
    await client.sendMessage(client.makeMessage('怎么开发票'));
    await fake.waitForBotMessages(506, 1);

    const update = { update_id: fake.nextUpdateId(), message: { message_id: 77, date: 1, chat: { id: 506, type: 'private' }, from: { id: 506, is_bot: false, first_name: 'T' }, text: '发票抬头可以改吗' } };
    expect(await fake.postToWebhook(update, 'wrong-secret')).toBe(401);
    expect(await fake.postToWebhook(update)).toBe(200);
    expect(await fake.postToWebhook(update)).toBe(200);
    await fake.waitForBotMessages(506, 2);
    expect(core.received.filter((e) => e.type === 'text' && e.text === '发票抬头可以改吗')).toHaveLength(1);
  });
});
