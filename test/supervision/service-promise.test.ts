import { formatLocal } from '../../core/handoff/time-zone.js';
import { ticketHarness } from '../tickets/ticket-harness.js';

const local = (d: Date | null | undefined) => (d ? formatLocal(d, 'Asia/Shanghai') : null);
// Sunday 29 Nov 2026: the customer's first message comes one second after this, at 13:46:00 in Shanghai.
const SUNDAY_1345_59 = '2026-11-29T05:45:59Z';

async function leaveMessage(env: Record<string, string> = {}) {
  const h = await ticketHarness({ now: SUNDAY_1345_59, env });
  const c = await h.customer('webchat', 'sunday', '周女士');
  const handoff = await c.say('转人工');
  const [ticket] = (await h.repos.tickets.list({})).tickets;
  const status = await c.say('我的工单');
  return { h, c, notice: handoff.replies.map((r) => r.text).join('\n'), ticket, status: status.replies.map((r) => r.text).join('\n') };
}

describe('one promise for left messages', () => {
  it('by default: a message left on Sunday 13:46 is due Monday 13:46, and the notice, the ticket and 「我的工单」 all say so', async () => {
    const { notice, ticket, status } = await leaveMessage();
    expect(ticket?.source).toBe('left_message');
    expect(local(ticket?.firstResponseDueAt)).toBe('2026-11-30 13:46:00');
    expect(notice).toContain('我们会在 24 小时内（明天 13:46 前）回复您');
    expect(status).toContain('预计 明天 13:46 前给您答复');
  });

  it('the FAQ answers about left messages carry the same promise', async () => {
    const { h } = await leaveMessage();
    // Another customer, talking to the bot (a left-message conversation waits for people, the bot stays quiet there).
    const zh = await (await h.customer()).say('留言多久回复');
    expect(zh.replies.map((r) => r.text).join('')).toContain('我们会在 24 小时内回复您');
    const h2 = await ticketHarness({ env: { KEFU_LEFT_MESSAGE_REPLY: '12h' } });
    const en = await (await h2.customer()).say('What are your customer service hours?');
    expect(en.replies.map((r) => r.text).join('')).toContain('leave a message and we will answer within 12 hours;');
  });

  it('in business time when configured: 24 business hours from Sunday 13:46 is Wednesday 15:00, said the same way everywhere', async () => {
    const { notice, ticket, status, h } = await leaveMessage({ KEFU_LEFT_MESSAGE_CLOCK: 'business' });
    expect(local(ticket?.firstResponseDueAt)).toBe('2026-12-02 15:00:00');
    expect(notice).toContain('我们会在 24 个工作小时内（12月2日（周三）15:00 前）回复您');
    expect(status).toContain('预计 12月2日（周三）15:00 前给您答复');
    expect((await (await h.customer()).say('留言多久回复')).replies.map((r) => r.text).join('')).toContain('24 个工作小时内回复');
  });

  it('refuses a promise it cannot read', async () => {
    await expect(ticketHarness({ env: { KEFU_LEFT_MESSAGE_REPLY: 'soon' } })).rejects.toMatchObject({ problems: [expect.stringMatching(/^KEFU_LEFT_MESSAGE_REPLY: /)] });
    await expect(ticketHarness({ env: { KEFU_LEFT_MESSAGE_REPLY: '0' } })).rejects.toMatchObject({ problems: ['KEFU_LEFT_MESSAGE_REPLY: must be more than 0'] });
  });
});
