import type { MatchCandidate, MatchDecision, MatcherOptions } from './options.js';

/** Turns ranked candidates (best first) into a decision; pure, so thresholds can be swept without re-matching. */
export function decide(ranked: readonly MatchCandidate[], options: MatcherOptions): { decision: MatchDecision; matches: MatchCandidate[] } {
  const { answerThreshold, suggestThreshold, minMargin, maxChoices } = options;
  const best = ranked[0]?.score ?? 0;
  const runnerUp = ranked[1]?.score ?? 0;
  if (best < suggestThreshold) return { decision: 'fallback', matches: [...ranked] };
  if (best >= answerThreshold && best - runnerUp >= minMargin) return { decision: 'answer', matches: [...ranked] };
  // Offer the FAQs that are plausible in their own right and not far behind the best one.
  const floor = Math.max(suggestThreshold * 0.75, best - 0.25);
  const choices = ranked.slice(0, Math.max(1, maxChoices)).filter((m, i) => i === 0 || m.score >= floor);
  return { decision: 'choices', matches: choices };
}
