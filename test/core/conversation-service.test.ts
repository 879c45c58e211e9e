import { DomainError } from '../../core/errors.js';
import { conversationTopic, type MessagePublished } from '../../core/views.js';
import { conversationHarness } from './conversation-harness.js';

describe('ConversationService', () => {
  it('answers a Chinese FAQ question and records both sides in order', async () => {
    const h = await conversationHarness();
    const result = await h.say('怎么退货');
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]).toMatchObject({ author: 'bot', kind: 'answer', faqId: 'zh-return-how', replyToId: result.message.id });
    const transcript = await h.service.transcript(h.conversation.id);
    expect(transcript.map((m) => [m.seq, m.author])).toEqual([[1, 'customer'], [2, 'bot']]);
  });

  it('answers in English with English texts, and small talk is never an FAQ hit', async () => {
    const h = await conversationHarness();
    const hello = await h.say('hello');
    expect(hello.replies[0]).toMatchObject({ kind: 'smalltalk' });
    expect(hello.replies[0]?.text).toMatch(/help/i);
    const zhHello = await h.say('你好');
    expect(zhHello.replies[0]).toMatchObject({ kind: 'smalltalk' });
    expect(zhHello.replies[0]?.faqId).toBeNull();
  });

  it('admits it does not know and counts fallbacks in a row until a real answer', async () => {
    const h = await conversationHarness();
    const first = await h.say('今天天气怎么样');
    expect(first.replies[0]?.kind).toBe('fallback');
    expect(first.replies[0]?.text).toContain('人工');
    const second = await h.say('帮我写个作业');
    expect(second.conversation.fallbackStreak).toBe(2);
    const answered = await h.say('怎么退货');
    expect(answered.conversation.fallbackStreak).toBe(0);
  });

  it('lets the customer pick a "did you mean" choice by number', async () => {
    const h = await conversationHarness([
      { id: 'return-clothes', question: '衣服怎么退货', answer: 'A1' },
      { id: 'return-shoes', question: '鞋子怎么退货', answer: 'A2' },
      { id: 'invoice', question: '怎么开发票', answer: 'A3' },
    ]);
    const asked = await h.say('退货');
    expect(asked.replies[0]?.kind).toBe('choices');
    const choices = asked.replies[0]?.choices ?? [];
    expect(choices.length).toBeGreaterThanOrEqual(2);
    const picked = await h.say('2');
    expect(picked.replies[0]).toMatchObject({ kind: 'answer', faqId: choices[1]?.faqId });
  });

  it('stores a re-delivered message once and returns the first replies again', async () => {
    const h = await conversationHarness();
    const first = await h.say('怎么开发票', 'client-1');
    const again = await h.say('怎么开发票', 'client-1');
    expect(again.duplicate).toBe(true);
    expect(again.replies.map((r) => r.id)).toEqual(first.replies.map((r) => r.id));
    expect(await h.service.transcript(h.conversation.id)).toHaveLength(2);
  });

  it('rejects empty and over-long text with invalid_input and stores nothing', async () => {
    const h = await conversationHarness();
    await expect(h.say('   ')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(h.say('退'.repeat(4001))).rejects.toBeInstanceOf(DomainError);
    expect(await h.service.transcript(h.conversation.id)).toHaveLength(0);
  });

  it('publishes every stored message to the conversation topic', async () => {
    const h = await conversationHarness();
    const seen: number[] = [];
    h.pubsub.subscribe(conversationTopic(h.conversation.id), (p) => seen.push((p as MessagePublished).message.seq));
    await h.say('运费多少');
    expect(seen).toEqual([1, 2]);
  });

  it('answers "who are you" by saying who it is, not with an FAQ that shares the word "who"', async () => {
    const h = await conversationHarness();
    const replies = (await h.say('who are you')).replies;
    expect(replies.map((r) => [r.kind, r.text])).toEqual([['smalltalk', expect.stringContaining("I'm the store's assistant")]]);
  });

  it('stays quiet while a human has the conversation, but records the message', async () => {
    const h = await conversationHarness();
    await h.repos.conversations.update(h.conversation.id, { status: 'agent' });
    const result = await h.say('怎么退货');
    expect(result.replies).toEqual([]);
    expect(await h.service.transcript(h.conversation.id)).toHaveLength(1);
  });

  it('picks up knowledge-base changes made elsewhere without a restart', async () => {
    const h = await conversationHarness();
    expect((await h.say('你们卖猫粮吗')).replies[0]?.kind).toBe('fallback');
    await h.repos.faqs.upsertMany([{ id: 'zh-cat-food', question: '你们卖猫粮吗', answer: '卖的，在宠物专区。' }]);
    h.clock.advance(1500);
    expect((await h.say('你们卖猫粮吗')).replies[0]).toMatchObject({ kind: 'answer', faqId: 'zh-cat-food' });
  });

  it('replies politely to attachments it cannot read', async () => {
    const h = await conversationHarness();
    const result = await h.service.receive({
      type: 'attachment', channel: 'webchat', sender: { externalId: 'visitor-1' }, conversationId: h.conversation.id,
      attachment: { kind: 'image', channelFileId: 'file-1' }, receivedAt: h.clock.now(),
    });
    expect(result.replies[0]).toMatchObject({ kind: 'system' });
    expect(result.replies[0]?.text).toContain('图片');
  });

  it('refuses an unknown conversation with not_found', async () => {
    const h = await conversationHarness();
    await expect(h.service.getConversation('nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
