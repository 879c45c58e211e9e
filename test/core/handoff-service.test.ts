import { handoffHarness, texts } from './handoff-harness.js';

describe('handing a conversation from the bot to people', () => {
  it('queues on 「转人工」, tells the position, and the bot keeps answering what it knows while the customer waits', async () => {
    const h = await handoffHarness();
    const c = await h.customer();
    await c.say('你好');
    const asked = await c.say('转人工');
    expect(asked.conversation).toMatchObject({ status: 'queued', handoffReason: 'request', assigneeId: null, leftMessageAt: null });
    expect(asked.replies.map((r) => [r.author, r.kind])).toEqual([['system', 'system']]);
    expect(asked.replies[0]?.text).toContain('第 1 位');
    const later = await c.say('怎么退货');
    expect(later.replies).toEqual([expect.objectContaining({ author: 'bot', kind: 'answer' })]);
    expect(later.conversation.status).toBe('queued');
    const stumped = await c.say('帮我写个作业');
    expect(texts(stumped.replies)).toEqual([expect.stringMatching(/^system: 这个问题我暂时回答不了.*第 1 位/)]);
    expect((await c.transcript()).map((m) => m.author)).toEqual(['customer', 'bot', 'customer', 'system', 'customer', 'bot', 'customer', 'system']);
    expect(h.events.map((e) => e.type === 'conversation' && e.change)).toEqual(['queued', 'message', 'message']);
    // Every stored outbound message went to the channel too.
    expect(h.delivery.delivered.map((m) => m.author)).toEqual(['bot', 'system', 'bot', 'system']);
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
    // The customer's details are kept for the next agent, and the customer hears that they are.
    expect(texts((await c.say('我的快递一直停在仓库不动')).replies)).toEqual([expect.stringMatching(/^system: 这个问题我暂时回答不了，已为您记录，人工客服3月9日（周一）09:00上线后会回复您/)]);
    const agent = await h.agent('li');
    const detail = await h.queries.detail(agent, c.conversation.id);
    expect(detail.messages.filter((m) => m.author === 'customer').map((m) => m.text)).toEqual(['转人工', '我的快递一直停在仓库不动']);
  });

  it('after hours the bot keeps answering a customer who left a message, and a person can always be asked for again', async () => {
    // Saturday 2026-03-07 15:00 in Shanghai.
    const h = await handoffHarness({ hours: 'Mon-Fri 09:00-18:00', now: '2026-03-07T07:00:00Z' });
    const c = await h.customer();
    expect((await c.say('转人工')).conversation.leftMessageAt).not.toBeNull();
    expect((await c.say('怎么退货')).replies).toEqual([expect.objectContaining({ author: 'bot', kind: 'answer' })]);
    for (const offTopic of ['今天天气怎么样', '帮我写个作业']) {
      const reply = await c.say(offTopic);
      expect(reply.conversation.status).toBe('queued');
      expect(texts(reply.replies)).toEqual([expect.stringMatching(/^system: 这个问题我暂时回答不了，已为您记录/)]);
    }
    expect((await c.say('运费多少')).replies).toEqual([expect.objectContaining({ author: 'bot', kind: 'answer' })]);
    expect(texts((await c.say('人工')).replies)).toEqual([expect.stringMatching(/^system: 现在是非人工服务时间.*3月9日（周一）09:00/)]);
    // Monday 09:30: the left message is in the queue, and asking for a person gives the place in it.
    h.clock.advance(Date.parse('2026-03-09T01:30:00Z') - h.clock.now().getTime());
    expect(texts((await c.say('转人工')).replies)).toEqual([expect.stringMatching(/^system: 您目前排在第 1 位/)]);
    const agent = await h.agent('wang');
    await h.desk.claim(agent, c.conversation.id);
    expect((await c.say('你好')).replies).toEqual([]);
    await h.desk.close(agent, c.conversation.id);
    expect((await c.say('转人工')).conversation).toMatchObject({ status: 'queued', leftMessageAt: null });
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
