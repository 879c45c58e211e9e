import { notesTopic } from '../../core/handoff/agent-views.js';
import { conversationTopic, type MessagePublished } from '../../core/views.js';
import { handoffHarness, texts } from './handoff-harness.js';

async function queuedCustomer() {
  const h = await handoffHarness();
  const c = await h.customer();
  await c.say('怎么退货');
  await c.say('转人工');
  return { h, c };
}

describe('agents at the desk', () => {
  it('lets exactly one of two agents claim a conversation at the same moment', async () => {
    const { h, c } = await queuedCustomer();
    const [ann, bob] = [await h.agent('ann'), await h.agent('bob')];
    const results = await Promise.allSettled([h.desk.claim(ann, c.conversation.id), h.desk.claim(bob, c.conversation.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    const winner = results[0]?.status === 'fulfilled' ? ann : bob;
    expect(await c.current()).toMatchObject({ status: 'agent', assigneeId: winner.id });
    expect(texts(await c.transcript()).filter((t) => t.includes('为您服务'))).toHaveLength(1);
  });

  it('sends agent messages to the customer through the channel and the live topic', async () => {
    const { h, c } = await queuedCustomer();
    const ann = await h.agent('ann');
    const live: string[] = [];
    h.pubsub.subscribe(conversationTopic(c.conversation.id), (p) => live.push((p as MessagePublished).message.text));
    await expect(h.desk.send(ann, c.conversation.id, '您好')).rejects.toMatchObject({ code: 'forbidden' });
    await h.desk.claim(ann, c.conversation.id);
    const sent = await h.desk.send(ann, c.conversation.id, '  您好，我来帮您看看订单  ');
    expect(sent).toMatchObject({ author: 'agent', direction: 'outbound', text: '您好，我来帮您看看订单', agentId: ann.id });
    expect(h.delivery.delivered.at(-1)?.id).toBe(sent.id);
    expect(live.at(-1)).toBe('您好，我来帮您看看订单');
    await expect(h.desk.send(ann, c.conversation.id, '   ')).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('keeps a conversation assigned to someone else out of an agent’s reach, but not a supervisor’s', async () => {
    const { h, c } = await queuedCustomer();
    const [ann, bob, sue] = [await h.agent('ann'), await h.agent('bob'), await h.agent('sue', 'supervisor')];
    expect((await h.queries.detail(bob, c.conversation.id)).messages.length).toBeGreaterThan(0); // queued: any agent may look
    await h.desk.claim(ann, c.conversation.id);
    await expect(h.queries.detail(bob, c.conversation.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.desk.send(bob, c.conversation.id, 'hi')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.desk.note(bob, c.conversation.id, 'x')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.desk.close(bob, c.conversation.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.queries.list(bob, 'all')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await h.queries.detail(sue, c.conversation.id)).conversation.assignee).toEqual({ id: ann.id, name: 'ann' });
    expect((await h.desk.send(sue, c.conversation.id, '主管来了')).agentId).toBe(sue.id);
    expect((await h.queries.list(ann, 'mine')).map((s) => s.id)).toEqual([c.conversation.id]);
    expect(await h.queries.list(bob, 'mine')).toEqual([]);
    await expect(h.desk.claim(ann, 'no-such-id')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows every message a customer writes while queued, in order, with the bot’s part marked', async () => {
    const { h, c } = await queuedCustomer();
    for (const text of ['第一条', '第二条', '第三条', '第四条']) await c.say(text);
    const ann = await h.agent('ann');
    const detail = await h.queries.detail(ann, c.conversation.id);
    expect(detail.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // The bot cannot answer these, so each is passed on to people with the customer's place in the queue.
    expect(detail.messages.map((m) => m.author)).toEqual(['customer', 'bot', 'customer', 'system', ...Array(4).fill(['customer', 'system']).flat()]);
    expect(detail.messages.filter((m) => m.author === 'customer').slice(-4).map((m) => m.text)).toEqual(['第一条', '第二条', '第三条', '第四条']);
    expect(detail.conversation).toMatchObject({ status: 'queued', position: 1, lastSeq: 12 });
    expect(detail.customer.identities).toEqual([{ channel: 'webchat', externalId: expect.any(String) }]);
  });

  it('keeps internal notes away from the customer', async () => {
    const { h, c } = await queuedCustomer();
    const ann = await h.agent('ann');
    const customerSaw: unknown[] = [];
    const agentsSaw: unknown[] = [];
    h.pubsub.subscribe(conversationTopic(c.conversation.id), (p) => customerSaw.push(p));
    h.pubsub.subscribe(notesTopic(c.conversation.id), (p) => agentsSaw.push(p));
    const note = await h.desk.note(ann, c.conversation.id, '老客户，优先处理');
    expect(note).toMatchObject({ authorName: 'ann', text: '老客户，优先处理' });
    expect(customerSaw).toEqual([]);
    expect(agentsSaw).toEqual([{ type: 'note', note }]);
    expect(texts(await c.transcript()).join('\n')).not.toContain('老客户');
    expect(h.delivery.delivered.map((m) => m.text)).not.toContain('老客户，优先处理');
    expect((await h.queries.detail(ann, c.conversation.id)).notes).toEqual([note]);
  });

  it('transfers to another agent who is not offline; the first agent loses access', async () => {
    const { h, c } = await queuedCustomer();
    const [ann, bob] = [await h.agent('ann'), await h.agent('bob', 'agent', 'offline')];
    await h.desk.claim(ann, c.conversation.id);
    await expect(h.desk.transfer(ann, c.conversation.id, bob.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(h.desk.transfer(ann, c.conversation.id, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
    await h.desk.setPresence(bob, 'away');
    const moved = await h.desk.transfer(ann, c.conversation.id, bob.id);
    expect(moved).toMatchObject({ status: 'agent', assigneeId: bob.id });
    expect((await c.transcript()).at(-1)?.text).toContain('已为您转接给客服「bob」');
    expect(h.events.at(-1)).toMatchObject({ change: 'transferred', assigneeId: bob.id, previousAssigneeId: ann.id });
    await expect(h.desk.send(ann, c.conversation.id, 'hi')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await h.desk.send(bob, c.conversation.id, 'hi')).agentId).toBe(bob.id);
  });

  it('on close the bot answers again, and asking for a person queues afresh', async () => {
    const { h, c } = await queuedCustomer();
    const ann = await h.agent('ann');
    await h.desk.claim(ann, c.conversation.id);
    await h.desk.close(ann, c.conversation.id);
    await expect(h.desk.close(ann, c.conversation.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(h.desk.send(ann, c.conversation.id, 'hi')).rejects.toMatchObject({ code: 'conflict' });
    expect((await c.transcript()).at(-1)).toMatchObject({ author: 'system', text: expect.stringContaining('结束') });
    const next = await c.say('怎么退货');
    expect(next.conversation.status).toBe('bot');
    expect(next.replies[0]).toMatchObject({ author: 'bot', kind: 'answer' });
    const again = await c.say('转人工');
    expect(again.conversation).toMatchObject({ status: 'queued', assigneeId: null });
    const bob = await h.agent('bob');
    expect((await h.desk.claim(bob, c.conversation.id)).assigneeId).toBe(bob.id);
  });

  it('gives supervisors the queue, the open conversations and each agent’s load', async () => {
    const { h, c } = await queuedCustomer();
    const other = await h.customer();
    await other.say('转人工');
    const [ann, sue] = [await h.agent('ann'), await h.agent('sue', 'supervisor')];
    await h.desk.claim(ann, c.conversation.id);
    await h.desk.setCapacity(sue, ann.id, 3);
    await expect(h.desk.setCapacity(ann, ann.id, 9)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.queries.overview(ann)).rejects.toMatchObject({ code: 'forbidden' });
    const overview = await h.queries.overview(sue);
    expect(overview.queue.map((s) => [s.id, s.position])).toEqual([[other.conversation.id, 1]]);
    expect(overview.active.map((s) => s.id)).toEqual([c.conversation.id]);
    expect(overview.agents.find((a) => a.id === ann.id)).toMatchObject({ load: 1, capacity: 3, effectiveCapacity: 3 });
    expect(overview.agents.find((a) => a.id === sue.id)).toMatchObject({ load: 0, capacity: null, effectiveCapacity: 5 });
    // Reassigning from the queue.
    await h.desk.transfer(sue, other.conversation.id, ann.id);
    expect((await other.current()).assigneeId).toBe(ann.id);
  });
});
