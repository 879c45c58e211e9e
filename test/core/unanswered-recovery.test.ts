import type { NewMessage } from '../../core/types.js';
import { handoffHarness, texts } from './handoff-harness.js';

// A process that dies after storing a customer message and before answering it leaves exactly this behind: the
// message, stored, with nothing after it. (A bot answer is stored in the same transaction as the question, so only
// the way to people has such a gap; these tests make the gap by hand, as a kill -9 would.)
async function crashedAfterStoring(h: Awaited<ReturnType<typeof handoffHarness>>, text: string, channelMessageId: string) {
  const c = await h.customer();
  const message: NewMessage = {
    conversationId: c.conversation.id, direction: 'inbound', author: 'customer', kind: 'text', text, faqId: null, choices: null,
    channelMessageId, replyToId: null, createdAt: h.clock.now(),
  };
  await h.repos.messages.append(message);
  const retry = () => h.service.receive({
    type: 'text', channel: 'webchat', sender: { externalId: 'x' }, conversationId: c.conversation.id, text, receivedAt: h.clock.now(), channelMessageId,
  });
  return { ...c, retry };
}

describe('customer messages stored but never answered', () => {
  it('are answered by the bot when the customer retries them, once', async () => {
    const h = await handoffHarness();
    const c = await crashedAfterStoring(h, '怎么退货？', 'lost-1');
    const first = await c.retry();
    expect(first.duplicate).toBe(true);
    expect(first.replies.map((r) => r.kind)).toEqual(['answer']);
    const second = await c.retry();
    expect(second.replies.map((r) => r.id)).toEqual(first.replies.map((r) => r.id));
    expect(texts(await c.transcript())).toHaveLength(2);
  });

  it('are answered after a restart by the recovery sweep, and a later retry returns that answer', async () => {
    const h = await handoffHarness();
    const c = await crashedAfterStoring(h, '运费多少钱', 'lost-2');
    const window = { since: new Date(h.clock.now().getTime() - 60_000), before: new Date(h.clock.now().getTime() + 1) };
    expect(await h.service.answerUnanswered(window)).toBe(1);
    expect(await h.service.answerUnanswered(window)).toBe(0);
    const [question, answer] = await c.transcript();
    expect(answer).toMatchObject({ author: 'bot', replyToId: question?.id });
    expect((await c.retry()).replies.map((r) => r.id)).toEqual([answer?.id]);
  });

  it('that asked for a person go to the queue, with the queue message as the answer', async () => {
    const h = await handoffHarness();
    const c = await crashedAfterStoring(h, '转人工', 'lost-3');
    const result = await c.retry();
    expect(result.conversation.status).toBe('queued');
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]).toMatchObject({ author: 'system', replyToId: result.message.id });
    expect(await h.service.answerUnanswered({ since: new Date(0), before: new Date(h.clock.now().getTime() + 1) })).toBe(0);
  });

  it('in a conversation a person has taken over are left to that person', async () => {
    const h = await handoffHarness();
    const c = await crashedAfterStoring(h, '在吗', 'lost-4');
    await h.repos.handoff.enqueue(c.conversation.id, { reason: 'request', at: h.clock.now(), leftMessage: false });
    expect(await h.service.answerUnanswered({ since: new Date(0), before: new Date(h.clock.now().getTime() + 1) })).toBe(0);
    const result = await c.retry();
    expect(result).toMatchObject({ duplicate: true, replies: [], conversation: { status: 'queued' } });
  });
});
