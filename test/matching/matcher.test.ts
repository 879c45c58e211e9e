import { Matcher } from '../../core/matching/index.js';
import type { FaqInput } from '../../core/types.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms } from '../../knowledge/index.js';

const faq = (id: string, question: string, alternates: string[] = [], extra: Partial<FaqInput> = {}): FaqInput => ({
  id,
  question,
  alternates,
  answer: `answer of ${id}`,
  ...extra,
});

const small = [
  faq('zh-return', '怎么退货？', ['我要退货', '退货流程是什么']),
  faq('zh-refund', '退款多久到账？', ['什么时候退钱']),
  faq('zh-ship', '什么时候发货？', ['下单后多久发货']),
  faq('zh-points-use', '积分怎么使用？', ['积分可以抵现吗']),
  faq('zh-points-earn', '积分怎么获得？', ['怎样赚积分']),
  faq('en-refund', 'How long does a refund take?', ['When do I get my money back?']),
  faq('zh-hidden', '隐藏的问题怎么退货', ['退货隐藏'], { enabled: false }),
];

describe('Matcher on a small knowledge base', () => {
  const matcher = Matcher.build(small, { synonyms: [['退款', '退钱', '返款', 'refund']] });

  it('indexes only enabled entries and never returns a disabled one', () => {
    expect(matcher.size).toBe(6);
    for (const text of ['隐藏的问题怎么退货', '退货隐藏', '怎么退货']) {
      expect(matcher.match(text).matches.map((m) => m.faqId)).not.toContain('zh-hidden');
    }
  });

  it('answers a clear question with the right FAQ', () => {
    const result = matcher.match('请问怎么退货呀');
    expect(result).toMatchObject({ decision: 'answer', lang: 'zh' });
    expect(result.matches[0]?.faqId).toBe('zh-return');
    expect(result.matches[0]?.matchedTerms).toContain('退货');
  });

  it('maps synonyms to one canonical word', () => {
    const result = matcher.match('返款几天能到账');
    expect(result.matches[0]?.faqId).toBe('zh-refund');
    expect(result.matches[0]?.matchedTerms).toContain('退款');
  });

  it('offers choices when two FAQs fit equally well', () => {
    const twins = Matcher.build([faq('points-use', '积分怎么使用？'), faq('points-earn', '积分怎么获得？'), ...small.slice(0, 3)]);
    const result = twins.match('积分');
    expect(result.decision).toBe('choices');
    expect(result.matches.map((m) => m.faqId).sort()).toEqual(['points-earn', 'points-use']);
  });

  it('prefers the message language when both languages match', () => {
    expect(matcher.match('refund要多久').matches[0]?.faqId).toBe('zh-refund');
    expect(matcher.match('how long until my refund arrives').matches[0]?.faqId).toBe('en-refund');
  });

  it('returns distinct FAQs, best first, at most five', () => {
    const { matches } = matcher.match('退货退款发货积分');
    expect(matches.length).toBeLessThanOrEqual(5);
    expect(new Set(matches.map((m) => m.faqId)).size).toBe(matches.length);
    const scores = matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('answers small talk as small talk, not as an FAQ', () => {
    expect(matcher.match('你好')).toEqual({ decision: 'smalltalk', lang: 'zh', matches: [], smalltalk: 'greeting' });
    expect(matcher.match('好的谢谢').smalltalk).toBe('thanks');
    expect(matcher.match('你好，怎么退货').matches[0]?.faqId).toBe('zh-return');
  });

  it('falls back on empty, emoji-only and gibberish messages', () => {
    for (const text of ['', '   ', '🙏🙏', 'asdfghjkl', 'zxcv qwer']) expect(matcher.match(text).decision).toBe('fallback');
  });

  it('honours custom thresholds', () => {
    const strict = Matcher.build(small, { answerThreshold: 0.99, suggestThreshold: 0.3 });
    expect(matcher.match('积分怎么赚').decision).toBe('answer');
    expect(strict.match('积分怎么赚').decision).toBe('choices');
    expect(strict.options.maxChoices).toBe(3);
  });
});

describe('Matcher on the built-in knowledge base', () => {
  const matcher = Matcher.build(loadBuiltinFaqs(), { synonyms: loadBuiltinSynonyms() });
  const first = (text: string): string | undefined => {
    const result = matcher.match(text);
    return result.decision === 'answer' || result.decision === 'choices' ? result.matches[0]?.faqId : undefined;
  };

  it.each([
    ['退获', 'zh-return-how'],
    ['发祸了吗', 'zh-ship-when'],
    ['优惠卷怎么用', 'zh-coupon-use'],
    ['包油吗', 'zh-shipping-fee'],
    ['定单怎么取消', 'zh-cancel-order'],
    ['refnd', 'en-refund-time'],
    ['forgot my pasword', 'en-password-reset'],
  ])('tolerates the typo in %s', (text, id) => {
    expect(first(text)).toBe(id);
  });

  it.each([
    ['退貨怎麼弄', 'zh-return-how'],
    ['發票怎麼開', 'zh-invoice-how'],
    ['ｒｅｆｕｎｄ', 'en-refund-time'],
    ['７天无理由退货吗', 'zh-return-policy'],
    ['我想return这个', 'zh-return-how'],
  ])('handles traditional, full-width and mixed text: %s', (text, id) => {
    expect(first(text)).toBe(id);
  });

  it('finds the question inside a long message with context, dates and an order number', () => {
    expect(first('你好，我3月5号买的连衣裙，订单号 20240305123，尺码小了，能换大一码吗')).toBe('zh-exchange');
    expect(first('Hi! I ordered a lamp last Tuesday (order #A-99812). How long does delivery take?')).toBe('en-delivery-time');
  });

  it('scores a question the same with or without a polite opening clause', () => {
    expect(matcher.match('你好，怎么开发票').matches).toEqual(matcher.match('怎么开发票').matches);
  });

  it.each(['今天天气怎么样', 'what is the capital of France', '帮我写个作业', 'asdfghjkl', '讲个笑话', 'write me a poem'])(
    'admits it does not know: %s',
    (text) => {
      expect(matcher.match(text).decision).toBe('fallback');
    },
  );

  it('builds a 1,000-entry knowledge base and still finds the built-in answers', () => {
    const extra = Array.from({ length: 1000 - matcher.size }, (_, i) =>
      faq(`gen-${i}`, `型号${i}的产品${i % 37}怎么调节第${i % 11}档`, [`产品${i % 37}型号${i}档位调节`]),
    );
    const big = Matcher.build([...loadBuiltinFaqs(), ...extra], { synonyms: loadBuiltinSynonyms() });
    expect(big.size).toBe(1000);
    expect(big.match('我想退货怎么操作').matches[0]?.faqId).toBe('zh-return-how');
    expect(big.match('型号12的产品12怎么调节第1档').matches[0]?.faqId).toBe('gen-12');
  });
});
