import type { Matcher } from './matcher.js';
import type { MatchDecision } from './options.js';

export interface LabelledQuestion {
  q: string;
  /** The FAQ id that answers it, or null when the knowledge base does not cover it. */
  expect: string | null;
}

export interface EvaluatedQuestion extends LabelledQuestion {
  decision: MatchDecision;
  /** The answered FAQ, or the first choice; null for fallback and small talk. */
  faqId: string | null;
  correct: boolean;
}

export interface Evaluation {
  total: number;
  /** In-scope items whose answer, or whose first offered choice, is the expected FAQ ÷ in-scope items. */
  top1Accuracy: number;
  /** Out-of-scope items that got fallback or small talk ÷ out-of-scope items. */
  correctDeclineRate: number;
  /** Items answered (not choices) with a wrong FAQ, including any answer to an out-of-scope item ÷ all items. */
  confidentWrongRate: number;
  results: EvaluatedQuestion[];
}

export function evaluate(matcher: Matcher, items: readonly LabelledQuestion[]): Evaluation {
  const results = items.map(({ q, expect }): EvaluatedQuestion => {
    const { decision, matches } = matcher.match(q);
    const offered = decision === 'answer' || decision === 'choices';
    const faqId = offered ? (matches[0]?.faqId ?? null) : null;
    const correct = expect === null ? !offered : faqId === expect;
    return { q, expect, decision, faqId, correct };
  });
  const inScope = results.filter((r) => r.expect !== null);
  const outOfScope = results.filter((r) => r.expect === null);
  const confidentWrong = results.filter((r) => r.decision === 'answer' && r.faqId !== r.expect);
  return {
    total: results.length,
    top1Accuracy: ratio(inScope.filter((r) => r.correct).length, inScope.length),
    correctDeclineRate: ratio(outOfScope.filter((r) => r.correct).length, outOfScope.length),
    confidentWrongRate: ratio(confidentWrong.length, results.length),
    results,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
