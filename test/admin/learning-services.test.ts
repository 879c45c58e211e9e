import { groupQuestions } from '../../core/knowledge-admin/question-groups.js';
import type { UnansweredQuestion } from '../../core/types.js';
import { loadBuiltinFaqs } from '../../knowledge/index.js';
import { ADA, knowledgeAdminFixture } from './knowledge-admin-fixture.js';

const at = new Date('2026-03-02T10:00:00Z');
let n = 0;
const q = (text: string, extra: Partial<UnansweredQuestion> = {}): UnansweredQuestion => ({
  id: `q${++n}`, conversationId: `c${n}`, messageId: `m${n}`, channel: 'webchat', text, reason: 'fallback', bestScore: 0.1, bestFaqId: null,
  lang: 'zh', status: 'open', resolvedFaqId: null, resolvedAt: null, createdAt: new Date(at.getTime() + n * 1000), ...extra,
});

describe('groupQuestions', () => {
  it('groups by normalized text and shared meaningful words, biggest group first', () => {
    const groups = groupQuestions([
      q('你们卖猫粮吗'), q('你們賣貓糧嗎？'), q('猫粮有卖吗'), q('Do you sell cat food?', { lang: 'en' }), q('do you sell CAT FOOD'),
      q('今天天气怎么样'), q('狗粮有卖吗', { reason: 'choices', bestFaqId: 'pets', bestScore: 0.3 }),
    ]);
    expect(groups.map((g) => [g.text, g.count])).toEqual([
      ['你们卖猫粮吗', 3], ['Do you sell cat food?', 2], ['狗粮有卖吗', 1], ['今天天气怎么样', 1],
    ]);
    expect(groups[0]?.samples).toEqual(['你们卖猫粮吗', '猫粮有卖吗']);
    expect(groups[2]).toMatchObject({ reasons: { choices: 1 }, bestFaqId: 'pets', bestScore: 0.3 });
  });
});

describe('UnansweredService', () => {
  it('collects fallbacks, choices and weak answers from real conversations — not confident answers, not small talk', async () => {
    const f = await knowledgeAdminFixture(loadBuiltinFaqs(), { lowConfidence: 0.99 });
    await f.say('今天天气怎么样');
    await f.say('你好');
    await f.say('能帮我包成生日礼物吗');
    const open = await f.repos.unanswered.listOpen();
    expect(open.map((x) => [x.text, x.reason])).toEqual([['能帮我包成生日礼物吗', 'low_confidence'], ['今天天气怎么样', 'fallback']]);
    expect(open[0]).toMatchObject({ bestFaqId: expect.any(String), bestScore: expect.any(Number), channel: 'webchat', lang: 'zh' });

    const strict = await knowledgeAdminFixture(loadBuiltinFaqs(), { lowConfidence: 0 });
    await strict.say('怎么退货');
    expect(await strict.repos.unanswered.listOpen()).toEqual([]);
  });

  it('records "did you mean" choices', async () => {
    const f = await knowledgeAdminFixture([
      { id: 'return-clothes', question: '衣服怎么退货', answer: 'A1' }, { id: 'return-shoes', question: '鞋子怎么退货', answer: 'A2' },
    ]);
    const result = await f.say('退货');
    expect(result.replies[0]?.kind).toBe('choices');
    expect((await f.repos.unanswered.listOpen()).map((x) => x.reason)).toEqual(['choices']);
  });

  it('never costs the customer the reply when recording fails', async () => {
    const f = await knowledgeAdminFixture(loadBuiltinFaqs());
    f.repos.unanswered.record = async () => {
      throw new Error('disk full');
    };
    const result = await f.say('今天天气怎么样');
    expect(result.replies[0]?.kind).toBe('fallback');
  });

  it('resolves a group into a new entry or alternates, with an audit line, and refuses too many alternates', async () => {
    const f = await knowledgeAdminFixture([{ id: 'pets', question: '有宠物用品吗', answer: '有。', alternates: Array.from({ length: 29 }, (_, i) => `宠物 ${i}`) }]);
    await f.say('你们卖猫粮吗');
    await f.say('猫粮有卖吗');
    const [group] = (await f.unanswered.groups()).groups;
    expect(group?.count).toBe(2);
    await expect(f.unanswered.addAlternates(group?.questionIds ?? [], 'pets', group?.samples ?? [], ADA)).rejects.toMatchObject({ code: 'invalid_input' });
    const { faq, resolved } = await f.unanswered.createFaq(group?.questionIds ?? [], { id: 'cat-food', question: '你们卖猫粮吗', answer: '卖。' }, ADA);
    expect([faq.id, resolved]).toEqual(['cat-food', 2]);
    expect((await f.unanswered.groups()).groups).toEqual([]);
    expect((await f.repos.audit.list()).map((e) => e.action)).toEqual(['unanswered.resolve', 'faq.create']);
    expect((await f.say('猫粮有卖吗')).replies[0]).toMatchObject({ kind: 'answer', faqId: 'cat-food' });
  });
});

describe('FeedbackService', () => {
  it('files a 👎 under the question that was asked (the one before a picked choice), and a 👍 takes it back', async () => {
    const f = await knowledgeAdminFixture([
      { id: 'return-clothes', question: '衣服怎么退货', answer: 'A1' }, { id: 'return-shoes', question: '鞋子怎么退货', answer: 'A2' },
    ]);
    const first = await f.say('退货');
    const picked = await f.say('2', first.conversation.id);
    const answer = picked.replies[0];
    expect(answer?.kind).toBe('answer');
    await f.repos.unanswered.close((await f.repos.unanswered.listOpen()).map((x) => x.id), { status: 'dismissed', faqId: null, at: f.clock.now() });

    expect(await f.feedback.rate(first.conversation.id, answer?.id ?? '', 'down')).toEqual({ rating: 'down', previous: null });
    expect((await f.repos.unanswered.listOpen()).map((x) => [x.text, x.reason, x.bestFaqId])).toEqual([['退货', 'downvote', answer?.faqId]]);
    await f.feedback.rate(first.conversation.id, answer?.id ?? '', 'down');
    expect(await f.repos.unanswered.listOpen()).toHaveLength(1);
    expect(await f.feedback.rate(first.conversation.id, answer?.id ?? '', 'up')).toEqual({ rating: 'up', previous: 'down' });
    expect(await f.repos.unanswered.listOpen()).toEqual([]);
    await expect(f.feedback.rate(first.conversation.id, first.message.id, 'up')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(f.feedback.rate('nope', answer?.id ?? '', 'up')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('DashboardService', () => {
  it("buckets by the viewer's hours and days, and counts deflection, hits, unanswered and ratings", async () => {
    const f = await knowledgeAdminFixture(loadBuiltinFaqs());
    // 2026-03-02T10:00Z is 18:00 in Shanghai (UTC+8, getTimezoneOffset -480).
    const a = await f.say('怎么退货');
    await f.say('今天天气怎么样');
    f.clock.advance(6 * 3_600_000); // 00:00 on 03-03 in Shanghai
    const c = await f.say('转人工');
    await f.repos.handoff.enqueue(c.conversation.id, { reason: 'request', at: f.clock.now(), leftMessage: false });
    await f.feedback.rate(a.conversation.id, a.replies[0]?.id ?? '', 'up');

    const d = await f.dashboard.summary({ days: 2, tzOffset: -480 });
    expect(d.conversations.byDay).toEqual([{ day: '2026-03-02', total: 2, handedOff: 0 }, { day: '2026-03-03', total: 1, handedOff: 1 }]);
    expect(d.conversations.byHour[18]?.webchat).toBe(2);
    expect(d.conversations.byHour[0]?.webchat).toBe(1);
    expect(d.deflection).toMatchObject({ botOnly: 2, handedOff: 1, rate: 2 / 3 });
    expect(d.topFaqs).toContainEqual({ faqId: a.replies[0]?.faqId, count: 1, question: expect.any(String) });
    expect(d.unanswered.byDay).toEqual([{ day: '2026-03-02', count: 1 }, { day: '2026-03-03', count: 0 }]);
    expect(d.satisfaction).toMatchObject({ up: 1, down: 0, ratio: 1 });
    await expect(f.dashboard.summary({ days: 91, tzOffset: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
