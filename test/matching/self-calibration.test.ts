import { DEFAULT_MATCHER_OPTIONS, DEFAULT_SELF_CALIBRATION, type IndexableFaq, Matcher, selfCalibrate } from '../../core/matching/index.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms, loadOutOfScopeProbes } from '../../knowledge/index.js';

describe('self-calibration of the answer / choices / fallback bands', () => {
  const faqs = loadBuiltinFaqs();
  const build = (e: readonly IndexableFaq[]): Matcher => Matcher.build(e, { synonyms: loadBuiltinSynonyms() });
  const probes = loadOutOfScopeProbes();

  it('asks every phrasing of entries that have several against the KB without it, and weighs the probes', () => {
    const fitted = selfCalibrate(faqs, build, DEFAULT_MATCHER_OPTIONS, { probes });
    const phrasings = faqs.reduce((n, f) => n + 1 + (f.alternates?.length ?? 0), 0);
    expect(fitted.samples).toEqual({ heldOut: phrasings, known: 0, probes: probes.length });
    expect(fitted.options.suggestThreshold).toBeLessThanOrEqual(fitted.options.answerThreshold);
    for (const v of Object.values(fitted.expected)) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('raises the answer band when fewer wrong answers are allowed', () => {
    const strict = selfCalibrate(faqs, build, DEFAULT_MATCHER_OPTIONS, { probes }, { ...DEFAULT_SELF_CALIBRATION, maxWrong: 0.002 });
    const loose = selfCalibrate(faqs, build, DEFAULT_MATCHER_OPTIONS, { probes }, { ...DEFAULT_SELF_CALIBRATION, maxWrong: 0.2 });
    expect(strict.options.answerThreshold).toBeGreaterThan(loose.options.answerThreshold);
    expect(strict.expected.confidentWrong).toBeLessThan(loose.expected.confidentWrong);
  });

  it('keeps the given bands when the KB has too few phrasings to learn from', () => {
    const tiny = [{ id: 'a', question: '怎么退货', alternates: ['退货流程'], answer: '…' }];
    expect(selfCalibrate(tiny, build, DEFAULT_MATCHER_OPTIONS, { probes }).options).toEqual(DEFAULT_MATCHER_OPTIONS);
  });
});
