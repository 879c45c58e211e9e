/**
 * Sweeps the matcher's decision thresholds (and, with --weights, its scoring weights) on the DEV set only and
 * prints the trade-off between answering, declining and answering wrongly. Never tune on the held-out test set.
 *   npm run build && node dist/bench/calibrate.js [--weights]
 */
import { DEFAULT_LEXICON_WEIGHTS, DEFAULT_MATCHER_OPTIONS, calibrationItems, IntentLibrary, type IndexableFaq, proposeLinks, withLinkedPhrasings, precisionOf, REFERENCE, selfCalibrate, DEFAULT_WEIGHTS, Matcher, type MatcherBuildOptions, type ScoringWeights } from '../core/matching/index.js';
import { loadBuiltinFaqs, loadBuiltinSynonyms, loadEvalSet, loadLexicon, loadLibrary, loadOutOfScopeProbes } from '../knowledge/index.js';
import { describe, DIRECT_ANSWER_BONUS, measure, type RankedItem, sweep, WRONG_ANSWER_COST } from './sweep.js';

function rankDev(weights: Partial<ScoringWeights>, extra: MatcherBuildOptions = { lexicon: loadLexicon() }): RankedItem[] {
  const matcher = Matcher.build(loadBuiltinFaqs(), { synonyms: loadBuiltinSynonyms(), weights, ...extra });
  return loadEvalSet('dev').map(({ q, expect }) => {
    const { smalltalk, ranked } = matcher.rank(q);
    return { expect, smalltalk: smalltalk !== undefined, ranked };
  });
}

function sweepWeights(): void {
  console.log('scoring weights → best threshold setting for them on the dev set');
  const rows: { weights: ScoringWeights; line: string; objective: number }[] = [];
  for (const curated of [1.5, 2, 2.5])
    for (const words of [0.4, 0.5, 0.6])
      for (const weak of [0.3, 0.6]) {
        const weights = { ...DEFAULT_WEIGHTS, curated, words, weak };
        const [best] = sweep(rankDev(weights), DEFAULT_MATCHER_OPTIONS);
        if (best) rows.push({ weights, line: describe(best), objective: best.objective });
      }
  rows.sort((x, y) => y.objective - x.objective);
  for (const { weights: w, line } of rows.slice(0, 12))
    console.log(`curated ${w.curated} words ${w.words} weak ${w.weak}  →  ${line}`);
}

function sweepThresholds(): void {
  const items = rankDev({});
  const results = sweep(items, DEFAULT_MATCHER_OPTIONS);
  console.log(`dev set: ${items.length} items; objective = right ÷ all items (in scope: top-1 right; out of scope: declined) + ${DIRECT_ANSWER_BONUS} × direct − ${WRONG_ANSWER_COST} × confident-wrong\n`);
  console.log(`current defaults:\n  ${describe(measure(items, DEFAULT_MATCHER_OPTIONS))}\n`);
  console.log('best threshold settings:');
  for (const m of results.slice(0, 10)) console.log(`  ${describe(m)}`);
  console.log('\ntrade-off — most direct answers reachable under each confident-wrong budget (top-1 within 2 points of the best):');
  const bestTop1 = Math.max(...results.map((m) => m.top1));
  for (const budget of [0, 0.01, 0.02, 0.04, 0.08]) {
    const pick = results
      .filter((m) => m.confidentWrong <= budget + 1e-9 && m.top1 >= bestTop1 - 0.02)
      .sort((a, b) => b.direct - a.direct || b.decline - a.decline)[0];
    if (pick) console.log(`  ≤${(budget * 100).toFixed(0)}%: ${describe(pick)}`);
  }
}

/** The lexicon off, then each kind's is-a weight varied alone around the defaults (coordinate search). */
function sweepLexicon(): void {
  const line = (label: string, extra: MatcherBuildOptions): void => {
    const items = rankDev({}, extra);
    console.log(`${label.padEnd(28)} defaults: ${describe(measure(items, DEFAULT_MATCHER_OPTIONS))}\n${''.padEnd(28)} best:     ${describe(sweep(items, DEFAULT_MATCHER_OPTIONS)[0] as ReturnType<typeof measure>)}`);
  };
  line('no lexicon', {});
  const lexicon = loadLexicon();
  const base = DEFAULT_LEXICON_WEIGHTS;
  const everyKind = (value: number): Record<string, number> => Object.fromEntries(Object.keys(base.kinds).map((k) => [k, value]));
  line('lexicon, default weights', { lexicon });
  for (const synonym of [0, 0.5, 1]) line(`synonym ${synonym}`, { lexicon, lexiconWeights: { ...base, synonym } });
  for (const value of [0, 0.25, 1]) line(`every kind ${value}`, { lexicon, lexiconWeights: { ...base, kinds: everyKind(value) } });
  if (!process.argv.includes('--kinds')) return;
  for (const kind of Object.keys(base.kinds))
    for (const value of [0, 1]) line(`${kind} ${value}`, { lexicon, lexiconWeights: { ...base, kinds: { ...base.kinds, [kind]: value } } });
}

/**
 * Self-calibration's reference (dev only): where the dev-calibrated bands sit among the built-in KB's held-out
 * phrasings, how wrong answers there compare with dev, and what the fitted bands then do on dev.
 */
function sweepSelfCalibration(): void {
  const faqs = loadBuiltinFaqs();
  const options = { synonyms: loadBuiltinSynonyms(), lexicon: loadLexicon() };
  const build = (e: readonly IndexableFaq[]): Matcher => Matcher.build(e, options);
  const dev = rankDev({}, { lexicon: options.lexicon });
  const { heldOut, probes } = calibrationItems(faqs, build, { probes: loadOutOfScopeProbes() });
  const precision = precisionOf([...heldOut, ...probes], DEFAULT_MATCHER_OPTIONS);
  const atDefaults = measure([...heldOut, ...probes], DEFAULT_MATCHER_OPTIONS);
  const devAtDefaults = measure(dev, DEFAULT_MATCHER_OPTIONS);
  console.log(`built-in KB, ${heldOut.length} held-out phrasings: answerPrecision ${precision.answers.toFixed(3)} ` +
    `choicesPrecision ${precision.choices.toFixed(3)} wrongFactor ${(devAtDefaults.confidentWrong / atDefaults.confidentWrong).toFixed(3)} ` +
    `(calibration-set wrong ${(atDefaults.confidentWrong * 100).toFixed(1)}%, dev ${(devAtDefaults.confidentWrong * 100).toFixed(1)}%)`);
  console.log(`dev at DEFAULT_MATCHER_OPTIONS:   ${describe(devAtDefaults)}`);
  const fitted = selfCalibrate(faqs, build, DEFAULT_MATCHER_OPTIONS, { probes: loadOutOfScopeProbes() });
  const e = fitted.expected;
  console.log(`self-calibrated with REFERENCE ${JSON.stringify(REFERENCE)}: expected direct ${(e.direct * 100).toFixed(1)}% wrong ${(e.confidentWrong * 100).toFixed(1)}%`);
  console.log(`dev at the fitted bands:         ${describe(measure(dev, fitted.options))}`);
}

/** Library links on the built-in KB, scored on dev: the link threshold and the weight of library phrasings. */
function sweepLibrary(): void {
  const options = { synonyms: loadBuiltinSynonyms(), lexicon: loadLexicon() };
  const library = IntentLibrary.build(loadLibrary(), options);
  const faqs = loadBuiltinFaqs();
  const show = (label: string, items: RankedItem[]): void =>
    console.log(`${label.padEnd(30)} defaults: ${describe(measure(items, DEFAULT_MATCHER_OPTIONS))}\n${''.padEnd(30)} best:     ${describe(sweep(items, DEFAULT_MATCHER_OPTIONS)[0] as ReturnType<typeof measure>)}`);
  show('no library', rankDev({}, { lexicon: options.lexicon }));
  for (const [minScore, maxPerEntry] of [[0.6, 1], [0.7, 1], [0.8, 1], [0.7, 2]] as const) {
    const links = proposeLinks(faqs, library, [], { minScore, maxPerEntry });
    for (const linked of [0.5, 0.6, 0.7]) {
      const matcher = Matcher.build(withLinkedPhrasings(faqs, links, library), { ...options, weights: { linked } });
      const items = loadEvalSet('dev').map(({ q, expect }) => {
        const { smalltalk, ranked } = matcher.rank(q);
        return { expect, smalltalk: smalltalk !== undefined, ranked };
      });
      show(`≥ ${minScore} ×${maxPerEntry} (${links.length}), weight ${linked}`, items);
    }
  }
}

if (process.argv.includes('--weights')) sweepWeights();
else if (process.argv.includes('--library')) sweepLibrary();
else if (process.argv.includes('--self')) sweepSelfCalibration();
else if (process.argv.includes('--lexicon')) sweepLexicon();
else sweepThresholds();
