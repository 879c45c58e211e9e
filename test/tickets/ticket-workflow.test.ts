import { ticketHarness } from './ticket-harness.js';

async function setup() {
  const h = await ticketHarness();
  const [ann, bob, cat, sue] = [await h.user('ann'), await h.user('bob'), await h.user('cat'), await h.user('sue', 'supervisor')];
  await h.repos.teams.setMembers('售后', [ann.id, bob.id], h.clock.now());
  await h.repos.teams.setMembers('物流', [cat.id], h.clock.now());
  return { h, ann, bob, cat, sue };
}

describe('ticket status, ownership and history', () => {
  it('walks new → open → pending customer → open → resolved → closed, and reopens', async () => {
    const { h, ann } = await setup();
    const t = await h.t.service.create(ann, { type: 'inquiry', description: '发票怎么开', assigneeId: ann.id });
    const { workflow } = h.t;
    expect((await workflow.setStatus(ann, t.id, 'open')).status).toBe('open');
    const pending = await workflow.setStatus(ann, t.id, 'pending_customer');
    expect(pending).toMatchObject({ status: 'pending_customer', slaPausedAt: h.clock.now() });
    expect(pending.firstRespondedAt).not.toBeNull();
    h.advance(60_000);
    const back = await workflow.setStatus(ann, t.id, 'open');
    expect(back.slaPausedAt).toBeNull();
    // The minute spent waiting for the customer moved the resolution target by a minute.
    expect(back.resolutionDueAt!.getTime() - t.resolutionDueAt!.getTime()).toBe(60_000);
    const resolved = await workflow.setStatus(ann, t.id, 'resolved');
    expect(resolved.resolvedAt).toEqual(h.clock.now());
    const closed = await workflow.setStatus(ann, t.id, 'closed');
    expect(closed.closedAt).toEqual(h.clock.now());
    const reopened = await workflow.setStatus(ann, t.id, 'open');
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null });

    await expect(workflow.setStatus(ann, t.id, 'open')).rejects.toMatchObject({ code: 'conflict' });
    await expect(workflow.setStatus(ann, t.id, 'new')).rejects.toMatchObject({ code: 'conflict' });
    await expect(workflow.setStatus(ann, t.id, 'closed')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps a full history of who changed what and when', async () => {
    const { h, ann, sue } = await setup();
    const t = await h.t.service.create(sue, { type: 'inquiry', description: '尺码问题' });
    h.advance(1000);
    await h.t.service.update(sue, t.id, { priority: 'urgent', tags: ['VIP'], orderNumber: 'A100' });
    await h.t.service.assign(sue, t.id, { assigneeId: ann.id, team: '售后' });
    await h.t.conversations.note(ann, t.id, '已联系仓库');
    const history = await h.repos.tickets.events(t.id);
    expect(history.map((e) => [e.action, e.actor.name])).toEqual([['created', 'sue'], ['updated', 'sue'], ['assigned', 'sue'], ['note', 'ann']]);
    expect(history[1]?.changes).toEqual(expect.arrayContaining([
      { field: 'priority', from: 'normal', to: 'urgent' }, { field: 'tags', from: '[]', to: '["VIP"]' }, { field: 'orderNumber', from: null, to: 'A100' },
    ]));
    // A new priority means new targets: urgent is answered within one business hour of creation.
    expect(history[1]?.changes.find((c) => c.field === 'firstResponseDueAt')?.to).toBe(new Date(t.createdAt.getTime() + 3_600_000).toISOString());
    expect(history[2]?.changes).toEqual([{ field: 'assigneeId', from: null, to: ann.id }, { field: 'team', from: null, to: '售后' }]);
    expect(history[3]?.text).toBe('已联系仓库');
    expect(history[1]!.createdAt.getTime()).toBeGreaterThan(history[0]!.createdAt.getTime());
  });

  it('shows agents their tickets and the unassigned ones of their teams; supervisors everything', async () => {
    const { h, ann, bob, cat, sue } = await setup();
    const mk = (description: string, assigneeId: string | null, team: string | null) => h.t.service.create(sue, { type: 'other', description, assigneeId, team });
    await mk('A: ann', ann.id, '售后');
    await mk('B: bob', bob.id, '售后');
    await mk('C: 售后 pool', null, '售后');
    await mk('D: 物流 pool', null, '物流');
    await mk('E: no team', null, null);
    const seen = async (u: typeof ann) => (await h.t.queries.list(u, {})).tickets.map((t) => t.subject[0]).sort().join('');
    expect(await seen(ann)).toBe('ACE');
    expect(await seen(cat)).toBe('DE');
    expect(await seen(sue)).toBe('ABCDE');

    const b = (await h.repos.tickets.list({ search: 'b: bob' })).tickets[0]!;
    await expect(h.t.queries.detail(ann, b.id)).rejects.toMatchObject({ code: 'forbidden' });
    const d = (await h.repos.tickets.list({ team: '物流' })).tickets[0]!;
    await expect(h.t.service.assign(ann, d.id, { assigneeId: ann.id })).rejects.toMatchObject({ code: 'forbidden' });
    // An agent takes an unassigned ticket of their team, and then may work it; others may not.
    const c = (await h.repos.tickets.list({ search: '售后 pool' })).tickets[0]!;
    await expect(h.t.workflow.setStatus(ann, c.id, 'open')).rejects.toMatchObject({ code: 'forbidden' });
    await h.t.service.assign(ann, c.id, { assigneeId: ann.id });
    expect((await h.t.workflow.setStatus(ann, c.id, 'open')).status).toBe('open');
    await expect(h.t.service.assign(bob, c.id, { assigneeId: bob.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.t.service.update(ann, c.id, { priority: 'high' }, 1)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('replies to the customer in their own channel and counts that as the first response', async () => {
    const { h, ann } = await setup();
    const c = await h.customer('telegram', 'tg-7', 'Zhou');
    await c.say('订单 123 什么时候发货');
    const t = await h.t.service.create(ann, { type: 'logistics', description: '催发货', conversationId: c.conversation.id, assigneeId: ann.id });
    h.advance(5 * 60_000);
    const { ticket, message } = await h.t.conversations.reply(ann, t.id, '您好，订单今天下午发出。');
    expect(ticket).toMatchObject({ status: 'open', firstRespondedAt: message.createdAt });
    expect(message).toMatchObject({ author: 'agent', agentId: ann.id, conversationId: c.conversation.id });
    expect((await h.repos.deliveries.getByMessage(message.id))?.channel).toBe('telegram');
    expect((await h.repos.slaTimers.list(t.id)).filter((x) => x.target === 'first_response')).toEqual([]);
    const byHand = await h.t.service.create(ann, { type: 'other', description: '电话', assigneeId: ann.id });
    await expect(h.t.conversations.reply(ann, byHand.id, 'hi')).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('the complaint process', () => {
  it('goes through every step in order; only a supervisor approval resolves it, and only with a root cause', async () => {
    const { h, ann, sue } = await setup();
    const t = await h.t.service.create(sue, { type: 'complaint', description: '收到的衣服有破洞', assigneeId: ann.id });
    const { workflow } = h.t;
    await expect(workflow.setStatus(ann, t.id, 'resolved')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(workflow.completeStep(ann, t.id, 'analyse', { text: '跳步' })).rejects.toMatchObject({ code: 'conflict' });
    await workflow.completeStep(ann, t.id, 'verify', { text: '照片确认破洞' });
    await workflow.completeStep(ann, t.id, 'analyse', { text: '质检漏检' });
    await expect(workflow.completeStep(ann, t.id, 'propose', { text: '方案' })).rejects.toMatchObject({ code: 'invalid_input' });
    await workflow.completeStep(ann, t.id, 'propose', { text: '提出方案', solution: '补发新衣服并赠送优惠券' });
    await workflow.completeStep(ann, t.id, 'agree', { text: '客户同意' });
    await workflow.completeStep(ann, t.id, 'track', { text: '补发已签收' });
    await expect(workflow.completeStep(ann, t.id, 'root_cause', { text: '总结', rootCause: '质检漏检' })).rejects.toMatchObject({ code: 'invalid_input' });
    const done = await workflow.completeStep(ann, t.id, 'root_cause', { text: '总结', rootCause: '质检抽检比例太低', improvement: '质检改为全检' });
    expect(done).toMatchObject({ reviewStatus: 'pending', complaint: { step: 'review', rootCause: '质检抽检比例太低', improvement: '质检改为全检', solution: '补发新衣服并赠送优惠券' } });

    await expect(workflow.setStatus(ann, t.id, 'resolved')).rejects.toMatchObject({ code: 'conflict' });
    await expect(workflow.review(ann, t.id, { decision: 'approved' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(workflow.review(sue, t.id, { decision: 'rejected' })).rejects.toMatchObject({ code: 'invalid_input' });
    const rejected = await workflow.review(sue, t.id, { decision: 'rejected', comment: '改进措施不具体', returnTo: 'root_cause' });
    expect(rejected).toMatchObject({ reviewStatus: 'rejected', status: 'open', complaint: { step: 'root_cause' } });
    await workflow.completeStep(ann, t.id, 'root_cause', { text: '补充', rootCause: '质检抽检比例太低', improvement: '5月起出库前全检，并每周复盘' });
    const approved = await workflow.review(sue, t.id, { decision: 'approved', comment: '同意' });
    expect(approved).toMatchObject({ status: 'resolved', reviewStatus: 'approved', complaint: { step: 'done', review: { decision: 'approved', by: { name: 'sue' } } } });
    const steps = (await h.repos.tickets.events(t.id)).filter((e) => e.action === 'complaint_step').map((e) => e.text?.split(':')[0]);
    expect(steps).toEqual(['verify', 'analyse', 'propose', 'agree', 'track', 'root_cause', 'root_cause']);

    // Reopened, it is tracked again and needs a new review.
    const reopened = await workflow.setStatus(ann, t.id, 'open');
    expect(reopened).toMatchObject({ reviewStatus: null, complaint: { step: 'track' } });
  });
});
