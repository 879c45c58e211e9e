// The channels inside a real Kefu (startKefu, SQLite): configuration, /readyz, failure handling, the outbox,
// the admin API and the cross-channel path Telegram customer → agent console → Telegram.
import { AgentClient, startAgentHarness, type AgentHarness } from '../agents/agent-harness.js';
import { call, WebchatClient } from '../webchat/webchat-harness.js';
import type { ChannelHealth } from '../../app/channel-supervisor.js';
import { DEFAULT_TICKET_TEXTS } from '../../core/tickets/ticket-texts.js';
import { eventually } from './core-harness.js';
import { TelegramFake } from './fakes/telegram-fake.js';
import { BotClient, ConnectorFake } from './fakes/connector-fake.js';

interface Health {
  status: string;
  channels: Record<string, ChannelHealth>;
}

let kefu: AgentHarness | undefined;
let telegram: TelegramFake | undefined;

afterEach(async () => {
  await kefu?.close();
  await telegram?.stop();
  kefu = undefined;
  telegram = undefined;
});

const health = async () => (await call<Health>(`${kefu!.url}/readyz`)).body;

const telegramEnv = (fake: TelegramFake, extra: Record<string, string> = {}) => ({
  TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, KEFU_CHANNEL_RETRY_BASE_MS: '50', KEFU_DELIVERY_POLL_MS: '50', ...extra,
});

describe('channels in a running Kefu', () => {
  it('reports channels without configuration as off and stays healthy', async () => {
    kefu = await startAgentHarness();
    expect(await health()).toMatchObject({
      status: 'ok',
      channels: { webchat: { status: 'up' }, telegram: { status: 'off' }, wechat: { status: 'off' }, botframework: { status: 'off' } },
    });
  });

  it('reports a channel that cannot start as down, retries it with back-off, and keeps everything else serving', async () => {
    telegram = await TelegramFake.start();
    telegram.fail('getMe', 3, 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    const connector = await ConnectorFake.start();
    try {
      kefu = await startAgentHarness({ env: { ...telegramEnv(telegram, { KEFU_CHANNEL_RETRY_BASE_MS: '300' }), BOTFRAMEWORK_ENABLED: 'true' } });
      const down = await eventually(async () => {
        const h = await health();
        return h.channels.telegram?.lastError ? h : undefined;
      });
      expect(down).toMatchObject({ status: 'degraded', channels: { telegram: { status: 'down', lastError: 'ChannelError: 502: Bad Gateway' }, botframework: { status: 'up' } } });
      expect(down.channels.telegram?.nextRetryAt).toEqual(expect.any(String));

      // Meanwhile web chat and Bot Framework answer as usual.
      const chat = await new WebchatClient(kefu.url).start();
      expect((await new WebchatClient(kefu.url).send(chat, { text: '怎么开发票' })).status).toBe(200);
      const bot = new BotClient(`${kefu.url}/api/messages`, connector.url);
      expect(await bot.say('怎么开发票')).toBe(200);
      await eventually(() => connector.messages('conv-1')[0]);

      const up = await eventually(async () => ((await health()).channels.telegram?.status === 'up' ? health() : undefined), 10_000);
      expect(up).toMatchObject({ status: 'ok', channels: { telegram: { status: 'up' } } });
      expect(up.channels.telegram?.lastError).toBeUndefined();
      expect(telegram.calls.filter((c) => c.method === 'getMe').map((c) => c.status)).toEqual([502, 502, 502, 200]);
    } finally {
      await connector.stop();
    }
  });

  it('restarts a channel that reports it cannot go on (Telegram refusing the token while polling)', async () => {
    telegram = await TelegramFake.start();
    kefu = await startAgentHarness({ env: telegramEnv(telegram) });
    await eventually(async () => ((await health()).channels.telegram?.status === 'up' ? true : undefined));
    telegram.fail('getUpdates', 1, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    await eventually(() => (telegram!.calls.filter((c) => c.method === 'getMe').length === 2 ? true : undefined));
    await eventually(async () => ((await health()).channels.telegram?.status === 'up' ? true : undefined));
    const customer = telegram.client({ userId: 8001 });
    await customer.sendMessage(customer.makeMessage('怎么开发票'));
    await telegram.waitForBotMessages(8001, 1);
  });

  it('retries a reply that cannot be delivered and, after the last attempt, shows the failure to agents', async () => {
    telegram = await TelegramFake.start();
    kefu = await startAgentHarness({ env: telegramEnv(telegram, { KEFU_DELIVERY_MAX_ATTEMPTS: '3', KEFU_DELIVERY_RETRY_BASE_MS: '50' }) });
    await eventually(async () => ((await health()).channels.telegram?.status === 'up' ? true : undefined));
    const customer = telegram.client({ userId: 8101, firstName: '小王' });

    telegram.fail('sendMessage', 1, 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    await customer.sendMessage(customer.makeMessage('怎么开发票'));
    const [answer] = await telegram.waitForBotMessages(8101, 1);
    const statuses = () => telegram!.calls.filter((c) => c.method === 'sendMessage').map((c) => c.status);
    await eventually(() => (statuses().length === 2 ? true : undefined));
    expect(statuses()).toEqual([502, 200]);

    telegram.fail('sendMessage', 3, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    await customer.sendMessage(customer.makeMessage('发票抬头可以改吗'));
    const { repos } = kefu.kefu.services;
    const customerRow = await repos.customers.findOrCreateByIdentity('telegram', '8101');
    const [conversation] = await repos.conversations.listByCustomer(customerRow.id);
    const note = await eventually(async () => (await repos.messages.listByConversation(conversation!.id)).find((m) => m.author === 'system'));
    const transcript = await repos.messages.listByConversation(conversation!.id);
    const lost = transcript.find((m) => m.id === note.replyToId);
    expect(lost).toMatchObject({ author: 'bot', deliveryStatus: 'failed' });
    expect(transcript.find((m) => m.text === answer!.message.text)?.deliveryStatus).toBe('sent');
    expect(note.text).toBe('消息未能送达客户（telegram，已尝试 3 次）：ChannelError: 500: Internal Server Error');
    expect(await repos.deliveries.getByMessage(lost!.id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(telegram.botMessages(8101)).toHaveLength(1);
  });

  it('lets a Telegram customer reach a person: /human queues the conversation, the agent’s answer arrives in Telegram', async () => {
    telegram = await TelegramFake.start();
    kefu = await startAgentHarness({ env: telegramEnv(telegram) });
    await kefu.addUser('lina', 'agent');
    await eventually(async () => ((await health()).channels.telegram?.status === 'up' ? true : undefined));
    const customer = telegram.client({ userId: 8201, firstName: '小周' });

    await customer.sendMessage(customer.makeMessage('/human'));
    await telegram.waitForBotMessages(8201, 1);
    const agent = await AgentClient.signIn(kefu.url, 'lina');
    const queued = await agent.get<{ conversations: { id: string; channel: string; status: string }[] }>('/api/agent/conversations?status=queued');
    expect(queued.body.conversations).toEqual([expect.objectContaining({ channel: 'telegram', status: 'queued' })]);
    const id = queued.body.conversations[0]!.id;
    expect((await agent.post(`/api/agent/conversations/${id}/claim`)).status).toBe(200);
    const before = telegram.botMessages(8201).length;
    const sent = await agent.post<{ message: { id: string } }>(`/api/agent/conversations/${id}/messages`, { text: '您好，我是客服丽娜，请问有什么可以帮您？' });
    expect(sent.status).toBe(201);

    const texts = () => telegram!.botMessages(8201).map((m) => m.message.text);
    await eventually(() => (texts().includes('您好，我是客服丽娜，请问有什么可以帮您？') ? true : undefined));
    // The customer saw, in order: the queue notice, the "agent joined" notice, the agent's words.
    expect(texts().slice(before - 1)).toEqual([expect.any(String), expect.stringContaining('lina'), '您好，我是客服丽娜，请问有什么可以帮您？']);
    const stored = (await kefu.kefu.services.repos.messages.listByConversation(id)).find((m) => m.author === 'agent');
    await eventually(async () => ((await kefu!.kefu.services.repos.deliveries.getByMessage(stored!.id))?.status === 'sent' ? true : undefined));
    const view = await agent.get<{ messages: { author: string; deliveryStatus?: string }[] }>(`/api/agent/conversations/${id}`);
    expect(JSON.stringify(view.body)).toContain('"deliveryStatus":"sent"');
  });

  it('answers Telegram’s /ticket through the ticket module: asks for the problem, opens a ticket, then lists it', async () => {
    telegram = await TelegramFake.start();
    kefu = await startAgentHarness({ env: telegramEnv(telegram) });
    await eventually(async () => ((await health()).channels.telegram?.status === 'up' ? true : undefined));
    const customer = telegram.client({ userId: 8301, firstName: '小林' });
    const texts = () => telegram!.botMessages(8301).map((m) => m.message.text);

    await customer.sendMessage(customer.makeMessage('/ticket'));
    await telegram.waitForBotMessages(8301, 1);
    await customer.sendMessage(customer.makeMessage('快递显示签收了但我没收到'));
    await telegram.waitForBotMessages(8301, 2);
    await customer.sendMessage(customer.makeMessage('/ticket'));
    await telegram.waitForBotMessages(8301, 3);
    const { tickets } = await kefu.kefu.services.repos.tickets.list({ limit: 5 });
    expect(tickets).toEqual([expect.objectContaining({ description: '快递显示签收了但我没收到' })]);
    await customer.sendMessage(customer.makeMessage('/ticket'));
    await telegram.waitForBotMessages(8301, 4);
    expect([texts()[0], texts()[2]]).toEqual([DEFAULT_TICKET_TEXTS.zh.describeFirst, DEFAULT_TICKET_TEXTS.zh.created(tickets[0]!.number)]);
    expect(texts()[3]).toContain(tickets[0]!.number);
    expect(texts().join('\n')).not.toMatch(/coming soon|即将上线/);
  });

  it('shows channel status and the WeChat QR state to admins only', async () => {
    kefu = await startAgentHarness({ env: { WECHATY_PUPPET: 'wechaty-puppet-mock' } });
    await kefu.addUser('root', 'admin');
    await kefu.addUser('lina', 'agent');
    const admin = await AgentClient.signIn(kefu.url, 'root');
    const qr = await admin.get<{ wechat: { status: string } }>('/api/admin/channels/wechat/qr');
    expect(qr.status).toBe(200);
    expect(['starting', 'waiting-for-scan']).toContain(qr.body.wechat.status);
    const channels = await admin.get<{ channels: Record<string, ChannelHealth> }>('/api/admin/channels');
    expect(channels.body.channels.wechat?.status).toBe('down');
    expect((await (await AgentClient.signIn(kefu.url, 'lina')).get('/api/admin/channels/wechat/qr')).status).toBe(403);
    expect((await new AgentClient(kefu.url).get('/api/admin/channels/wechat/qr')).status).toBe(401);
  }, 90_000); // a server with wechaty, two accounts and two sign-ins (four real scrypt hashes)
});
