import type { Lang } from '../types.js';
import { type Analysis, joinAnalyses, type TextAnalyzer } from './analyzer.js';
import { IndexBuilder } from './index-builder.js';
import type { ScoringWeights } from './scoring-weights.js';
import { type QueryTerms, queryTerms, type TermContext } from './query-terms.js';

/** What the index needs of an FAQ; `FaqEntry` and `FaqInput` both fit. */
export interface IndexableFaq {
  id: string;
  question: string;
  alternates?: readonly string[];
  enabled?: boolean;
  /** Indexed as a weak field: customers sometimes ask with words only the answer uses (银联, 驿站). */
  answer?: string;
  /** Phrasings of the library intents linked to the entry: weaker alternates (× `linked`). */
  linked?: readonly string[];
}

export interface FaqScore {
  faq: number;
  score: number;
  matchedTerms: string[];
  /** The score came from a linked library intent's phrasing. */
  viaLibrary: boolean;
}

/** Where an FAQ's score came from (a document index, or one of these), to list its matched words at the end. */
const FROM_PHRASINGS = -1;
const FROM_ANSWER = -2;
const FROM_NOWHERE = -3;
/** Best first; equal scores in FAQ order, so results never depend on postings order. */
const ahead = (score: number, faq: number, other: { faq: number; score: number }): boolean =>
  score > other.score || (score === other.score && faq < other.faq);

/**
 * Inverted index over questions and alternates; each FAQ scores as its best-matching phrasing. Scoring walks the
 * postings of the query's words and n-grams once (term at a time) into reused typed arrays: no per-document set
 * lookups and little garbage per message.
 */
export class FaqIndex {
  readonly faqs: { id: string; question: string; lang: Lang }[];
  private readonly ix: IndexBuilder;
  private readonly context: TermContext;
  // Per-document accumulators, reused by every call (matching is synchronous).
  private readonly bm25: Float64Array;
  private readonly shared: Float64Array;
  private readonly gramShared: Float64Array;
  private readonly candidate: Uint8Array;
  private readonly touched: Int32Array;
  // Per-FAQ accumulators.
  private readonly best: Float64Array;
  private readonly bestFrom: Int32Array;
  private readonly bestGrams: Float64Array;
  private readonly inPhrasings: Float64Array;
  private readonly withAnswer: Float64Array;
  private readonly faqSeen: Uint8Array;
  private readonly faqList: Int32Array;

  constructor(entries: readonly IndexableFaq[], analyzer: TextAnalyzer, private readonly weights: ScoringWeights) {
    this.ix = new IndexBuilder(entries, analyzer, weights);
    this.faqs = this.ix.faqs;
    this.context = { wordIdf: this.ix.wordIdf, unknownIdf: this.ix.unknownIdf, isCurated: (t) => analyzer.isCurated(t) };
    const docs = this.ix.docFaq.length;
    const faqs = this.faqs.length;
    this.bm25 = new Float64Array(docs);
    this.shared = new Float64Array(docs);
    this.gramShared = new Float64Array(docs);
    this.candidate = new Uint8Array(docs);
    this.touched = new Int32Array(docs);
    this.best = new Float64Array(faqs);
    this.bestFrom = new Int32Array(faqs);
    this.bestGrams = new Float64Array(faqs);
    this.inPhrasings = new Float64Array(faqs);
    this.withAnswer = new Float64Array(faqs);
    this.faqSeen = new Uint8Array(faqs);
    this.faqList = new Int32Array(faqs);
  }

  /**
   * Scores a message given clause by clause: each FAQ gets the better of its score for the whole message and, for
   * its best clause, the clause's own score times `clause` (≤ 1) times the clause's share of the message's known words.
   * Context around the question ("I bought a skirt last week, it's too small, ...") then dilutes it less, while
   * a clause of one generic word ("怎么处理") cannot outweigh the message.
   */
  scoreClauses(clauses: readonly Analysis[], limit: number): FaqScore[] {
    const joined = joinAnalyses(clauses);
    const whole = queryTerms(joined, this.context, this.weights);
    const found = this.score(whole, limit);
    const factor = this.weights.clause;
    if (clauses.length < 2 || factor <= 0 || whole.knownMass <= 0) return found;
    const best = new Map(found.map((s) => [s.faq, s]));
    for (const clause of clauses) {
      // A clause holding the whole message ("你好，怎么退货") scores as the message: nothing to add.
      if (clause.tokens.length === joined.tokens.length && clause.grams.length === joined.grams.length) continue;
      const query = queryTerms(clause, this.context, this.weights);
      if (query.knownMass <= 0) continue;
      const scale = (factor * query.knownMass) / whole.knownMass;
      for (const s of this.score(query, limit)) {
        const score = s.score * scale;
        if (score > (best.get(s.faq)?.score ?? -Infinity)) best.set(s.faq, { ...s, score });
      }
    }
    return [...best.values()].sort((x, y) => y.score - x.score || x.faq - y.faq).slice(0, limit);
  }

  /** The `limit` best FAQs sharing at least one word or n-gram with the query, best first. */
  private score(query: QueryTerms, limit: number): FaqScore[] {
    const { queryCoverage, words, otherLanguage, combined, answer } = this.weights;
    const ix = this.ix;
    const { terms, weights, idfs, mass } = query;
    let touched = 0;
    for (let k = 0; k < terms.length; k++) {
      const postings = ix.wordPostings.get(terms[k] as string);
      if (!postings) continue;
      const [w, idf] = [weights[k] as number, idfs[k] as number];
      const { docs, saturation } = postings;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number;
        if (this.candidate[d] === 0) {
          this.candidate[d] = 1;
          this.touched[touched++] = d;
        }
        // BM25 saturation is precomputed and capped at 1, so a repeated or short match never covers more than the word.
        this.bm25[d] = (this.bm25[d] as number) + w * idf * (saturation[i] as number);
        this.shared[d] = (this.shared[d] as number) + idf;
      }
    }
    let gramMass = 0;
    const gramLists: Int32Array[] = [];
    for (const g of query.grams) {
      const postings = ix.gramPostings.get(g);
      if (!postings) {
        gramMass += ix.unknownIdf;
        continue;
      }
      const { docs, idf } = postings;
      gramMass += idf;
      gramLists.push(docs);
      // Very common n-grams (型, 号 in a product catalogue) find no candidate worth scoring; they still count
      // towards the score of documents found through rarer words.
      const finds = docs.length <= ix.maxCandidatePostings;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number;
        if (finds && this.candidate[d] === 0) {
          this.candidate[d] = 1;
          this.touched[touched++] = d;
        }
        this.gramShared[d] = (this.gramShared[d] as number) + idf;
      }
    }

    let faqCount = 0;
    const seeFaq = (f: number): void => {
      if (this.faqSeen[f] === 0) {
        this.faqSeen[f] = 1;
        this.faqList[faqCount++] = f;
        this.best[f] = -Infinity;
        this.bestGrams[f] = 0;
      }
    };
    const zh = query.lang === 'zh';
    for (let i = 0; i < touched; i++) {
      const d = this.touched[i] as number;
      const f = ix.docFaq[d] as number;
      const wordScore = mass > 0 ? (queryCoverage * (this.bm25[d] as number)) / mass + ((1 - queryCoverage) * (this.shared[d] as number)) / (ix.docWordMass[d] as number) : 0;
      const gramTotal = gramMass + (ix.docGramMass[d] as number);
      const gramScore = gramTotal > 0 ? (2 * (this.gramShared[d] as number)) / gramTotal : 0;
      const language = (ix.faqZh[f] === 1) !== zh ? otherLanguage : 1;
      const own = ix.docWeight[d] === 1;
      const score = (ix.docWeight[d] as number) * language * (words * wordScore + (1 - words) * gramScore);
      seeFaq(f);
      if (own && gramScore > (this.bestGrams[f] as number)) this.bestGrams[f] = gramScore;
      if (score > (this.best[f] as number)) {
        this.best[f] = score;
        this.bestFrom[f] = d;
      }
      this.bm25[d] = 0;
      this.shared[d] = 0;
      this.candidate[d] = 0;
    }
    // Gram-only documents are cleared too: their accumulators were written even when they were not candidates.
    for (const docs of gramLists) for (let i = 0; i < docs.length; i++) this.gramShared[docs[i] as number] = 0;

    // FAQ-wide scores: the query's words found anywhere among the FAQ's phrasings, or in its answer too.
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k] as string;
      const share = (weights[k] as number) * (idfs[k] as number);
      for (const f of ix.faqWordPostings.get(t) ?? []) {
        this.inPhrasings[f] = (this.inPhrasings[f] as number) + share;
        this.withAnswer[f] = (this.withAnswer[f] as number) + share;
      }
      for (const f of ix.answerOnlyPostings.get(t) ?? []) {
        seeFaq(f);
        this.withAnswer[f] = (this.withAnswer[f] as number) + share;
      }
    }
    // Final per-FAQ scores, keeping only the `limit` best (insertion into a short sorted list).
    const top: { faq: number; score: number; from: number }[] = [];
    for (let i = 0; i < faqCount; i++) {
      const f = this.faqList[i] as number;
      let score = 0;
      let from = FROM_NOWHERE;
      if (this.best[f] !== -Infinity) {
        score = this.best[f] as number;
        from = this.bestFrom[f] as number;
      }
      if (mass > 0) {
        const language = (ix.faqZh[f] === 1) !== zh ? otherLanguage : 1;
        // The n-gram part is the best single phrasing's: characters do not add up across phrasings the way words do.
        const gramPart = (1 - words) * (this.bestGrams[f] as number);
        const phrasingScore = language * combined * ((words * (this.inPhrasings[f] as number)) / mass + gramPart);
        const answerScore = language * answer * ((words * (this.withAnswer[f] as number)) / mass + gramPart);
        if (phrasingScore > score) [score, from] = [phrasingScore, FROM_PHRASINGS];
        if (answerScore > score) [score, from] = [answerScore, FROM_ANSWER];
      }
      this.faqSeen[f] = 0;
      this.inPhrasings[f] = 0;
      this.withAnswer[f] = 0;
      if (top.length === limit && !ahead(score, f, top[limit - 1] as { faq: number; score: number })) continue;
      let at = Math.min(top.length, limit - 1);
      while (at > 0 && ahead(score, f, top[at - 1] as { faq: number; score: number })) at--;
      top.splice(at, 0, { faq: f, score, from });
      if (top.length > limit) top.pop();
    }
    return top.map(({ faq, score, from }) => ({ faq, score, matchedTerms: this.matched(terms, faq, from), viaLibrary: from >= 0 && ix.docWeight[from] !== 1 }));
  }

  private matched(terms: readonly string[], faq: number, from: number): string[] {
    const { docTerms, faqWords, answerWords } = this.ix;
    const has =
      from >= 0 ? (t: string) => docTerms[from]?.has(t) === true
      : from === FROM_PHRASINGS ? (t: string) => faqWords[faq]?.has(t) === true
      : from === FROM_ANSWER ? (t: string) => faqWords[faq]?.has(t) === true || answerWords[faq]?.has(t) === true
      : () => false;
    return terms.filter(has);
  }
}
