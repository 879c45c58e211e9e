import type { Lang, LexiconEntry } from '../types.js';
import { TextAnalyzer } from './analyzer.js';
import { decide } from './decide.js';
import { FaqIndex, type IndexableFaq } from './faq-index.js';
import type { LexiconWeights } from './lexicon.js';
import { clausesForMatch } from './normalize.js';
import { DEFAULT_MATCHER_OPTIONS, type MatchCandidate, type MatcherOptions, type MatchResult } from './options.js';
import { DEFAULT_WEIGHTS, type ScoringWeights } from './scoring-weights.js';
import { detectLang } from './segment.js';
import { smalltalkOfNormalized, type SmalltalkKind } from './smalltalk.js';

export interface MatcherBuildOptions extends Partial<MatcherOptions> {
  synonyms?: readonly (readonly string[])[];
  /** The domain lexicon (knowledge/lexicon): its synonyms normalize words, its is-a links add broader words to queries. */
  lexicon?: readonly LexiconEntry[];
  /** How much lexicon synonyms and each kind's is-a links count; tuned with bench/calibrate.ts --lexicon. */
  lexiconWeights?: LexiconWeights;
  /** Scoring internals; tuned with bench/calibrate.ts, rarely worth changing. */
  weights?: Partial<ScoringWeights>;
}

const MAX_MESSAGE_CHARS = 500;
const TOP = 5;

/** Finds the FAQ a customer message asks about — or says it does not know. Pure and synchronous; rebuild on KB change. */
export class Matcher {
  private constructor(
    private readonly analyzer: TextAnalyzer,
    private readonly index: FaqIndex,
    readonly options: MatcherOptions,
  ) {}

  /** Indexes the enabled entries; `FaqInput` objects work too (missing `enabled` means enabled). */
  static build(entries: readonly IndexableFaq[], options: MatcherBuildOptions = {}): Matcher {
    const { synonyms = [], lexicon, lexiconWeights, weights, ...rest } = options;
    const analyzer = new TextAnalyzer(synonyms, lexicon ? { entries: lexicon, weights: lexiconWeights } : undefined);
    const index = new FaqIndex(entries, analyzer, { ...DEFAULT_WEIGHTS, ...weights });
    const merged = { ...DEFAULT_MATCHER_OPTIONS, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
    return new Matcher(analyzer, index, merged);
  }

  get size(): number {
    return this.index.faqs.length;
  }

  match(text: string): MatchResult {
    const { lang, smalltalk, ranked } = this.rank(text);
    if (smalltalk) return { decision: 'smalltalk', lang, matches: [], smalltalk };
    return { lang, ...decide(ranked, this.options) };
  }

  /** The top candidates before any decision (small talk short-circuits). For calibration and admin previews. */
  rank(text: string): { lang: Lang; smalltalk?: SmalltalkKind; ranked: MatchCandidate[] } {
    const message = text.slice(0, MAX_MESSAGE_CHARS);
    const clauses = clausesForMatch(message);
    const normalized = clauses.join(' ');
    const lang = detectLang(normalized);
    const smalltalk = smalltalkOfNormalized(normalized);
    if (smalltalk) return { lang, smalltalk, ranked: [] };
    const ranked = this.index
      .scoreClauses(clauses.map((c) => this.analyzer.analyzeNormalizedQuery(c)), TOP)
      .flatMap(({ faq, score, matchedTerms, viaLibrary }) => {
        const entry = this.index.faqs[faq];
        return entry ? [{ faqId: entry.id, question: entry.question, score: round(score), matchedTerms, ...(viaLibrary ? { viaLibrary } : {}) }] : [];
      });
    return { lang, ranked };
  }
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
