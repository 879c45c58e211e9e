import { Matcher } from '../../core/matching/index.js';
import type { FaqInput } from '../../core/types.js';

const entries: FaqInput[] = [
  { id: 'refund', question: '退款多久到账？', alternates: [], answer: '1–3 个工作日。' },
  { id: 'invoice', question: '怎么开发票？', alternates: [], answer: '在订单详情申请。' },
  { id: 'en-refund', question: 'How long does a refund take?', alternates: [], answer: 'A few days.' },
];
const groups = [['退款', '退钱', '返款', 'refund', 'money back'], ['发票', '开票', 'fapiao', 'invoice']];

describe('synonyms', () => {
  const withSynonyms = Matcher.build(entries, { synonyms: groups });
  const without = Matcher.build(entries);
  const score = (m: Matcher, text: string, id: string): number => m.match(text).matches.find((x) => x.faqId === id)?.score ?? 0;

  it('lets a customer word reach the FAQ that uses another word of its group', () => {
    expect(withSynonyms.match('退钱多久到账').matches[0]).toMatchObject({ faqId: 'refund', matchedTerms: expect.arrayContaining(['退款']) });
    expect(score(withSynonyms, '退钱多久到账', 'refund')).toBeGreaterThan(score(without, '退钱多久到账', 'refund'));
  });

  it('maps multi-word English phrases and cross-language terms', () => {
    expect(withSynonyms.match('when do I get my money back').matches[0]?.faqId).toBe('en-refund');
    expect(withSynonyms.match('能开fapiao吗').matches[0]?.faqId).toBe('invoice');
    expect(score(withSynonyms, 'fapiao', 'invoice')).toBeGreaterThan(0);
    expect(score(without, 'fapiao', 'invoice')).toBe(0);
  });
});
