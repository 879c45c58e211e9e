import { formatLocal } from '../../core/handoff/time-zone.js';
import { ticketHarness } from './ticket-harness.js';

const local = (d: Date | null) => (d ? formatLocal(d, 'Asia/Shanghai') : null);

describe('tickets from chat', () => {
  it('turns a message left outside service hours into a ticket the customer can ask about', async () => {
    // Saturday 28 Nov 2026, 11:00 in Shanghai: closed.
    const h = await ticketHarness({ now: '2026-11-28T03:00:00Z' });
    const c = await h.customer('webchat', 'night-owl', '王女士');
    await c.say('我的快递三天没动了');
    const result = await c.say('转人工');
    expect((await c.current()).leftMessageAt).not.toBeNull();

    const [ticket] = (await h.repos.tickets.list({})).tickets;
    expect(ticket).toMatchObject({
      number: 'T-20261128-0001', source: 'left_message', type: 'inquiry', status: 'new', customerName: '王女士', channel: 'webchat',
      customerId: c.conversation.customerId,
    });
    expect(ticket?.description).toContain('我的快递三天没动了');
    expect(await h.repos.tickets.conversationsOf(ticket!.id)).toEqual([c.conversation.id]);
    // The store promises customers an answer to left messages within 24 hours, around the clock.
    expect(local(ticket!.firstResponseDueAt)).toBe('2026-11-29 11:00:02');
    expect(result.replies.length).toBeGreaterThan(0);
    expect(await c.lastText()).toContain('T-20261128-0001');

    // Asking again keeps one ticket; "我的工单" answers with its status before any FAQ.
    await c.say('人工客服');
    expect((await h.repos.tickets.list({})).total).toBe(1);
    const status = await c.say('我的工单');
    expect(status.replies.map((r) => r.text).join('\n')).toMatch(/工单 T-20261128-0001（咨询）：已受理，等待处理，预计 明天 11:00 前给您答复/);
  });

  it('turns a complaint in chat into a complaint ticket with the complaint SLA', async () => {
    const h = await ticketHarness();
    const c = await h.customer('telegram', 'tg-1', 'Li');
    await c.say('你们这是什么破服务，我要投诉！');
    const { tickets } = await h.repos.tickets.list({ types: ['complaint'] });
    expect(tickets).toHaveLength(1);
    const ticket = tickets[0]!;
    expect(ticket).toMatchObject({ source: 'complaint', priority: 'high', channel: 'telegram', status: 'new', complaint: { step: 'verify' } });
    // Complaints: answered within 2 business hours, resolved within 24 (the message came at Monday 10:00:01).
    expect(local(ticket.firstResponseDueAt)).toBe('2026-11-23 12:00:01');
    expect(local(ticket.resolutionDueAt)).toBe('2026-11-25 16:00:01');
    expect((await c.current()).status).toBe('queued');
    // The ticket number went to the customer's own channel (the Telegram outbox).
    const queued = await h.repos.deliveries.listByStatus('pending');
    expect(queued.map((d) => d.payload.type === 'text' ? d.payload.text : '').join('\n')).toContain(ticket.number);

    // More anger while waiting stays on the same ticket.
    await c.say('太差了，垃圾');
    expect((await h.repos.tickets.list({})).total).toBe(1);
  });

  it('numbers tickets per local day, T-YYYYMMDD-NNNN, without duplicates under concurrency', async () => {
    const h = await ticketHarness({ now: '2026-11-23T15:59:00Z' }); // 23:59 in Shanghai
    const sue = await h.user('sue', 'supervisor');
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => h.t.service.create(sue, { type: 'other', description: `问题 ${i}` })));
    const numbers = made.map((t) => t.number).sort();
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[0]).toBe('T-20261123-0001');
    expect(numbers[11]).toBe('T-20261123-0012');
    h.advance(2 * 60_000); // 00:01 the next local day
    expect((await h.t.service.create(sue, { type: 'other', description: 'next day' })).number).toBe('T-20261124-0001');
  });

  it('lets an agent convert a conversation, and anyone create a ticket by hand', async () => {
    const h = await ticketHarness();
    const ann = await h.user('ann');
    const c = await h.customer('webchat', 'v-9', '赵先生');
    await c.say('我要退货，订单号 88001');
    const fromChat = await h.t.service.create(ann, { type: 'return_exchange', description: '客户要求退货', orderNumber: '88001', conversationId: c.conversation.id });
    expect(fromChat).toMatchObject({ source: 'conversation', customerName: '赵先生', channel: 'webchat', orderNumber: '88001', createdById: ann.id });
    const byHand = await h.t.service.create(ann, { type: 'logistics', description: '电话来电：包裹破损', customerName: '钱女士', contact: '138-0000-0000', assigneeId: ann.id, tags: ['电话', '破损', '电话'] });
    expect(byHand).toMatchObject({ source: 'manual', channel: null, customerId: null, assigneeId: ann.id, tags: ['电话', '破损'], subject: '电话来电：包裹破损' });
    await expect(h.t.service.create(ann, { type: 'other', description: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
    const bob = await h.user('bob');
    await expect(h.t.service.create(ann, { type: 'other', description: 'x', assigneeId: bob.id })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('does not open tickets for ordinary requests during service hours', async () => {
    const h = await ticketHarness();
    const c = await h.customer();
    await c.say('转人工');
    expect((await c.current()).status).toBe('queued');
    expect((await h.repos.tickets.list({})).total).toBe(0);
  });
});
