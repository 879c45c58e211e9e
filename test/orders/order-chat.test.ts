// Order questions through the real composition root (app/compose.ts) on in-memory repositories with the demo orders.
import { demoOrders } from '../../app/orders/demo-orders.js';
import { DEFAULT_ORDER_TEXTS } from '../../core/orders/order-texts.js';
import { ticketHarness } from '../tickets/ticket-harness.js';

const zh = DEFAULT_ORDER_TEXTS.zh;
const en = DEFAULT_ORDER_TEXTS.en;

async function harness(env: Record<string, string> = {}) {
  const h = await ticketHarness({ env });
  await h.repos.storeOrders.insertMany(demoOrders(h.clock.now()));
  return h;
}

describe('order questions in chat (demo connector)', () => {
  it('asks for the number when it is missing, then for the digits, and answers in the customer’s language', async () => {
    const h = await harness();
    const c = await h.customer();
    await c.say('where is my parcel??');
    expect(await c.lastText()).toBe(en.askNumber);
    await c.say('it is order 20261120-0003');
    expect(await c.lastText()).toBe(en.askDigits('20261120-0003'));
    await c.say('3333');
    const answer = await c.lastText();
    expect(answer).toContain('Order 20261120-0003: delivered.');
    expect(answer).toContain('京东快递, tracking number JDVA20931844567');
    expect(answer).toContain('已签收');
  });

  it('remembers the number and the proof for the rest of the conversation', async () => {
    const h = await harness();
    const c = await h.customer();
    await c.say('订单２０２６１１２０－０００３的快递到哪了');
    await c.say('尾号3333');
    expect(await c.lastText()).toContain('京东快递 运单号 JDVA20931844567');
    await c.say('发票开了吗');
    expect(await c.lastText()).toBe(`订单 20261120-0003：已签收。\n${zh.invoice('已开具电子发票', 'https://example.com/invoices/20261120-0003.pdf')}`);
  });

  it('answers refund progress and shows every parcel of a split order', async () => {
    const h = await harness();
    const c = await h.customer();
    await c.say('我的退款到哪一步了 订单 20261115-0004');
    await c.say('4444');
    expect(await c.lastText()).toMatch(/^订单 20261115-0004：已退款。\n退款 ¥178\.00：已退回原支付账户/);
    const d = await h.customer();
    await d.say('20261125-0005 物流呢');
    await d.say('5555');
    const answer = await d.lastText();
    expect(answer).toContain('包裹 1/2：中通快递 运单号 78512345670012');
    expect(answer).toContain('包裹 2/2：德邦物流 运单号 DPK301122334455，最新：');
  });

  it('gives a wrong owner and an unknown number the same answer', async () => {
    const h = await harness();
    const stranger = await h.customer();
    await stranger.say('订单 20261128-0002 到哪了');
    await stranger.say('1234');
    const wrongOwner = await stranger.lastText();
    const prober = await h.customer();
    await prober.say('订单 20990101-7777 到哪了');
    expect(await prober.lastText()).toBe(zh.askDigits('20990101-7777'));
    await prober.say('1234');
    expect(await prober.lastText()).toBe(wrongOwner);
    expect(wrongOwner).toBe(zh.notMatched(2));
  });

  it('turns a cancellation of an unshipped order into a ticket with the order attached; a shipped one cannot change address', async () => {
    const h = await harness();
    const c = await h.customer();
    await c.say('帮我取消订单 20261201-0001');
    await c.say('1111');
    const [ticket] = await h.repos.tickets.ticketsOfConversation(c.conversation.id);
    expect(ticket).toMatchObject({ type: 'return_exchange', orderNumber: '20261201-0001', status: 'new' });
    expect(await c.lastText()).toBe(`订单 20261201-0001：已付款，待发货。\n${zh.notShipped}\n${zh.followUp('cancel', ticket!.number)}`);
    const d = await h.customer();
    await d.say('地址写错了 20261128-0002 能改吗');
    await d.say('2222');
    expect(await d.lastText()).toContain(zh.tooLate('change_address'));
    expect(await h.repos.tickets.ticketsOfConversation(d.conversation.id)).toEqual([]);
  });

  it('leaves policy questions to the FAQ and forgets a pending request when the customer moves on', async () => {
    const h = await harness();
    const c = await h.customer();
    await c.say('怎么取消订单');
    expect((await c.transcript()).at(-1)).toMatchObject({ author: 'bot', faqId: 'zh-cancel-order' });
    await c.say('我的快递到哪了');
    expect(await c.lastText()).toBe(zh.askNumber);
    await c.say('你们发什么快递');
    expect((await c.transcript()).at(-1)?.text).not.toBe(zh.askNumber);
    await c.say('1111');
    expect(await c.lastText()).not.toBe(zh.askDigits('1111'));
  });

  it('puts the order number named in chat on the ticket a complaint opens', async () => {
    const h = await harness();
    const c = await h.customer();
    await c.say('订单 20261128-0002 的耳机是什么颜色');
    await c.say('我要投诉！');
    const [ticket] = await h.repos.tickets.ticketsOfConversation(c.conversation.id);
    expect(ticket).toMatchObject({ type: 'complaint', orderNumber: '20261128-0002' });
  });

  it('counts order questions answered by the bot and handed to a person in the supervisors’ report', async () => {
    const h = await harness();
    const answered = await h.customer();
    await answered.say('我的订单 20261128-0002 到哪了');
    await answered.say('2222');
    await answered.say('发票开了吗');
    const handed = await h.customer();
    await handed.say('订单 20261125-0005 发货了吗');
    for (const digits of ['1111', '2222', '3333']) await handed.say(digits);
    expect(await handed.current()).toMatchObject({ status: 'queued', handoffReason: 'order_check' });
    await (await h.customer()).say('怎么退货');
    const report = await h.t.reports.report(await h.user('sue', 'supervisor'), { groupBy: 'day' });
    expect(report.orderQuestions).toEqual({ conversations: 2, questions: 3, answered: 2, handedOff: 1 });
  });

  it('shows agents the order named in the chat, and the owner’s orders only once the customer proved it is theirs', async () => {
    const h = await harness({ KEFU_ORDERS_ADMIN_URL: 'https://shop.example.com/admin/orders/{number}' });
    const sue = await h.user('sue', 'supervisor');
    const c = await h.customer();
    expect(await h.services.orders!.desk.forConversation(sue, c.conversation.id)).toEqual({ orderNumber: null, discussed: null, orders: [], storeUnavailable: false });
    await c.say('订单 20261125-0005 到哪了');
    const before = await h.services.orders!.desk.forConversation(sue, c.conversation.id);
    expect(before.discussed).toMatchObject({ number: '20261125-0005', verified: false, adminUrl: 'https://shop.example.com/admin/orders/20261125-0005' });
    expect(before.discussed?.parcels.map((p) => p.trackingNumber)).toEqual(['78512345670012', 'DPK301122334455']);
    expect(before.orders).toEqual([]);
    await c.say('5555');
    const after = await h.services.orders!.desk.forConversation(sue, c.conversation.id);
    expect(after.discussed?.verified).toBe(true);
    expect(after.orders.map((o) => o.number)).toEqual(['20261125-0005']);
  });
});
