import { formatLocal } from '../../core/handoff/time-zone.js';
import { DAY, HOUR, ticketHarness } from './ticket-harness.js';

const actions = async (h: Awaited<ReturnType<typeof ticketHarness>>, id: string) => (await h.repos.tickets.events(id)).map((e) => e.action);

describe('SLA monitor', () => {
  it('warns before the first-response target and escalates at the breach, once each', async () => {
    const h = await ticketHarness(); // Monday 10:00
    const sue = await h.user('sue', 'supervisor');
    const t = await h.t.service.create(sue, { type: 'inquiry', description: '开发票' });
    // Normal priority: first response within 8 business hours → Monday 18:00; warning at 75 % → 16:00.
    expect(formatLocal(t.firstResponseDueAt!, 'Asia/Shanghai')).toBe('2026-11-23 18:00:00');
    h.advance(6 * HOUR - 1000);
    expect(await h.t.monitor.tick()).toBe(0);
    h.advance(1000);
    expect(await h.t.monitor.tick()).toBe(1);
    expect(await h.t.monitor.tick()).toBe(0);
    expect((await h.t.queries.list(sue, { sla: 'warning' })).tickets.map((x) => x.number)).toEqual([t.number]);
    h.advance(2 * HOUR);
    expect(await h.t.monitor.tick()).toBe(1);
    const breached = (await h.repos.tickets.get(t.id))!;
    expect(breached.firstResponseBreachedAt).toEqual(h.clock.now());
    expect(breached.escalatedAt).toEqual(h.clock.now());
    expect(await actions(h, t.id)).toEqual(['created', 'sla_warning', 'sla_breach']);
    const escalated = await h.t.queries.list(sue, { escalated: true });
    expect(escalated.tickets[0]).toMatchObject({ number: t.number, sla: { firstResponse: { state: 'breached' }, resolution: { state: 'running' } } });
    h.advance(DAY);
    expect(await h.t.monitor.tick()).toBe(0);
  });

  it('counts business hours: an urgent ticket on Friday 17:30 breaches on Monday 09:30', async () => {
    const h = await ticketHarness({ now: '2026-11-27T09:30:00Z' });
    const sue = await h.user('sue', 'supervisor');
    const t = await h.t.service.create(sue, { type: 'inquiry', priority: 'urgent', description: '急' });
    expect(formatLocal(t.firstResponseDueAt!, 'Asia/Shanghai')).toBe('2026-11-30 09:30:00');
    h.advance(DAY); // Saturday: nothing is counted over the weekend
    expect(await h.t.monitor.tick()).toBe(0);
    h.advance(DAY + 15.75 * HOUR); // Monday 09:15: 45 of the 60 business minutes are gone
    expect(await h.t.monitor.tick()).toBe(1);
    h.advance(15 * 60_000 - 1000);
    expect(await h.t.monitor.tick()).toBe(0);
    h.advance(1000);
    expect(await h.t.monitor.tick()).toBe(1);
    expect(await actions(h, t.id)).toEqual(['created', 'sla_warning', 'sla_breach']);
  });

  it('does not breach a ticket the agent answered in the chat console', async () => {
    const h = await ticketHarness();
    const ann = await h.user('ann');
    const c = await h.customer('webchat', 'angry', '孙先生');
    await c.say('我要投诉你们的快递员');
    const [t] = (await h.repos.tickets.list({})).tickets;
    await h.services.desk.claim(ann, c.conversation.id);
    h.advance(10 * 60_000);
    await h.services.desk.send(ann, c.conversation.id, '非常抱歉，我马上核实。');
    h.advance(3 * HOUR);
    expect(await h.t.monitor.tick()).toBe(0);
    const after = (await h.repos.tickets.get(t!.id))!;
    expect(after).toMatchObject({ status: 'open', firstResponseBreachedAt: null });
    expect(after.firstRespondedAt!.getTime() - t!.createdAt.getTime()).toBe(10 * 60_000 + 0);
    expect(await actions(h, t!.id)).toEqual(['created', 'first_response']);
  });

  it('stops the resolution clock while waiting for the customer', async () => {
    const h = await ticketHarness();
    const ann = await h.user('ann');
    const t = await h.t.service.create(ann, { type: 'inquiry', priority: 'urgent', description: '急', assigneeId: ann.id });
    // Urgent: resolved within 8 business hours → Monday 18:00.
    expect(formatLocal(t.resolutionDueAt!, 'Asia/Shanghai')).toBe('2026-11-23 18:00:00');
    await h.t.workflow.setStatus(ann, t.id, 'pending_customer');
    h.advance(2 * DAY);
    expect(await h.t.monitor.tick()).toBe(0);
    const resumed = await h.t.workflow.setStatus(ann, t.id, 'open'); // Wednesday 10:00
    expect(formatLocal(resumed.resolutionDueAt!, 'Asia/Shanghai')).toBe('2026-11-25 18:00:00');
    expect((await h.repos.tickets.get(t.id))!.resolutionBreachedAt).toBeNull();
  });

  it('after downtime fires only the breach, and two monitors fire it once', async () => {
    const h = await ticketHarness();
    const sue = await h.user('sue', 'supervisor');
    const t = await h.t.service.create(sue, { type: 'inquiry', description: '停机期间' });
    h.advance(5 * DAY); // Saturday: both targets (Monday 18:00, Friday 14:00) passed while nothing ran
    const fired = await Promise.all([h.t.monitor.tick(), h.t.monitor.tick()]);
    expect(fired.reduce((a, b) => a + b, 0)).toBe(2); // first response and resolution breaches
    expect(await actions(h, t.id)).toEqual(['created', 'sla_breach', 'sla_breach']);
  });
});
