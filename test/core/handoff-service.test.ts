import { handoffHarness, texts } from './handoff-harness.js';

describe('handing a conversation from the bot to people', () => {
  it('queues on 「转人工」, tells the position, and the bot stays quiet afterwards', async () => {
    const h = await handoffHarness();
    const c = await h.customer();
    await c.say('你好');
    const asked = await c.say('转人工');
    expect(asked.conversation).toMatchObject({ status: 'queued', handoffReason: 'request', assigneeId: null, leftMessageAt: null });
    expect(asked.replies.map((r) => [r.author, r.kind])).toEqual([['system', 'system']]);
    expect(asked.replies[0]?.text).toContain('第 1 位');
    const later = await c.say('怎么退货');
    expect(later.replies).toEqual([]);
    expect((await c.transcript()).map((m) => m.author)).toEqual(['customer', 'bot', 'customer', 'system', 'customer']);
    expect(h.events.map((e) => e.type === 'conversation' && e.change)).toEqual(['queued', 'message']);
    // Every stored outbound message went to the channel too.
    expect(h.delivery.delivered.map((m) => m.author)).toEqual(['bot', 'system']);
  });

  it.each([
    ['人工客服', 'request'], ['human please', 'request'], ['Can I talk to a real person?', 'request'],
    ['我要投诉你们', 'complaint'], ['this is a scam', 'complaint'],
  ])('hands off on %s (%s)', async (text, reason) => {
    const h = await handoffHarness();
    const c = await h.customer();
    expect((await c.say(text)).conversation).toMatchObject({ status: 'queued', handoffReason: reason });
  });

  it('hands off after two fallbacks in a row instead of a third apology', async () => {
    const h = await handoffHarness();
    const c = await h.customer();
    const first = await c.say('今天天气怎么样');
    expect(first.replies[0]?.kind).toBe('fallback');
    expect(first.conversation.status).toBe('bot');
    const second = await c.say('帮我写个作业');
    expect(second.conversation).toMatchObject({ status: 'queued', handoffReason: 'fallbacks', fallbackStreak: 0 });
    expect(texts(second.replies)).toEqual([expect.stringMatching(/^system: 抱歉这个问题我没能帮到您.*第 1 位/)]);
  });

  it('honours a configured fallback limit of three', async () => {
    const h = await handoffHarness({ fallbackLimit: 3 });
    const c = await h.customer();
    await c.say('今天天气怎么样');
    expect((await c.say('帮我写个作业')).conversation.status).toBe('bot');
    expect((await c.say('讲个笑话')).conversation.status).toBe('queued');
  });

  it('outside service hours keeps a left message and says when agents are back', async () => {
    // Saturday 2026-03-07 15:00 in Shanghai.
    const h = await handoffHarness({ hours: 'Mon-Fri 09:00-18:00', now: '2026-03-07T07:00:00Z' });
    const c = await h.customer();
    const asked = await c.say('转人工');
    expect(asked.conversation).toMatchObject({ status: 'queued', leftMessageAt: new Date('2026-03-07T07:00:01Z') });
    expect(asked.replies[0]?.text).toContain('周一至周五 09:00-18:00');
    expect(asked.replies[0]?.text).toContain('3月9日（周一）09:00');
    expect(asked.replies[0]?.text).not.toContain('第 1 位');
    expect(h.events).toContainEqual(expect.objectContaining({ change: 'left-message', conversationId: c.conversation.id }));
    // The customer's details are kept for the next agent; the bot does not answer them.
    expect((await c.say('订单 123 没收到')).replies).toEqual([]);
    const agent = await h.agent('li');
    const detail = await h.queries.detail(agent, c.conversation.id);
    expect(detail.messages.filter((m) => m.author === 'customer').map((m) => m.text)).toEqual(['转人工', '订单 123 没收到']);
  });

  it('tells waiting customers their new place once when the queue moves', async () => {
    const h = await handoffHarness();
    const [a, b, c] = [await h.customer(), await h.customer(), await h.customer()];
    for (const x of [a, b, c]) await x.say('转人工');
    expect((await c.transcript()).at(-1)?.text).toContain('第 3 位');
    const agent = await h.agent('wang');
    await h.desk.claim(agent, a.conversation.id);
    expect(texts(await b.transcript()).slice(2)).toEqual(['system: 您目前排在第 1 位，请稍候。']);
    expect(texts(await c.transcript()).slice(2)).toEqual(['system: 您目前排在第 2 位，请稍候。']);
    expect((await a.transcript()).at(-1)?.text).toContain('人工客服「wang」为您服务');
    // Asking again while waiting repeats the place.
    expect(texts((await c.say('人工')).replies)).toEqual(['system: 您目前排在第 2 位，请稍候。']);
  });

  it('round-robin spreads conversations over online agents in turn and skips those away', async () => {
    const h = await handoffHarness({ routing: 'round-robin' });
    const [ann, bob] = [await h.agent('ann'), await h.agent('bob')];
    await h.agent('cat', 'agent', 'away');
    const assignees: Array<string | null> = [];
    for (let i = 0; i < 4; i++) {
      const c = await h.customer();
      await c.say('转人工');
      assignees.push((await c.current()).assigneeId);
    }
    const [first, second] = assignees;
    expect(new Set([first, second])).toEqual(new Set([ann.id, bob.id]));
    expect(assignees).toEqual([first, second, first, second]);
  });

  it('least-busy respects capacity and assigns waiting customers when an agent comes online', async () => {
    const h = await handoffHarness({ routing: 'least-busy', defaultCapacity: 1 });
    const ann = await h.agent('ann');
    const [first, second] = [await h.customer(), await h.customer()];
    await first.say('转人工');
    await second.say('转人工');
    expect((await first.current()).assigneeId).toBe(ann.id);
    expect((await second.current()).status).toBe('queued');
    const bob = await h.agent('bob', 'agent', 'offline');
    await h.desk.setPresence(bob, 'online');
    expect((await second.current())).toMatchObject({ status: 'agent', assigneeId: bob.id });
    expect((await second.transcript()).at(-1)?.text).toContain('「bob」');
    // Closing frees Ann's place; a new customer goes to her.
    await h.desk.close(ann, first.conversation.id);
    const third = await h.customer();
    await third.say('转人工');
    expect((await third.current()).assigneeId).toBe(ann.id);
  });
});
