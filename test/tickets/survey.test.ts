import { DAY, HOUR, ticketHarness } from './ticket-harness.js';

const outbox = async (h: Awaited<ReturnType<typeof ticketHarness>>) =>
  (await h.repos.deliveries.listByStatus('pending', { limit: 500 })).map((d) => (d.payload.type === 'text' ? d.payload.text : d.payload.type));

describe('satisfaction follow-up (回访)', () => {
  it('asks in the customer’s channel when a ticket is resolved; a digit scores it, the next message is the comment', async () => {
    const h = await ticketHarness();
    const ann = await h.user('ann');
    const c = await h.customer('telegram', 'tg-42', 'Wu');
    await c.say('我的订单少发了一件');
    const t = await h.t.service.create(ann, { type: 'inquiry', description: '少发', conversationId: c.conversation.id, assigneeId: ann.id });
    await h.t.conversations.reply(ann, t.id, '已为您补发。');
    await h.t.workflow.setStatus(ann, t.id, 'resolved');
    expect((await outbox(h)).at(-1)).toMatch(new RegExp(`工单 ${t.number} 已处理完毕.*回复 1-5`));
    const [survey] = await h.repos.surveys.listByTicket(t.id);
    expect(survey).toMatchObject({ status: 'pending', agentId: ann.id, channel: 'telegram', ticketId: t.id });

    const scored = await c.say('5分');
    expect(scored.replies.map((r) => r.text)).toEqual([expect.stringContaining('感谢您的评分（5 分）')]);
    expect((await h.repos.tickets.get(t.id))?.status).toBe('closed');
    const commented = await c.say('补发很快，谢谢小安');
    expect(commented.replies.map((r) => r.text)).toEqual(['感谢您的反馈，我们会继续改进！']);
    expect((await h.repos.surveys.listByTicket(t.id))[0]).toMatchObject({ status: 'answered', score: 5, comment: '补发很快，谢谢小安', agentId: ann.id });
    const history = (await h.repos.tickets.events(t.id)).filter((e) => e.action.startsWith('survey'));
    expect(history.map((e) => [e.action, e.text])).toEqual([['survey_sent', null], ['survey_answered', '5/5'], ['survey_answered', '5/5: 补发很快，谢谢小安']]);
    // Answered: the next message goes to the bot as usual.
    const next = await c.say('5');
    expect(next.replies.every((r) => !r.text.includes('评分'))).toBe(true);
  });

  it('asks after an agent closes a chat, and takes the answer in the customer’s next conversation', async () => {
    const h = await ticketHarness();
    const bob = await h.user('bob');
    const c = await h.customer('telegram', 'tg-9', 'Qian');
    await c.say('转人工');
    await h.services.desk.claim(bob, c.conversation.id);
    await h.services.desk.send(bob, c.conversation.id, '您好，请问有什么可以帮您？');
    await h.services.desk.close(bob, c.conversation.id);
    expect((await outbox(h)).at(-1)).toContain('请为客服 bob 的服务打分');
    const reply = await c.say('4');
    expect(reply.conversation.id).not.toBe(c.conversation.id); // Telegram: a closed chat means a new conversation
    expect(reply.replies[0]?.text).toContain('4 分');
    await c.say('跳过');
    const [survey] = (await h.repos.surveys.answeredBetween(new Date(0), new Date(h.clock.now().getTime() + 1)));
    expect(survey).toMatchObject({ status: 'answered', score: 4, comment: null, agentId: bob.id, ticketId: null });
  });

  it('lets other messages through while a survey waits, and a digit picks the bot’s newer choices instead', async () => {
    const h = await ticketHarness();
    const ann = await h.user('ann');
    const c = await h.customer('webchat', 'w-1', 'Sun');
    await c.say('发票');
    const t = await h.t.service.create(ann, { type: 'inquiry', description: '发票', conversationId: c.conversation.id, assigneeId: ann.id });
    await h.t.workflow.setStatus(ann, t.id, 'resolved');
    const other = await c.say('你们几点发货');
    expect(other.replies[0]?.author).toBe('bot');
    h.advance(1000);
    await h.repos.messages.append({
      conversationId: c.conversation.id, direction: 'outbound', author: 'bot', kind: 'choices', text: '您想问的是下面哪个问题？', faqId: null,
      choices: [{ faqId: 'zh-stock', question: '有货吗' }], channelMessageId: null, replyToId: null, createdAt: h.clock.now(),
    });
    await c.say('1');
    expect((await h.repos.surveys.listByTicket(t.id))[0]?.status).toBe('pending');
  });

  it('closes quietly when nobody answers within the survey period', async () => {
    const h = await ticketHarness({ env: { KEFU_SURVEY_EXPIRE_DAYS: '2' } });
    const ann = await h.user('ann');
    const c = await h.customer('webchat', 'w-2', 'Zhao');
    await c.say('你好');
    const withChat = await h.t.service.create(ann, { type: 'inquiry', description: 'x', conversationId: c.conversation.id, assigneeId: ann.id });
    const byPhone = await h.t.service.create(ann, { type: 'inquiry', description: '电话', assigneeId: ann.id });
    await h.t.workflow.setStatus(ann, withChat.id, 'resolved');
    await h.t.workflow.setStatus(ann, byPhone.id, 'resolved');
    const before = (await c.transcript()).length;
    h.advance(2 * DAY - HOUR);
    expect(await h.t.surveys.expire()).toBe(0);
    h.advance(HOUR);
    expect(await h.t.surveys.expire()).toBe(2);
    expect((await h.repos.tickets.get(withChat.id))?.status).toBe('closed');
    expect((await h.repos.tickets.get(byPhone.id))?.status).toBe('closed');
    expect((await h.repos.surveys.listByTicket(withChat.id))[0]?.status).toBe('expired');
    expect((await c.transcript()).length).toBe(before);
    expect((await c.say('5')).replies.every((r) => !r.text.includes('评分'))).toBe(true);
  });
});

describe('customers asking about tickets in chat', () => {
  it('answers "my ticket" and ticket numbers, but never with someone else’s ticket', async () => {
    const h = await ticketHarness();
    const ann = await h.user('ann');
    const a = await h.customer('webchat', 'a', 'A');
    const b = await h.customer('webchat', 'b', 'B');
    await a.say('hello');
    await b.say('你好');
    const ta = await h.t.service.create(ann, { type: 'logistics', description: 'a', conversationId: a.conversation.id });
    const tb = await h.t.service.create(ann, { type: 'logistics', description: 'b', conversationId: b.conversation.id });
    expect((await a.say('what is my ticket status?')).replies[0]?.text).toMatch(new RegExp(`^Ticket ${ta.number} \\(delivery\\): received, waiting to be handled; we will get back to you by tomorrow at 09:00\\.$`));
    expect((await a.say(`工单 ${tb.number.toLowerCase()} 怎么样了`)).replies[0]?.text).toBe(`没有找到您名下的工单 ${tb.number}，请核对工单号。`);
    expect((await b.say(`查一下 ${tb.number}`)).replies[0]?.text).toContain(`工单 ${tb.number}（物流）`);
    const none = await h.customer('webchat', 'c', 'C');
    expect((await none.say('我的工单')).replies[0]?.text).toBe('您目前没有工单。如需人工帮助，请回复「人工」。');
  });

  it('puts a ticket waiting for the customer back to work when they write', async () => {
    const h = await ticketHarness();
    const ann = await h.user('ann');
    const c = await h.customer('webchat', 'p', 'P');
    await c.say('退货');
    const t = await h.t.service.create(ann, { type: 'return_exchange', description: '退货', conversationId: c.conversation.id, assigneeId: ann.id });
    await h.t.workflow.setStatus(ann, t.id, 'pending_customer');
    h.advance(HOUR);
    await c.say('照片已经发了');
    const after = (await h.repos.tickets.get(t.id))!;
    expect(after).toMatchObject({ status: 'open', slaPausedAt: null });
    expect((await h.repos.tickets.events(t.id)).at(-1)).toMatchObject({ action: 'customer_wrote', actor: { name: 'customer' } });
  });
});
