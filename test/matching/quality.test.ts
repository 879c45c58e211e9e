import { evaluate, Matcher } from '../../core/matching/index.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms, loadEvalSet } from '../../knowledge/index.js';

// Quality floors, far above chance (1 / 81 FAQs) and below the measured values (bench/README.md),
// so a regression in matching fails here. Accuracy only: no timing assertions.
describe('matching quality on the labelled sets', () => {
  const matcher = Matcher.build(loadBuiltinFaqs(), { synonyms: loadBuiltinSynonyms() });

  it('meets the floor on the dev set', () => {
    const result = evaluate(matcher, loadEvalSet('dev'));
    expect(result.total).toBeGreaterThanOrEqual(550);
    expect(result.top1Accuracy).toBeGreaterThanOrEqual(0.85);
    // 96 out-of-scope items, many in shop vocabulary (你们招聘客服吗, 能帮我退别家店的货吗): declining them is hard.
    expect(result.correctDeclineRate).toBeGreaterThanOrEqual(0.7);
    expect(result.confidentWrongRate).toBeLessThanOrEqual(0.03);
  });

  it('generalises to the held-out test set', () => {
    const result = evaluate(matcher, loadEvalSet('test'));
    expect(result.top1Accuracy).toBeGreaterThanOrEqual(0.75);
    expect(result.correctDeclineRate).toBeGreaterThanOrEqual(0.7);
    expect(result.confidentWrongRate).toBeLessThanOrEqual(0.06);
  });

  it('reports each item with its decision and correctness', () => {
    const { results } = evaluate(matcher, [
      { q: '怎么退货', expect: 'zh-return-how' },
      { q: '今天天气怎么样', expect: null },
      { q: '怎么退货', expect: 'zh-invoice-how' },
    ]);
    expect(results.map((r) => [r.decision, r.faqId, r.correct])).toEqual([
      ['answer', 'zh-return-how', true],
      ['fallback', null, true],
      ['answer', 'zh-return-how', false],
    ]);
  });

  it('counts a wrong direct answer as confident-wrong but a wrong choice only as a miss', () => {
    const result = evaluate(matcher, [
      { q: '怎么退货', expect: 'zh-invoice-how' },
      { q: '今天天气怎么样', expect: null },
    ]);
    expect(result.confidentWrongRate).toBe(0.5);
    expect(result.top1Accuracy).toBe(0);
    expect(result.correctDeclineRate).toBe(1);
  });
});
