import { decide } from './decide.js';
import type { MatchCandidate, MatcherOptions } from './options.js';

/** A labelled question with the candidates a matcher ranked for it, before any threshold is applied. */
export interface RankedItem {
  expect: string | null;
  smalltalk?: boolean;
  ranked: MatchCandidate[];
  /** How much the item counts (default 1): self-calibration weighs its probes to an assumed share of the traffic. */
  weight?: number;
}

export interface Metrics {
  options: MatcherOptions;
  /** In-scope items whose answer or first offered choice is right ÷ in-scope items. */
  top1: number;
  /** In-scope items whose answer, or one of whose offered choices, is right ÷ in-scope items. */
  amongChoices: number;
  /** In-scope items answered directly with the right FAQ ÷ in-scope items. */
  direct: number;
  /** Out-of-scope items declined (fallback or small talk) ÷ out-of-scope items. */
  decline: number;
  /** Wrong direct answers, including any answer to an out-of-scope item ÷ all items. */
  confidentWrong: number;
  /** Items answered directly (right or wrong) ÷ all items. */
  answered: number;
  objective: number;
}

/** Answering wrongly costs more than asking back or declining: a wrong answer misleads the customer. */
export const WRONG_ANSWER_COST = 4;
/** A direct answer beats making the customer pick from choices, but counts far less than being right at all. */
export const DIRECT_ANSWER_BONUS = 0.5;

export function measure(items: readonly RankedItem[], options: MatcherOptions): Metrics {
  let hits = 0, among = 0, direct = 0, inScope = 0, declined = 0, outOfScope = 0, wrong = 0, answered = 0, all = 0;
  for (const { expect, smalltalk, ranked, weight = 1 } of items) {
    const { decision, matches } = smalltalk ? { decision: 'smalltalk', matches: [] } : decide(ranked, options);
    const offered = decision === 'answer' || decision === 'choices';
    const id = offered ? matches[0]?.faqId : undefined;
    all += weight;
    if (expect === null) {
      outOfScope += weight;
      if (!offered) declined += weight;
    } else {
      inScope += weight;
      if (id === expect) hits += weight;
      if (id === expect && decision === 'answer') direct += weight;
      const shown = decision === 'answer' ? matches.slice(0, 1) : decision === 'choices' ? matches : [];
      if (shown.some((m) => m.faqId === expect)) among += weight;
    }
    if (decision === 'answer') answered += weight;
    if (decision === 'answer' && id !== expect) wrong += weight;
  }
  const top1 = hits / Math.max(1e-9, inScope);
  const decline = declined / Math.max(1e-9, outOfScope);
  const directRate = direct / Math.max(1e-9, inScope);
  const confidentWrong = wrong / Math.max(1e-9, all);
  // Every item counts once: an in-scope question ranked right or an out-of-scope one declined.
  const overall = (hits + declined) / Math.max(1e-9, all);
  const objective = overall + DIRECT_ANSWER_BONUS * directRate - WRONG_ANSWER_COST * confidentWrong;
  return { options, top1, amongChoices: among / Math.max(1e-9, inScope), direct: directRate, decline, confidentWrong, answered: answered / Math.max(1e-9, all), objective };
}

/** Every threshold setting on a grid, best objective first. */
export function sweep(items: readonly RankedItem[], base: MatcherOptions, grid = { from: 0.15, to: 0.95 }): Metrics[] {
  const results: Metrics[] = [];
  for (let answer = grid.from; answer <= grid.to + 1e-9; answer += 0.025) {
    for (let suggest = grid.from; suggest <= answer + 1e-9; suggest += 0.025) {
      for (const minMargin of [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2]) {
        results.push(measure(items, { ...base, answerThreshold: round(answer), suggestThreshold: round(suggest), minMargin }));
      }
    }
  }
  // Equal objectives: prefer declining more, then fewer wrong answers (caution breaks ties).
  return results.sort((a, b) => round(b.objective - a.objective, 1e9) || b.decline - a.decline || a.confidentWrong - b.confidentWrong);
}

const round = (x: number, scale = 1000): number => Math.round(x * scale) / scale;
