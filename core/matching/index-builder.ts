import type { Lang } from '../types.js';
import type { Analysis, TextAnalyzer } from './analyzer.js';
import type { IndexableFaq } from './faq-index.js';
import type { ScoringWeights } from './scoring-weights.js';
import { detectLang } from './segment.js';

export interface WordPostings {
  docs: Int32Array;
  /** BM25 term-frequency saturation of the word in each document, capped at 1. */
  saturation: Float64Array;
}

const idfOf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * Everything scoring needs, computed once per knowledge base: postings as typed arrays, per-document masses and
 * BM25 saturations, FAQ-wide word sets. A document is one phrasing (question, alternate or clause of one).
 */
export class IndexBuilder {
  readonly faqs: { id: string; question: string; lang: Lang }[] = [];
  readonly wordIdf = new Map<string, number>();
  readonly gramIdf = new Map<string, number>();
  readonly unknownIdf: number;
  /** 1 for an FAQ written in Chinese. */
  readonly faqZh: Uint8Array;
  readonly docFaq: Int32Array;
  /** 1 for the entry's own phrasings; `weights.linked` for a linked library intent's phrasings. */
  readonly docWeight: Float64Array;
  readonly docWordMass: Float64Array;
  readonly docGramMass: Float64Array;
  readonly docTerms: ReadonlySet<string>[];
  readonly wordPostings = new Map<string, WordPostings>();
  readonly gramPostings = new Map<string, { docs: Int32Array; idf: number }>();
  readonly faqWords: ReadonlySet<string>[];
  readonly answerWords: ReadonlySet<string>[];
  readonly faqWordPostings = new Map<string, Int32Array>();
  /** FAQs whose answer, but none of whose phrasings, uses the word. */
  readonly answerOnlyPostings = new Map<string, Int32Array>();
  readonly maxCandidatePostings = 50;

  constructor(entries: readonly IndexableFaq[], analyzer: TextAnalyzer, weights: ScoringWeights) {
    const wordDf = new Map<string, number>();
    const gramDf = new Map<string, number>();
    const analysed: Analysis[][] = [];
    const linkedFrom: number[] = [];
    const answerWords: Set<string>[] = [];
    for (const entry of entries) {
      if (entry.enabled === false) continue;
      const texts = [entry.question, ...(entry.alternates ?? [])].flatMap(withClauses);
      const own = texts.map((t) => analyzer.analyzeDocument(t));
      // Library phrasings teach no words to the typo corrector: they are written with typos on purpose.
      const docs = [...own, ...(entry.linked ?? []).map((t) => analyzer.analyzeDocument(t, false))];
      linkedFrom.push(own.length);
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
    this.faqZh = Uint8Array.from(this.faqs, (f) => (f.lang === 'zh' ? 1 : 0));
    // The FAQ-wide score pools the entry's own words only: the store's wording wins over the library's.
    this.faqWords = analysed.map((docs, faq) => new Set(docs.slice(0, linkedFrom[faq]).flatMap((d) => d.tokens)));
    this.answerWords = answerWords;

    const docs = analysed.flatMap((list, faq) => list.map((a, i) => ({
      faq, tf: termFrequencies(a.tokens), length: a.tokens.length, grams: new Set(a.grams), weight: i < (linkedFrom[faq] ?? 0) ? 1 : weights.linked,
    }))).filter((d) => d.tf.size > 0 || d.grams.size > 0);
    this.docFaq = Int32Array.from(docs, (d) => d.faq);
    this.docWeight = Float64Array.from(docs, (d) => d.weight);
    this.docWordMass = Float64Array.from(docs, (d) => sum([...d.tf.keys()].map((t) => this.idf(t))) || 1);
    this.docGramMass = Float64Array.from(docs, (d) => sum([...d.grams].map((g) => this.gramIdf.get(g) ?? 0)));
    this.docTerms = docs.map((d) => new Set(d.tf.keys()));
    const avgLength = sum(docs.map((d) => d.length)) / Math.max(1, docs.length) || 1;

    const words = new Map<string, { docs: number[]; saturation: number[] }>();
    const grams = new Map<string, number[]>();
    docs.forEach((d, index) => {
      const norm = weights.k1 * (1 - weights.b + (weights.b * d.length) / avgLength);
      for (const [t, tf] of d.tf) {
        const list = words.get(t) ?? { docs: [], saturation: [] };
        list.docs.push(index);
        list.saturation.push(Math.min(1, (tf * (weights.k1 + 1)) / (tf + norm)));
        words.set(t, list);
      }
      for (const g of d.grams) push(grams, g, index);
    });
    for (const [t, p] of words) this.wordPostings.set(t, { docs: Int32Array.from(p.docs), saturation: Float64Array.from(p.saturation) });
    for (const [g, list] of grams) this.gramPostings.set(g, { docs: Int32Array.from(list), idf: this.gramIdf.get(g) ?? 0 });

    const faqWordLists = new Map<string, number[]>();
    const answerOnlyLists = new Map<string, number[]>();
    this.faqWords.forEach((set, faq) => set.forEach((w) => push(faqWordLists, w, faq)));
    answerWords.forEach((set, faq) => set.forEach((w) => this.faqWords[faq]?.has(w) || push(answerOnlyLists, w, faq)));
    for (const [w, list] of faqWordLists) this.faqWordPostings.set(w, Int32Array.from(list));
    for (const [w, list] of answerOnlyLists) this.answerOnlyPostings.set(w, Int32Array.from(list));
  }

  idf(token: string): number {
    return this.wordIdf.get(token) ?? this.unknownIdf;
  }
}

/** A phrasing plus, when it has several clauses ("运费怎么算？包邮吗？"), each clause on its own. */
function withClauses(text: string): string[] {
  const clauses = text.split(/[？?！!。；;，,]/).map((c) => c.trim()).filter((c) => c.length > 1);
  return text.trim() === '' ? [] : clauses.length > 1 ? [text, ...clauses] : [text];
}

function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
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
