import type { Lang } from '../types.js';
import type { Analysis } from './analyzer.js';
import type { ScoringWeights } from './scoring-weights.js';
import { WEAK_WORDS } from './stopwords.js';

/** A query's distinct words with their weights and idf, and its distinct n-grams; computed once per analysis. */
export interface QueryTerms {
  lang: Lang;
  terms: string[];
  weights: number[];
  idfs: number[];
  /** Σ weight × idf over all words, and over the words the knowledge base uses. */
  mass: number;
  knownMass: number;
  grams: string[];
}

/** What weighting needs to know of the index and the synonym table. */
export interface TermContext {
  wordIdf: ReadonlyMap<string, number>;
  unknownIdf: number;
  isCurated(key: string): boolean;
}

/** Order numbers, prices, quantities, sizes (38, 20240518123456, m, xl): context, not what the message asks. */
const CODE = /\d|^(?:[a-z]|x*[sml])$/;

/** Curated words count more; corrected typos, generic words and unknown codes less. */
export function queryTerms(analysis: Analysis, context: TermContext, weights: ScoringWeights): QueryTerms {
  const query: QueryTerms = { lang: analysis.lang, terms: [], weights: [], idfs: [], mass: 0, knownMass: 0, grams: [...new Set(analysis.grams)] };
  for (const t of new Set(analysis.tokens)) {
    const known = context.wordIdf.get(t);
    const weak = WEAK_WORDS.has(t) || (known === undefined && CODE.test(t));
    let weight = analysis.corrected.has(t) ? weights.corrected : weak ? weights.weak : 1;
    if (context.isCurated(t)) weight *= weights.curated;
    const idf = known ?? context.unknownIdf;
    query.terms.push(t);
    query.weights.push(weight);
    query.idfs.push(idf);
    query.mass += weight * idf;
    if (known !== undefined) query.knownMass += weight * idf;
  }
  // Implied words count only where the knowledge base uses them (拉萨 → 偏远地区 in 「偏远地区发货吗」), and they add
  // nothing to the message's mass: a message is not less covered for implying words no FAQ uses.
  for (const [t, weight] of analysis.broader) {
    const idf = context.wordIdf.get(t);
    if (idf === undefined || query.terms.includes(t)) continue;
    query.terms.push(t);
    query.weights.push(weight);
    query.idfs.push(idf);
  }
  return query;
}
