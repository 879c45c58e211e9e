import type { LibraryIntent } from '../types.js';
import type { IndexableFaq } from './faq-index.js';
import { Matcher, type MatcherBuildOptions } from './matcher.js';
import { detectLang } from './segment.js';

/** A store entry's link to a library intent: proposed with a score, then accepted or rejected by an admin. */
export interface LibraryLink {
  faqId: string;
  intentId: string;
  score: number;
  status: 'proposed' | 'accepted' | 'rejected';
}

export interface LinkSettings {
  /** Lowest score (an entry phrasing ranked against the library) for a link to be proposed and used. */
  minScore: number;
  /** At most this many intents per entry. */
  maxPerEntry: number;
}

/** Calibrated on the dev set with `bench/calibrate.ts --library`. */
export const DEFAULT_LINK_SETTINGS: LinkSettings = { minScore: 0.8, maxPerEntry: 1 };

const EN = '@en';
const MAX_REMEMBERED = 20_000;

/** The intent library as a matcher of its own: each intent's Chinese and English phrasings, ranked like FAQs. */
export class IntentLibrary {
  /** Each phrasing's ranking, kept: a KB is re-linked on every change, and most of its phrasings did not change. */
  private readonly ranked = new Map<string, { faqId: string; score: number }[]>();

  private constructor(
    private readonly matcher: Matcher,
    private readonly intents: ReadonlyMap<string, LibraryIntent>,
  ) {}

  static build(intents: readonly LibraryIntent[], options: Pick<MatcherBuildOptions, 'synonyms' | 'lexicon'> = {}): IntentLibrary {
    const entries = intents.flatMap((i) => [
      { id: i.id, question: i.title.zh, alternates: i.phrasings.zh },
      ...(i.phrasings.en.length > 0 ? [{ id: `${i.id}${EN}`, question: i.title.en, alternates: i.phrasings.en }] : []),
    ]);
    return new IntentLibrary(Matcher.build(entries, options), new Map(intents.map((i) => [i.id, i])));
  }

  get size(): number {
    return this.intents.size;
  }

  intent(id: string): LibraryIntent | undefined {
    return this.intents.get(id);
  }

  /** Intents an entry means, best first: each of its phrasings ranked against the library, an intent keeping its best score. */
  propose(entry: IndexableFaq, settings: LinkSettings = DEFAULT_LINK_SETTINGS): { intentId: string; score: number }[] {
    const best = new Map<string, number>();
    for (const text of [entry.question, ...(entry.alternates ?? [])]) {
      for (const { faqId, score } of this.rankOnce(text)) {
        const id = faqId.endsWith(EN) ? faqId.slice(0, -EN.length) : faqId;
        if (score > (best.get(id) ?? 0)) best.set(id, score);
      }
    }
    return [...best].filter(([, score]) => score >= settings.minScore).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, settings.maxPerEntry).map(([intentId, score]) => ({ intentId, score }));
  }

  private rankOnce(text: string): { faqId: string; score: number }[] {
    let found = this.ranked.get(text);
    if (!found) {
      if (this.ranked.size >= MAX_REMEMBERED) this.ranked.clear();
      found = this.matcher.rank(text).ranked.slice(0, 3).map(({ faqId, score }) => ({ faqId, score }));
      this.ranked.set(text, found);
    }
    return found;
  }

  /** The phrasings an entry gets from an intent: those in the entry's language. */
  phrasingsFor(entry: IndexableFaq, intentId: string): string[] {
    const intent = this.intents.get(intentId);
    if (!intent) return [];
    return detectLang(entry.question) === 'en' && intent.phrasings.en.length > 0 ? intent.phrasings.en : intent.phrasings.zh;
  }
}

/**
 * Proposed links for every entry; an intent goes to one entry only (the one it scores best with), so two entries
 * never share a library phrasing. Decisions already taken (accepted, rejected) are kept as they are.
 */
export function proposeLinks(
  entries: readonly IndexableFaq[], library: IntentLibrary, decided: readonly LibraryLink[] = [], settings: LinkSettings = DEFAULT_LINK_SETTINGS,
): LibraryLink[] {
  const taken = new Set(decided.map((l) => `${l.faqId}\u0000${l.intentId}`));
  const candidates = entries.filter((e) => e.enabled !== false)
    .flatMap((e) => library.propose(e, settings).map((p) => ({ faqId: e.id, ...p, status: 'proposed' as const })))
    .filter((l) => !taken.has(`${l.faqId}\u0000${l.intentId}`))
    .sort((a, b) => b.score - a.score);
  const owner = new Map(decided.filter((l) => l.status === 'accepted').map((l) => [l.intentId, l.faqId]));
  const proposed: LibraryLink[] = [];
  for (const link of candidates) {
    if (owner.has(link.intentId)) continue;
    owner.set(link.intentId, link.faqId);
    proposed.push(link);
  }
  return [...decided, ...proposed];
}

/** The entries with the phrasings of their linked intents (proposed or accepted; never rejected) as weaker alternates. */
export function withLinkedPhrasings<T extends IndexableFaq>(entries: readonly T[], links: readonly LibraryLink[], library: IntentLibrary): T[] {
  const byFaq = new Map<string, string[]>();
  for (const l of links) if (l.status !== 'rejected') byFaq.set(l.faqId, [...(byFaq.get(l.faqId) ?? []), l.intentId]);
  return entries.map((e) => {
    const intents = byFaq.get(e.id);
    return intents ? { ...e, linked: intents.flatMap((id) => library.phrasingsFor(e, id)) } : e;
  });
}
