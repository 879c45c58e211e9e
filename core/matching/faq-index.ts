import type { Lang } from '../types.js';
import type { Analysis, TextAnalyzer } from './analyzer.js';
import type { ScoringWeights } from './scoring-weights.js';
import { detectLang } from './segment.js';

/** What the index needs of an FAQ; `FaqEntry` and `FaqInput` both fit. */
export interface IndexableFaq {
  id: string;
  question: string;
  alternates?: readonly string[];
  enabled?: boolean;
  /** Indexed as a weak field: customers sometimes ask with words only the answer uses (银联, 驿站). */
  answer?: string;
}

interface Doc {
  faq: number;
  tf: Map<string, number>;
  length: number;
  wordMass: number;
  grams: Set<string>;
  gramMass: number;
}

export interface FaqScore {
  faq: number;
  score: number;
  matchedTerms: string[];
}

const MAX_CANDIDATE_POSTINGS = 50;

const idfOf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** Inverted index over questions and alternates; each FAQ scores as its best-matching phrasing. */
export class FaqIndex {
  private readonly docs: Doc[] = [];
  private readonly wordPostings = new Map<string, number[]>();
  private readonly gramPostings = new Map<string, number[]>();
  private readonly wordIdf = new Map<string, number>();
  private readonly gramIdf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly avgLength: number;
  private readonly faqWords: Set<string>[];
  private readonly answerWords: Set<string>[];
  private readonly answerPostings = new Map<string, number[]>();
  readonly faqs: { id: string; question: string; lang: Lang }[] = [];

  constructor(entries: readonly IndexableFaq[], analyzer: TextAnalyzer, private readonly weights: ScoringWeights) {
    const wordDf = new Map<string, number>();
    const gramDf = new Map<string, number>();
    const analysed: Analysis[][] = [];
    const answerWords: Set<string>[] = [];
    for (const entry of entries) {
      if (entry.enabled === false) continue;
      const texts = [entry.question, ...(entry.alternates ?? [])].flatMap(withClauses);
      const docs = texts.map((t) => analyzer.analyzeDocument(t));
      this.faqs.push({ id: entry.id, question: entry.question, lang: detectLang(entry.question) });
      analysed.push(docs);
      const answer = weights.answer > 0 && entry.answer ? analyzer.analyzeDocument(entry.answer).tokens : [];
      answerWords.push(new Set(answer));
      countOnce(wordDf, [...docs.flatMap((d) => d.tokens), ...answer]);
      countOnce(gramDf, docs.flatMap((d) => d.grams));
    }
    analyzer.seal();
    const n = this.faqs.length;
    for (const [w, df] of wordDf) this.wordIdf.set(w, idfOf(n, df));
    // A single character is weaker evidence than a bigram or a trigram.
    for (const [g, df] of gramDf) this.gramIdf.set(g, idfOf(n, df) * ([...g].length === 1 ? weights.character : 1));
    this.unknownIdf = idfOf(n, 0) * weights.unknown;
    this.faqWords = analysed.map((docs) => new Set(docs.flatMap((d) => d.tokens)));
    this.answerWords = answerWords;
    answerWords.forEach((words, faq) => words.forEach((w) => push(this.answerPostings, w, faq)));
    analysed.forEach((docs, faq) => docs.forEach((d) => this.addDoc(faq, d)));
    this.avgLength = this.docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.docs.length) || 1;
  }

  /** Every FAQ sharing at least one word or n-gram with the query, best first. */
  score(query: Analysis): FaqScore[] {
    const { k1, b, queryCoverage, words, otherLanguage, corrected } = this.weights;
    const terms = new Map<string, number>();
    for (const t of query.tokens) terms.set(t, query.corrected.has(t) ? corrected : 1);
    const queryMass = sum([...terms].map(([t, w]) => w * this.idf(t)));
    const grams = new Set(query.grams);
    const gramMass = sum([...grams].map((g) => this.gramIdf.get(g) ?? this.unknownIdf));

    const candidates = new Set<number>();
    for (const t of terms.keys()) for (const d of this.wordPostings.get(t) ?? []) candidates.add(d);
    for (const g of grams) {
      // Very common n-grams (型, 号 in a product catalogue) add cost, not candidates worth scoring; they still
      // count towards the score of documents found through rarer words.
      const postings = this.gramPostings.get(g) ?? [];
      if (postings.length <= MAX_CANDIDATE_POSTINGS) for (const d of postings) candidates.add(d);
    }

    const best = new Map<number, FaqScore>();
    for (const index of candidates) {
      const doc = this.docs[index];
      if (!doc) continue;
      let bm25 = 0;
      let shared = 0;
      const matched: string[] = [];
      for (const [t, w] of terms) {
        const tf = doc.tf.get(t);
        if (!tf) continue;
        const idf = this.idf(t);
        // BM25 saturation, capped at 1 so a repeated or short match never covers more than the word itself.
        bm25 += w * idf * Math.min(1, (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * doc.length) / this.avgLength)));
        shared += idf;
        matched.push(t);
      }
      let sharedGrams = 0;
      for (const g of grams) if (doc.grams.has(g)) sharedGrams += this.gramIdf.get(g) ?? 0;
      const wordScore = queryMass > 0 ? queryCoverage * bm25 / queryMass + (1 - queryCoverage) * (shared / doc.wordMass) : 0;
      const gramScore = gramMass + doc.gramMass > 0 ? (2 * sharedGrams) / (gramMass + doc.gramMass) : 0;
      const faq = this.faqs[doc.faq];
      const languageFactor = faq && faq.lang !== query.lang ? otherLanguage : 1;
      const score = languageFactor * (words * wordScore + (1 - words) * gramScore);
      const previous = best.get(doc.faq);
      if (!previous || score > previous.score) best.set(doc.faq, { faq: doc.faq, score, matchedTerms: matched });
    }
    for (const t of terms.keys()) {
      for (const faq of this.answerPostings.get(t) ?? []) if (!best.has(faq)) best.set(faq, { faq, score: 0, matchedTerms: [] });
    }
    for (const found of best.values()) this.combine(found, terms, queryMass, query.lang);
    return [...best.values()].sort((x, y) => y.score - x.score);
  }

  /** Field-combined score: the query's words found anywhere among the FAQ's phrasings. */
  private combine(found: FaqScore, terms: Map<string, number>, queryMass: number, lang: Lang): void {
    const words = this.faqWords[found.faq];
    const faq = this.faqs[found.faq];
    if (!words || !faq || queryMass <= 0) return;
    const answer = this.answerWords[found.faq] ?? new Set<string>();
    const coverage = (has: (t: string) => boolean): [number, string[]] => {
      const matched = [...terms.keys()].filter(has);
      return [sum(matched.map((t) => (terms.get(t) ?? 0) * this.idf(t))) / queryMass, matched];
    };
    const language = faq.lang !== lang ? this.weights.otherLanguage : 1;
    const [inPhrasings, matched] = coverage((t) => words.has(t));
    const [withAnswer, matchedWithAnswer] = coverage((t) => words.has(t) || answer.has(t));
    const phrasingScore = language * this.weights.combined * this.weights.words * inPhrasings;
    const answerScore = language * this.weights.answer * this.weights.words * withAnswer;
    if (phrasingScore > found.score) Object.assign(found, { score: phrasingScore, matchedTerms: matched });
    if (answerScore > found.score) Object.assign(found, { score: answerScore, matchedTerms: matchedWithAnswer });
  }

  private idf(token: string): number {
    return this.wordIdf.get(token) ?? this.unknownIdf;
  }

  private addDoc(faq: number, analysis: Analysis): void {
    const index = this.docs.length;
    const tf = new Map<string, number>();
    for (const t of analysis.tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    const grams = new Set(analysis.grams);
    if (tf.size === 0 && grams.size === 0) return;
    this.docs.push({
      faq,
      tf,
      length: analysis.tokens.length,
      wordMass: sum([...tf.keys()].map((t) => this.idf(t))) || 1,
      grams,
      gramMass: sum([...grams].map((g) => this.gramIdf.get(g) ?? 0)),
    });
    for (const t of tf.keys()) push(this.wordPostings, t, index);
    for (const g of grams) push(this.gramPostings, g, index);
  }
}

/** A phrasing plus, when it has several clauses ("运费怎么算？包邮吗？"), each clause on its own. */
function withClauses(text: string): string[] {
  const clauses = text.split(/[？?！!。；;，,]/).map((c) => c.trim()).filter((c) => c.length > 1);
  return text.trim() === '' ? [] : clauses.length > 1 ? [text, ...clauses] : [text];
}

function countOnce(counts: Map<string, number>, items: string[]): void {
  for (const item of new Set(items)) counts.set(item, (counts.get(item) ?? 0) + 1);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sum(values: number[]): number {
  return values.reduce((a, v) => a + v, 0);
}
