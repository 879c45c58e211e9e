import { createHmac, timingSafeEqual } from 'node:crypto';
import { ticketHarness } from '../tickets/ticket-harness.js';
import { AlertReceiver, type Received } from './alert-receiver.js';

const SECRET = 'webhook-secret-0123456789';
let receiver: AlertReceiver;
beforeAll(async () => {
  receiver = await new AlertReceiver().start();
});
afterAll(() => receiver.close());

/** What a receiver does with Kefu's webhook: recompute the HMAC over "<timestamp>.<body>" with the shared secret. */
function verified(r: Received): boolean {
  const timestamp = String(r.headers['x-kefu-timestamp']);
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${r.body}`).digest('hex')}`);
  const given = Buffer.from(String(r.headers['x-kefu-signature']));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const env = (path: string) => ({ KEFU_ALERT_TARGETS: JSON.stringify([{ name: 'ops', type: 'webhook', url: `${receiver.url}${path}`, secret: SECRET }]) });
const alertsAt = (path: string) => receiver.received.filter((r) => r.path === path);

describe('a low satisfaction score', () => {
  it('2/5 after a chat: a call-back ticket for a supervisor, and a signed webhook alert', async () => {
    const h = await ticketHarness({ env: env('/chat') });
    const bob = await h.user('bob');
    const sue = await h.user('sue', 'supervisor');
    const c = await h.customer('webchat');
    await c.say('转人工');
    await h.services.desk.claim(bob, c.conversation.id);
    await h.services.desk.close(bob, c.conversation.id);
    const reply = await c.say('2');
    expect(reply.replies[0]?.text).toContain('2 分');
    await h.services.supervision.alerts.flush();

    const { tickets } = await h.repos.tickets.list({ assigneeId: sue.id });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ priority: 'high', tags: ['回访'], subject: '回访：满意度 2/5（客服 bob）', status: 'new' });
    expect(await h.repos.tickets.conversationsOf(tickets[0]!.id)).toEqual([c.conversation.id]);

    const [sent, ...more] = alertsAt('/chat');
    expect(more).toEqual([]);
    expect(verified(sent!)).toBe(true);
    expect(JSON.parse(sent!.body).alert).toMatchObject({ kind: 'low_satisfaction', ticketNumber: tickets[0]!.number, conversationId: c.conversation.id });
    // A body changed on the way no longer matches its signature.
    expect(verified({ ...sent!, body: sent!.body.replace('2/5', '5/5') })).toBe(false);
  });

  it('2/5 on a ticket: the ticket is reopened and given to a supervisor; 4/5 changes nothing and alerts nobody', async () => {
    const h = await ticketHarness({ env: env('/ticket') });
    const ann = await h.user('ann');
    const sue = await h.user('sue', 'supervisor');
    const c = await h.customer('telegram', 'tg-low', 'Wu');
    await c.say('我的订单少发了一件');
    const t = await h.t.service.create(ann, { type: 'inquiry', description: '少发', conversationId: c.conversation.id, assigneeId: ann.id });
    await h.t.workflow.setStatus(ann, t.id, 'resolved');
    await c.say('1分');
    await h.services.supervision.alerts.flush();
    expect(await h.repos.tickets.get(t.id)).toMatchObject({ status: 'open', assigneeId: sue.id, priority: 'high', tags: ['回访'], resolvedAt: null, closedAt: null });
    expect(alertsAt('/ticket').map((r) => JSON.parse(r.body).alert.kind)).toEqual(['low_satisfaction']);

    const happy = await h.t.service.create(ann, { type: 'inquiry', description: '改地址', conversationId: c.conversation.id, assigneeId: ann.id });
    await h.t.workflow.setStatus(ann, happy.id, 'resolved');
    await c.say('4');
    await h.services.supervision.alerts.flush();
    expect(await h.repos.tickets.get(happy.id)).toMatchObject({ status: 'closed', assigneeId: ann.id });
    expect(alertsAt('/ticket')).toHaveLength(1);
  });

  it('can be switched off: no alert, while the follow-up ticket is still made', async () => {
    const h = await ticketHarness({ env: { ...env('/off'), KEFU_ALERT_ROUTES: JSON.stringify({ low_satisfaction: false }) } });
    const bob = await h.user('bob');
    await h.user('sue', 'supervisor');
    const c = await h.customer('webchat');
    await c.say('转人工');
    await h.services.desk.claim(bob, c.conversation.id);
    await h.services.desk.close(bob, c.conversation.id);
    await c.say('2');
    await h.services.supervision.alerts.flush();
    expect((await h.repos.tickets.list({ search: '回访' })).total).toBe(1);
    expect(alertsAt('/off')).toEqual([]);
  });
});
