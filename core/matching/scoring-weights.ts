/** How the index turns word and character overlap into one 0..1-ish score. Tuned with bench/calibrate.ts. */
export interface ScoringWeights {
  k1: number;
  b: number;
  /** Share of query coverage (vs. document coverage) in the word score. */
  queryCoverage: number;
  /** Share of the word score (vs. character n-grams) in the final score. */
  words: number;
  /** Score multiplier for an FAQ written in another language than the message. */
  otherLanguage: number;
  /** Weight of a query word that only exists after typo correction. */
  corrected: number;
  /** Weight of a query word the knowledge base never uses, relative to the rarest word it does use. */
  unknown: number;
  /** Discount on the FAQ-wide score, where query words may come from different phrasings of the same FAQ. */
  combined: number;
  /** Discount on the FAQ-wide score when the answer's words count too (0 ignores answers). */
  answer: number;
  /** Weight of a single Chinese character relative to a character bigram in the n-gram score. */
  character: number;
  /** Weight of a synonym group's canonical word relative to other words: curated shop words carry the intent. */
  curated: number;
  /** Weight of a generic word (衣服, 商品) or of a code the knowledge base never uses (a number, a size like xl). */
  weak: number;
  /** Multiplier (≤ 1) on a clause's own score, times its share of the message's known words (0: whole message only). */
  clause: number;
  /** Multiplier (< 1) on a score won through a linked library intent's phrasing rather than the entry's own. */
  linked: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = { k1: 1.2, b: 0.3, queryCoverage: 0.9, words: 0.5, otherLanguage: 0.7, corrected: 0.8,
  unknown: 1.5, combined: 0.85, answer: 0.4, character: 1, curated: 2.5, weak: 0.3, clause: 1, linked: 0.5 };
