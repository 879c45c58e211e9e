import { normalizeForMatch, segment } from '../matching/index.js';
import { STOPWORDS } from '../matching/stopwords.js';
import type { UnansweredQuestion, UnansweredReason } from '../types.js';

export interface QuestionGroup {
  /** The id of the group's first question; stable while that question stays open. */
  id: string;
  /** The most common wording (as first written). */
  text: string;
  count: number;
  questionIds: string[];
  /** Distinct wordings, most common first (at most 10). */
  samples: string[];
  reasons: Partial<Record<UnansweredReason, number>>;
  conversations: number;
  /** The FAQ the matcher most often came closest to, and its best score. */
  bestFaqId: string | null;
  bestScore: number | null;
  firstAt: Date;
  lastAt: Date;
}

/** Two questions with at least this token-set overlap (Jaccard) are taken as the same question. */
export const DEFAULT_SIMILARITY = 0.6;

interface Keyed {
  q: UnansweredQuestion;
  normalized: string;
  tokens: Set<string>;
}

/** The words that carry a question's meaning, as the matcher segments them. */
export function questionTokens(text: string): { normalized: string; tokens: Set<string> } {
  const normalized = normalizeForMatch(text);
  const tokens = segment(normalized).map((p) => p.key).filter((k) => !STOPWORDS.has(k));
  return { normalized, tokens: new Set(tokens) };
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups questions by normalized text, then by token-set similarity to each group's first question (not to every
 * member, so groups cannot drift by chaining). Largest groups first, then the most recent.
 */
export function groupQuestions(questions: readonly UnansweredQuestion[], similarity = DEFAULT_SIMILARITY): QuestionGroup[] {
  const ordered = [...questions].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const groups: Keyed[][] = [];
  const byText = new Map<string, number>();
  const byToken = new Map<string, number[]>();
  for (const q of ordered) {
    const item: Keyed = { q, ...questionTokens(q.text) };
    let at = byText.get(item.normalized);
    if (at === undefined) {
      let best = similarity;
      const candidates = new Set([...item.tokens].flatMap((t) => byToken.get(t) ?? []));
      for (const g of candidates) {
        const head = groups[g]?.[0];
        const score = head ? jaccard(item.tokens, head.tokens) : 0;
        if (score >= best) [best, at] = [score, g];
      }
    }
    if (at === undefined) {
      at = groups.push([]) - 1;
      for (const t of item.tokens) byToken.set(t, [...(byToken.get(t) ?? []), at]);
    }
    byText.set(item.normalized, at);
    groups[at]?.push(item);
  }
  return groups.map(summarize).sort((a, b) => b.count - a.count || b.lastAt.getTime() - a.lastAt.getTime());
}

function summarize(members: Keyed[]): QuestionGroup {
  const wordings = new Map<string, { text: string; n: number }>();
  const reasons: Partial<Record<UnansweredReason, number>> = {};
  const suggestions = new Map<string, number>();
  let bestScore: number | null = null;
  for (const { q, normalized } of members) {
    const w = wordings.get(normalized);
    wordings.set(normalized, { text: w?.text ?? q.text, n: (w?.n ?? 0) + 1 });
    reasons[q.reason] = (reasons[q.reason] ?? 0) + 1;
    if (q.bestFaqId) suggestions.set(q.bestFaqId, (suggestions.get(q.bestFaqId) ?? 0) + 1);
    if (q.bestScore !== null) bestScore = Math.max(bestScore ?? 0, q.bestScore);
  }
  const samples = [...wordings.values()].sort((a, b) => b.n - a.n).map((w) => w.text);
  const first = members[0] as Keyed;
  const last = members[members.length - 1] as Keyed;
  return {
    id: first.q.id,
    text: samples[0] ?? first.q.text,
    count: members.length,
    questionIds: members.map((m) => m.q.id),
    samples: samples.slice(0, 10),
    reasons,
    conversations: new Set(members.map((m) => m.q.conversationId)).size,
    bestFaqId: [...suggestions].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    bestScore,
    firstAt: first.q.createdAt,
    lastAt: last.q.createdAt,
  };
}
