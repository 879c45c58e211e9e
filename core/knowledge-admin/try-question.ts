import type { KnowledgeBase } from '../knowledge-base.js';
import type { MatchCandidate, MatchDecision, MatcherOptions } from '../matching/index.js';
import type { Lang } from '../types.js';

export interface TriedQuestion {
  decision: MatchDecision;
  lang: Lang;
  smalltalk?: string;
  /** The FAQ the bot would answer with, for `answer`. */
  answer?: { faqId: string; question: string; text: string };
  /** The top candidates, best first; `offered` marks the ones the bot would list for `choices`. */
  matches: (MatchCandidate & { offered: boolean })[];
  thresholds: MatcherOptions;
  /** Why the matcher decided as it did, in one sentence. */
  why: string;
}

/** What the live bot would make of a customer message, with the evidence: scores, matched terms, thresholds. */
export async function tryQuestion(knowledge: KnowledgeBase, text: string): Promise<TriedQuestion> {
  const { matcher, entries } = await knowledge.current();
  const result = matcher.match(text);
  const { ranked } = matcher.rank(text);
  const offered = new Set(result.decision === 'choices' ? result.matches.map((m) => m.faqId) : []);
  const best = result.decision === 'answer' ? result.matches[0] : undefined;
  const entry = best ? entries.get(best.faqId) : undefined;
  return {
    decision: result.decision,
    lang: result.lang,
    ...(result.smalltalk ? { smalltalk: result.smalltalk } : {}),
    ...(best && entry ? { answer: { faqId: entry.id, question: entry.question, text: entry.answer } } : {}),
    matches: ranked.map((m) => ({ ...m, offered: offered.has(m.faqId) })),
    thresholds: matcher.options,
    why: explain(result.decision, ranked, matcher.options, result.smalltalk),
  };
}

function explain(decision: MatchDecision, ranked: MatchCandidate[], o: MatcherOptions, smalltalk?: string): string {
  const best = ranked[0]?.score ?? 0;
  const margin = best - (ranked[1]?.score ?? 0);
  const f = (n: number) => n.toFixed(3);
  switch (decision) {
    case 'smalltalk':
      return `Recognised as small talk (${smalltalk ?? 'greeting'}): the bot replies without searching the FAQ.`;
    case 'fallback':
      return ranked.length === 0
        ? 'No FAQ shares any word with the message.'
        : `Best score ${f(best)} is below the suggest threshold ${f(o.suggestThreshold)}: the bot says it does not know.`;
    case 'answer':
      return `Best score ${f(best)} ≥ answer threshold ${f(o.answerThreshold)} and leads the runner-up by ${f(margin)} ≥ ${f(o.minMargin)}.`;
    case 'choices':
      return best >= o.answerThreshold
        ? `Best score ${f(best)} is high enough, but leads the runner-up by only ${f(margin)} (< ${f(o.minMargin)}): the bot asks which one.`
        : `Best score ${f(best)} is between the suggest (${f(o.suggestThreshold)}) and answer (${f(o.answerThreshold)}) thresholds: the bot asks which one.`;
  }
}
