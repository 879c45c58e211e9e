// What is particular to 微信客服: callback URL verification and signatures, the access token's refresh, pictures as
// uploaded media, and the 48-hour / 5-message reply window reported as a visible delivery failure.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '../../app/http/create-http-app.js';
import { WecomAdapter } from '../../bots/wecom/wecom-adapter.js';
import { ConversationFeed } from '../../core/conversation-feed.js';
import { systemClock } from '../../core/ports.js';
import { eventually, silentLogger, startCore, type CoreHarness } from './core-harness.js';
import { encryptForKefu, signedQuery, WECOM, WecomFake } from './fakes/wecom-fake.js';

let fake: WecomFake;
let server: Server;
let core: CoreHarness;
let adapter: WecomAdapter;
let callback: string;

beforeEach(async () => {
  fake = await WecomFake.start();
  adapter = new WecomAdapter({ ...WECOM, apiRoot: fake.apiRoot, logger: silentLogger });
  server = createServer(createHttpApp({ logger: silentLogger, routers: [adapter.routes], readiness: async () => ({ status: 'ok' as const }) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  callback = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/wecom/callback`;
  fake.callbackUrl = callback;
  core = await startCore(adapter);
});
afterEach(async () => {
  await core.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fake.close();
});

describe('微信客服 (WeCom kf) adapter', () => {
  it('verifies the callback URL: answers the decrypted echostr, refuses a wrong signature', async () => {
    const echostr = encryptForKefu('8345221874929211');
    const good = await fetch(`${callback}?${signedQuery(echostr)}&echostr=${encodeURIComponent(echostr)}`);
    expect([good.status, await good.text()]).toEqual([200, '8345221874929211']);
    const forged = await fetch(`${callback}?${signedQuery(echostr, 'NotOurToken')}&echostr=${encodeURIComponent(echostr)}`);
    expect(forged.status).toBe(401);
    const post = await fetch(`${callback}?${signedQuery('AAAA', 'NotOurToken')}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: '<xml><Encrypt><![CDATA[AAAA]]></Encrypt></xml>' });
    expect(post.status).toBe(401);
    expect(core.received).toEqual([]);
  });

  it('fetches a new access token when WeCom says the cached one expired, and sends on', async () => {
    expect(await fake.customerSends('wmA', { msgtype: 'text', text: { content: '怎么开发票' } })).toBe(200);
    await eventually(() => fake.sent[0]);
    fake.expireToken();
    expect(await fake.customerSends('wmA', { msgtype: 'text', text: { content: '发票抬头可以改吗' } })).toBe(200);
    await eventually(() => fake.sent[1]);
    expect(fake.tokensIssued).toBe(2);
    expect(fake.calls.filter((c) => c.errcode === 42001).length).toBeGreaterThanOrEqual(1);
  });

  it('sends a picture as uploaded media', async () => {
    await fake.customerSends('wmB', { msgtype: 'text', text: { content: '怎么开发票' } });
    await eventually(() => fake.sent[0]);
    const conversation = await core.conversationOf('wecom', 'wmB');
    const image = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64, 1)));
    await new Promise<void>((resolve) => image.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(image.address() as AddressInfo).port}/size-chart.png`;
      await adapter.send({ conversationId: conversation.id, externalUserId: 'wmB', channelRef: conversation.channelRef ?? undefined }, { type: 'image', url, caption: '尺码表' });
      expect(fake.uploads).toEqual([{ bytes: expect.any(Number) }]);
      expect(fake.sent.at(-1)).toMatchObject({ msgtype: 'image', image: { media_id: 'media-1' } });
    } finally {
      await new Promise<void>((resolve) => image.close(() => resolve()));
    }
  });

  it('reports a reply after the 5-message window as a failed delivery agents can see, tried once', async () => {
    await fake.customerSends('wmC', { msgtype: 'text', text: { content: '怎么开发票' } });
    await eventually(() => fake.sent[0]);
    const conversation = await core.conversationOf('wecom', 'wmC');
    const feed = new ConversationFeed(core.repos.messages, core.pubsub, core.delivery, systemClock, silentLogger);
    for (let i = 1; i <= 4; i += 1) await feed.post(conversation, { author: 'agent', kind: 'text', text: `第 ${i} 条` });
    await eventually(() => (fake.sent.length === 5 ? true : undefined));
    const sixth = await feed.post(conversation, { author: 'agent', kind: 'text', text: '第 5 条，超出了' });
    const row = await eventually(async () => {
      const r = await core.repos.deliveries.getByMessage(sixth.id);
      return r?.status === 'failed' ? r : undefined;
    });
    expect(row).toMatchObject({ attempts: 1, lastError: expect.stringContaining('reply window closed (45047)') });
    const note = await eventually(async () => (await core.transcript('wecom', 'wmC')).find((m) => m.author === 'system' && m.replyToId === sixth.id));
    expect(note.text).toContain('wecom');
    expect(fake.sent).toHaveLength(5);
  });
});
