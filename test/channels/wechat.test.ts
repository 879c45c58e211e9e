import { ScanStatus } from 'wechaty';
import type { WechatAdapterOptions } from '../../bots/wechat/wechat-adapter.js';
import { AMBIGUOUS_QUESTION, CONTRACT_FAQS, eventually, startCore, type CoreHarness } from './core-harness.js';
import { WechatFake } from './fakes/wechat-fake.js';

const answer = (id: string) => CONTRACT_FAQS.find((f) => f.id === id)!.answer;
let core: CoreHarness | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function running(options: Partial<WechatAdapterOptions> = {}, outbox = {}) {
  const fake = new WechatFake();
  const adapter = fake.adapter(options);
  core = await startCore(adapter, { outbox });
  const bot = await fake.login(adapter);
  return { fake, adapter, bot, core };
}

describe('WeChat adapter (wechaty + wechaty-puppet-mock)', () => {
  it('shows choices as a numbered text menu and takes the number as the pick', async () => {
    const { fake, bot } = await running();
    const alice = fake.mocker.createContact({ name: '小美' });
    alice.say(AMBIGUOUS_QUESTION).to(bot);
    const [menu] = await eventually(() => (fake.inbox(alice).length ? fake.inbox(alice) : undefined));
    expect(menu).toBe(`您想问的是下面哪个问题？请回复数字选择：\n1. ${AMBIGUOUS_QUESTION}\n2. ${AMBIGUOUS_QUESTION}`);
    alice.say('１').to(bot);
    await eventually(() => (fake.inbox(alice).length === 2 ? true : undefined));
    expect([answer('umbrella-store'), answer('umbrella-app')]).toContain(fake.inbox(alice)[1]);
  });

  it('answers in a group only when @-mentioned (mention mode), in the group, mentioning the customer', async () => {
    const { fake, bot } = await running({ groupMode: 'mention' });
    const alice = fake.mocker.createContact({ name: '小美' });
    const room = fake.mocker.createRoom({ topic: '会员群', memberIdList: [alice.id, bot.id] });
    alice.say('怎么开发票').to(room);
    alice.say('@Kefu客服\u2005怎么开发票', [bot]).to(room);
    const [reply] = await eventually(() => (fake.inbox(alice, room).length ? fake.inbox(alice, room) : undefined));
    expect(reply).toBe(`@小美 ${answer('invoice')}`);
    expect(core!.received).toHaveLength(1);
    expect(core!.received[0]).toMatchObject({ type: 'text', text: '怎么开发票', sender: { externalId: alice.id } });
    expect(JSON.parse(core!.received[0]!.channelRef!)).toEqual({ contactId: alice.id, roomId: room.id });
    expect(fake.inbox(alice)).toEqual([]);
  });

  it('answers every group message in "all" mode and none in "off" mode', async () => {
    const all = await running({ groupMode: 'all' });
    const alice = all.fake.mocker.createContact({ name: '小美' });
    const room = all.fake.mocker.createRoom({ topic: '会员群', memberIdList: [alice.id, all.bot.id] });
    alice.say('怎么开发票').to(room);
    await eventually(() => (all.fake.inbox(alice, room).length ? true : undefined));
    await core!.close();

    const off = await running({ groupMode: 'off' });
    const bob = off.fake.mocker.createContact({ name: '小博' });
    const group = off.fake.mocker.createRoom({ topic: '会员群', memberIdList: [bob.id, off.bot.id] });
    bob.say('@Kefu客服 怎么开发票', [off.bot]).to(group);
    bob.say('怎么开发票').to(off.bot);
    await eventually(() => (off.fake.inbox(bob).length ? true : undefined));
    expect(core!.received.map((e) => e.channelRef && JSON.parse(e.channelRef))).toEqual([{ contactId: bob.id }]);
  });

  it('keeps replies queued while logged out and sends them as soon as the account logs in again', async () => {
    // A long back-off: only the reconnect can explain a prompt delivery.
    const { fake, adapter, bot } = await running({}, { retryBaseMs: 60_000, retryMaxMs: 60_000 });
    const alice = fake.mocker.createContact({ name: '小美' });
    alice.say('怎么开发票').to(bot);
    await eventually(() => (fake.inbox(alice).length ? true : undefined));

    await fake.logout(adapter);
    expect(core!.statuses.at(-1)).toEqual({ status: 'down', reason: 'logged out of WeChat' });
    const conversation = await core!.conversationOf('wechat', alice.id);
    const { message } = await core!.repos.messages.append({
      conversationId: conversation.id, direction: 'outbound', author: 'agent', kind: 'text', text: '您好，我是客服小李。',
      faqId: null, choices: null, channelMessageId: null, replyToId: null,
    });
    await core!.delivery.deliver(conversation, message);
    const waiting = await eventually(async () => {
      const row = await core!.repos.deliveries.getByMessage(message.id);
      return row && row.attempts > 0 ? row : undefined;
    });
    expect(waiting).toMatchObject({ status: 'pending', lastError: 'TransportError: WeChat is not logged in' });
    expect(fake.inbox(alice)).toHaveLength(1);

    await fake.login(adapter);
    await eventually(() => (fake.inbox(alice).length === 2 ? true : undefined), 3000, 'the queued reply');
    expect(fake.inbox(alice)[1]).toBe('您好，我是客服小李。');
    expect((await core!.repos.deliveries.getByMessage(message.id))?.status).toBe('sent');
  });

  it('shows the login QR code to admins and prints it in the terminal', async () => {
    const fake = new WechatFake();
    const adapter = fake.adapter();
    core = await startCore(adapter);
    expect(adapter.loginState().status).toBe('starting');
    fake.mocker.scan('https://login.weixin.qq.com/l/kefu-test', ScanStatus.Waiting);
    await eventually(() => (adapter.loginState().status === 'waiting-for-scan' ? true : undefined));
    expect(adapter.loginState()).toMatchObject({ status: 'waiting-for-scan', qrcode: 'https://login.weixin.qq.com/l/kefu-test' });
    expect(fake.qrCodes).toHaveLength(1);
    expect(fake.qrCodes[0]!.split('\n').length).toBeGreaterThan(10);
    expect(core.statuses.at(-1)).toMatchObject({ status: 'down' });
    await fake.login(adapter, 'Kefu客服');
    expect(adapter.loginState()).toMatchObject({ status: 'logged-in', user: { name: 'Kefu客服' } });
    expect(adapter.loginState().qrcode).toBeUndefined();
  });
});
