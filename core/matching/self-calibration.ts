import { type Metrics, measure, type RankedItem } from './bands.js';
import { decide } from './decide.js';
import type { IndexableFaq } from './faq-index.js';
import type { Matcher } from './matcher.js';
import type { MatcherOptions } from './options.js';

export interface SelfCalibrationSettings {
  /** Highest expected share of wrong direct answers (over all messages, out-of-scope ones included). */
  maxWrong: number;
  /** Share of out-of-scope messages assumed in a store's traffic: the probes are weighed to it. */
  outOfScopeShare: number;
  /** At most this many held-out phrasings are asked (spread over the KB), so a large KB calibrates in bounded time. */
  maxSamples: number;
}

export const DEFAULT_SELF_CALIBRATION: SelfCalibrationSettings = { maxWrong: 0.02, outOfScopeShare: 0.2, maxSamples: 600 };

/**
 * How precise the dev-calibrated bands are on the built-in KB's own calibration questions (held-out phrasings and
 * weighed probes), and how much more often those are answered wrongly than dev-set customer messages. Measured
 * with `bench/calibrate.ts --self`.
 */
export const REFERENCE = {
  /** Right ÷ all direct answers. */
  answerPrecision: 0.834,
  /** Offered choices that include the right entry ÷ all offered choices. */
  choicesPrecision: 0.747,
  /** Wrong direct answers among customer messages ÷ among calibration questions, at the same bands (dev). */
  wrongFactor: 0.209,
};

/** Extra in-scope questions known to mean an entry (a linked library intent's phrasings). */
export interface KnownPhrasing {
  q: string;
  faqId: string;
}

export interface Calibration {
  options: MatcherOptions;
  /**
   * What the fitted bands do on the calibration questions (held-out phrasings and known phrasings as asked, probes
   * weighed to `outOfScopeShare`); `confidentWrong` is corrected by `REFERENCE.wrongFactor` to customer messages.
   */
  expected: Pick<Metrics, 'top1' | 'amongChoices' | 'direct' | 'decline' | 'confidentWrong' | 'answered'>;
  samples: { heldOut: number; known: number; probes: number };
  /** False when even the most cautious answer band expects more than `maxWrong`. */
  metTarget: boolean;
}

/** The calibration questions of a knowledge base, ranked: held-out phrasings, known phrasings, weighed probes. */
export function calibrationItems(
  entries: readonly IndexableFaq[], build: (entries: readonly IndexableFaq[]) => Matcher,
  sources: { probes: readonly string[]; known?: readonly KnownPhrasing[] }, settings: SelfCalibrationSettings = DEFAULT_SELF_CALIBRATION,
): { heldOut: RankedItem[]; known: RankedItem[]; probes: RankedItem[] } {
  const enabled = entries.filter((e) => e.enabled !== false);
  const heldOut = leaveOneOut(enabled, build, settings.maxSamples);
  const full = build(enabled);
  const ask = (q: string, expect: string | null): RankedItem => {
    const { smalltalk, ranked } = full.rank(q);
    return { expect, smalltalk: smalltalk !== undefined, ranked };
  };
  const known = (sources.known ?? []).map((k) => ask(k.q, k.faqId));
  const share = settings.outOfScopeShare;
  const probes = sources.probes.map((q) => ask(q, null));
  // Probes weigh `outOfScopeShare` of the total, however many there are.
  const weight = probes.length === 0 || share <= 0 ? 0 : ((heldOut.length + known.length) * share) / ((1 - share) * probes.length);
  return { heldOut, known, probes: probes.map((p) => ({ ...p, weight })) };
}

/**
 * Fits the answer / choices / fallback bands to one knowledge base so that they are as precise on its own
 * calibration questions as the dev-calibrated bands are on the built-in KB's: the lowest answer band whose direct
 * answers are right at least `REFERENCE.answerPrecision` of the time, then the lowest choices band whose offers
 * hold the right entry at least `REFERENCE.choicesPrecision` of the time. The answer band then rises, if needed,
 * until the expected share of wrong direct answers is within `maxWrong`.
 */
export function selfCalibrate(
  entries: readonly IndexableFaq[], build: (entries: readonly IndexableFaq[]) => Matcher, base: MatcherOptions,
  sources: { probes: readonly string[]; known?: readonly KnownPhrasing[] }, settings: SelfCalibrationSettings = DEFAULT_SELF_CALIBRATION,
): Calibration {
  const { heldOut, known, probes } = calibrationItems(entries, build, sources, settings);
  const items = [...heldOut, ...known, ...probes];
  const sizes = { heldOut: heldOut.length, known: known.length, probes: probes.length };
  if (heldOut.length + known.length < 10) return { options: base, expected: expectedAt(items, base), samples: sizes, metTarget: true };
  const grid = steps(0.15, 0.95, 0.025);
  const answerThreshold = grid.find((t) => precisionOf(items, { ...base, answerThreshold: t, suggestThreshold: t }).answers >= REFERENCE.answerPrecision) ?? 0.95;
  const suggestThreshold = grid.filter((t) => t <= answerThreshold)
    .find((t) => precisionOf(items, { ...base, answerThreshold, suggestThreshold: t }).choices >= REFERENCE.choicesPrecision) ?? answerThreshold;
  let options: MatcherOptions = { ...base, answerThreshold, suggestThreshold };
  while (expectedAt(items, options).confidentWrong > settings.maxWrong && options.answerThreshold < 1) {
    options = { ...options, answerThreshold: round(options.answerThreshold + 0.025) };
  }
  const expected = expectedAt(items, options);
  return { options, expected, samples: sizes, metTarget: expected.confidentWrong <= settings.maxWrong };
}

/** Right ÷ direct answers, and offers holding the right entry ÷ offers of choices (weighed). */
export function precisionOf(items: readonly RankedItem[], options: MatcherOptions): { answers: number; choices: number } {
  let answered = 0, right = 0, offered = 0, held = 0;
  for (const { expect, smalltalk, ranked, weight = 1 } of items) {
    if (smalltalk) continue;
    const { decision, matches } = decide(ranked, options);
    if (decision === 'answer') {
      answered += weight;
      if (matches[0]?.faqId === expect) right += weight;
    } else if (decision === 'choices') {
      offered += weight;
      if (matches.some((m) => m.faqId === expect)) held += weight;
    }
  }
  return { answers: answered === 0 ? 1 : right / answered, choices: offered === 0 ? 1 : held / offered };
}

const steps = (from: number, to: number, step: number): number[] =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => round(from + i * step));

function expectedAt(items: readonly RankedItem[], options: MatcherOptions): Calibration['expected'] {
  const { top1, amongChoices, direct, decline, confidentWrong, answered } = measure(items, options);
  return { top1, amongChoices, direct, decline, confidentWrong: confidentWrong * REFERENCE.wrongFactor, answered };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Phrasing position `k` (0 = the question) of every entry that has more than one phrasing, asked against the KB
 * where that entry lacks it. One rebuild per position, not per phrasing.
 */
function leaveOneOut(entries: readonly IndexableFaq[], build: (entries: readonly IndexableFaq[]) => Matcher, maxSamples: number): RankedItem[] {
  const phrasings = entries.map((e) => [e.question, ...(e.alternates ?? [])].filter((p) => p.trim() !== ''));
  const positions = Math.max(0, ...phrasings.map((p) => p.length));
  const total = phrasings.reduce((n, p) => n + (p.length > 1 ? p.length : 0), 0);
  const every = Math.max(1, Math.ceil(total / maxSamples));
  const items: RankedItem[] = [];
  let counter = 0;
  for (let k = 0; k < positions; k++) {
    const asked: { q: string; id: string }[] = [];
    const reduced = entries.map((entry, i) => {
      const own = phrasings[i] ?? [];
      if (own.length < 2 || k >= own.length || counter++ % every !== 0) return entry;
      asked.push({ q: own[k] as string, id: entry.id });
      const rest = own.filter((_, j) => j !== k);
      return { ...entry, question: rest[0] as string, alternates: rest.slice(1) };
    });
    if (asked.length === 0) continue;
    const matcher = build(reduced);
    for (const { q, id } of asked) {
      const { smalltalk, ranked } = matcher.rank(q);
      items.push({ expect: id, smalltalk: smalltalk !== undefined, ranked });
    }
  }
  return items;
}
