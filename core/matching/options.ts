import type { Lang } from '../types.js';
import type { SmalltalkKind } from './smalltalk.js';

export interface MatcherOptions {
  /** Best score needed to answer directly. */
  answerThreshold: number;
  /** Best score needed to offer choices; below it the matcher admits it does not know. */
  suggestThreshold: number;
  /** How far the best FAQ must lead the runner-up to answer instead of offering choices. */
  minMargin: number;
  maxChoices: number;
}

/** Calibrated on knowledge/eval/dev-set.json with `bench/calibrate.ts` (see bench/README.md). */
export const DEFAULT_MATCHER_OPTIONS: MatcherOptions = {
  answerThreshold: 0.375,
  suggestThreshold: 0.225,
  minMargin: 0.1,
  maxChoices: 3,
};

export type MatchDecision = 'answer' | 'choices' | 'fallback' | 'smalltalk';

export interface MatchCandidate {
  faqId: string;
  question: string;
  /** Roughly 0..1. */
  score: number;
  /** Normalized words the message shared with the FAQ (synonyms shown as their canonical word). */
  matchedTerms: string[];
  /** True when a linked library intent's phrasing, not the entry's own wording, produced the score. */
  viaLibrary?: boolean;
}

export interface MatchResult {
  decision: MatchDecision;
  lang: Lang;
  /**
   * Distinct FAQs, best first. For `answer` and `fallback`: the top 5. For `choices`: exactly the FAQs to offer
   * (1..maxChoices, usually 2–3; one when a single FAQ is plausible but not certain). Empty for `smalltalk`.
   */
  matches: MatchCandidate[];
  smalltalk?: SmalltalkKind;
}
