import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../app/http/create-http-app.js';
import { BotFrameworkAdapter, type BotFrameworkAdapterOptions } from '../../bots/botframework/botframework-adapter.js';
import { ChannelError, TransportError } from '../../bots/channel-errors.js';
import { DEFAULT_BOT_TEXTS } from '../../core/replies.js';
import { AMBIGUOUS_QUESTION, eventually, silentLogger, startCore, type CoreHarness } from './core-harness.js';
import { freePort } from './fakes/net.js';
import { BotClient, ConnectorFake } from './fakes/connector-fake.js';

let connector: ConnectorFake;
let server: Server | undefined;
let core: CoreHarness | undefined;

async function kefu(options: Partial<BotFrameworkAdapterOptions> = {}, start = true) {
  const adapter = new BotFrameworkAdapter({ logger: silentLogger, ...options });
  // Inside the HTTP app, whose error boundary answers the route's refusals.
  server = createServer(createHttpApp({ logger: silentLogger, routers: [adapter.routes], readiness: async () => ({ status: 'ok' as const }) }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  if (start) core = await startCore(adapter);
  const client = new BotClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, connector.url);
  return { adapter, client };
}

beforeEach(async () => {
  connector = await ConnectorFake.start();
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await connector.stop();
});

describe('Bot Framework adapter (botbuilder CloudAdapter, no credentials)', () => {
  it('greets a member who joins in their locale, through core and the outbox, but not the bot itself', async () => {
    const { client } = await kefu();
    const joined = client.activity({ type: 'conversationUpdate', locale: 'en-US', membersAdded: [{ id: 'bot-1' }, { id: 'user-1', name: 'Ann' }] });
    expect(await client.post(joined)).toBe(200);
    expect(await client.post(client.activity({ type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }] }))).toBe(200);
    const [welcome] = await eventually(() => (connector.messages('conv-1').length ? connector.messages('conv-1') : undefined));
    expect(welcome?.body).toMatchObject({ text: DEFAULT_BOT_TEXTS.en.greeting, from: { id: 'bot-1' }, recipient: { id: 'user-1' } });
    expect(welcome?.authorization).toBeUndefined();
    expect(core!.received.map((e) => e.type === 'command' && e.command)).toEqual(['start']);
  });

  it('answers after the turn by conversation reference, with choices as messageBack suggested actions', async () => {
    const { client } = await kefu();
    expect(await client.say(AMBIGUOUS_QUESTION)).toBe(200);
    const [menu] = await eventually(() => (connector.messages('conv-1').length ? connector.messages('conv-1') : undefined));
    // A proactive turn (continueConversationAsync): not a reply to the customer's activity.
    expect(menu?.path).toMatch(/^\/v3\/conversations\/conv-1\/activities/);
    expect(menu?.body.replyToId).not.toBe('act-conv-1-1');
    expect(menu?.body.text).toBe(`您想问的是下面哪个问题？请回复数字选择：\n1. ${AMBIGUOUS_QUESTION}\n2. ${AMBIGUOUS_QUESTION}`);
    const actions = menu?.body.suggestedActions?.actions ?? [];
    expect(actions.map((a) => ({ type: a.type, text: a.text, displayText: a.displayText }))).toEqual([
      { type: 'messageBack', text: '1', displayText: AMBIGUOUS_QUESTION },
      { type: 'messageBack', text: '2', displayText: AMBIGUOUS_QUESTION },
    ]);
    expect(actions.map((a) => a.value)).toEqual(expect.arrayContaining([{ kefu: 'choice', faqId: 'umbrella-store' }, { kefu: 'choice', faqId: 'umbrella-app' }]));
    // A channel that drops the value still sends the number, which picks the same entry.
    expect(await client.say('2')).toBe(200);
    await eventually(() => (connector.messages('conv-1').length === 2 ? true : undefined));
    const stored = (await core!.transcript('botframework', 'emulator:user-1')).filter((m) => m.author === 'bot');
    expect(stored.at(-1)?.faqId).toBe(stored[0]?.choices?.[1]?.faqId);
  });

  it('reports the connector refusing as a permanent ChannelError and an unreachable one as a TransportError', async () => {
    const { adapter, client } = await kefu();
    await client.say('怎么开发票');
    await eventually(() => connector.messages('conv-1')[0]);
    const conversation = await core!.conversationOf('botframework', 'emulator:user-1');
    const ref = { conversationId: conversation.id, externalUserId: 'emulator:user-1', channelRef: conversation.channelRef! };
    const text = { type: 'text', kind: 'agent', text: '您好' } as const;
    connector.failNext(403);
    await expect(adapter.send(ref, text)).rejects.toMatchObject({ name: 'ChannelError', permanent: true, code: 403 });
    // (A 5xx is retried inside botframework-connector before it reaches us.)
    const gone = JSON.stringify({ ...JSON.parse(conversation.channelRef!), serviceUrl: `http://127.0.0.1:${await freePort()}` });
    const failure = await adapter.send({ ...ref, channelRef: gone }, text).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TransportError);
    await expect(adapter.send({ ...ref, channelRef: undefined }, text)).rejects.toBeInstanceOf(ChannelError);
  });

  it('refuses unauthenticated activities once an app id is configured, without calling out', async () => {
    const { client } = await kefu({ appId: '00000000-0000-0000-0000-000000000001', appPassword: 'not-a-real-password' });
    expect(await client.say('hello')).toBe(401);
    expect(core!.received).toEqual([]);
    expect(connector.received).toEqual([]);
  });

  it('answers 503 while the channel is not running', async () => {
    const { client } = await kefu({}, false);
    expect(await client.say('hello')).toBe(503);
  });
});
