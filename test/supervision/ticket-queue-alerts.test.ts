import { HOUR, ticketHarness } from '../tickets/ticket-harness.js';
import { AlertReceiver } from './alert-receiver.js';

let receiver: AlertReceiver;
beforeAll(async () => {
  receiver = await new AlertReceiver().start();
});
afterAll(() => receiver.close());

const targets = (path: string) => JSON.stringify([
  { name: 'ops', type: 'webhook', url: `${receiver.url}${path}/ops`, secret: 'webhook-secret-0123456789' },
  { name: 'wecom', type: 'wecom', url: `${receiver.url}${path}/wecom` },
]);
const kinds = (path: string) => receiver.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body).alert?.kind ?? JSON.parse(r.body).msgtype);

describe('alerts from tickets and the queue', () => {
  it('SLA warning and breach reach the targets each is routed to; a complaint from chat is an escalation', async () => {
    const h = await ticketHarness({ env: { KEFU_ALERT_TARGETS: targets('/sla'), KEFU_ALERT_ROUTES: JSON.stringify({ sla_warning: ['wecom'], sla_breach: ['ops', 'wecom'] }) } });
    const ann = await h.user('ann');
    // Monday 10:00; the default policy: first response within 8 business hours, warned at 75 %.
    const t = await h.t.service.create(ann, { type: 'inquiry', description: '发票抬头写错了' });
    h.advance(7 * HOUR);
    await h.t.monitor.tick();
    h.advance(2 * HOUR + 16 * HOUR);
    await h.t.monitor.tick();
    await h.services.supervision.alerts.flush();
    expect(kinds('/sla/ops')).toEqual(['sla_breach']);
    expect(kinds('/sla/wecom')).toEqual(['markdown', 'markdown']);
    expect(JSON.parse(receiver.received.find((r) => r.path === '/sla/ops')!.body).alert).toMatchObject({ ticketId: t.id, ticketNumber: t.number, severity: 'critical' });

    const c = await h.customer('webchat');
    await c.say('你们这是什么破服务，我要投诉！');
    await h.services.supervision.alerts.flush();
    expect(kinds('/sla/ops')).toEqual(['sla_breach', 'escalation']);
  });

  it('the queue alert fires once when the queue reaches the threshold, and again only after it fell below', async () => {
    const h = await ticketHarness({ env: { KEFU_ALERT_TARGETS: targets('/queue'), KEFU_ALERT_QUEUE_THRESHOLD: '2', KEFU_ALERT_ROUTES: JSON.stringify({ queue_over: ['ops'] }) } });
    const ann = await h.user('ann');
    await h.services.desk.setPresence(ann, 'away');
    const waiting = [];
    for (let i = 0; i < 3; i++) {
      const c = await h.customer('webchat');
      await c.say('转人工');
      waiting.push(c);
    }
    await h.services.supervision.alerts.flush();
    expect(kinds('/queue/ops')).toEqual(['queue_over']);
    // Two taken: one waits, below the threshold; the next customer brings it back to 2 and the alert fires again.
    for (const c of waiting.slice(0, 2)) await h.services.desk.claim(ann, c.conversation.id);
    await (await h.customer('webchat')).say('转人工');
    await h.services.supervision.alerts.flush();
    expect(kinds('/queue/ops')).toEqual(['queue_over', 'queue_over']);
  });
});
