import type { Lang, LexiconEntry } from '../types.js';
import { canonicalHomophones } from './homophones.js';
import { addWords, jieba } from './jieba.js';
import { type Broader, DEFAULT_LEXICON_WEIGHTS, lexiconExpansions, type LexiconWeights } from './lexicon.js';
import { hasHan, normalizeForMatch } from './normalize.js';
import { detectLang, segment, stem, type Piece } from './segment.js';
import { HanSpeller, LatinSpeller } from './spelling.js';
import { STOPWORDS } from './stopwords.js';
import { SynonymTable } from './synonyms.js';

// Result and direction complements that follow a verb without changing what it is about.
const COMPLEMENTS = new Set('成掉好完到给走回出进上下错坏过');

export interface Analysis {
  lang: Lang;
  /** Content keys after synonym mapping, in order; duplicates kept (term frequency). */
  tokens: string[];
  /** Keys that exist only because a typo was corrected. */
  corrected: Set<string>;
  /** Characters and character bigrams of Chinese words, trigrams of Latin words; from content words only. */
  grams: string[];
  /** Queries only: broader words the lexicon says the message's words imply (拉萨 → 西藏), with their weights. */
  broader: Map<string, number>;
}

/** The domain lexicon and how much its synonyms and each kind's is-a links count. */
export interface AnalyzerLexicon {
  entries: readonly LexiconEntry[];
  weights?: LexiconWeights;
}

/**
 * Turns text into comparable keys. Documents are analysed first; `seal()` then freezes the vocabulary the
 * query-side typo correction may correct towards.
 */
export class TextAnalyzer {
  private readonly synonyms: SynonymTable;
  /** Lexicon form (raw keys joined by spaces) → the words it implies; `lexiconPhrases` finds the forms in a message. */
  private readonly implied: ReadonlyMap<string, Broader[]>;
  private readonly lexiconPhrases: SynonymTable;
  private readonly hanWords = new Set<string>();
  private readonly latinWords = new Set<string>();
  private hanSpeller?: HanSpeller;
  private latinSpeller?: LatinSpeller;

  constructor(synonymGroups: readonly (readonly string[])[] = [], lexicon?: AnalyzerLexicon) {
    const terms = synonymGroups.flat().map(normalizeForMatch);
    // Lexicon words are not taught to the segmenter: that would change how the knowledge base itself is cut.
    addWords(terms.filter((t) => /^\p{Script=Han}+$/u.test(t)));
    const keysOf = (term: string): string[] => segment(normalizeForMatch(term)).map((p) => p.key);
    this.synonyms = new SynonymTable(synonymGroups, keysOf);
    const canonOf = (term: string): string => this.synonyms.apply(keysOf(term)).map((k) => k.key).join(' ');
    const implied = lexicon ? lexiconExpansions(lexicon.entries, keysOf, canonOf, lexicon.weights ?? DEFAULT_LEXICON_WEIGHTS) : new Map<string, Broader[]>();
    this.implied = implied;
    this.lexiconPhrases = new SynonymTable([...implied.keys()].map((k) => [k]), (k) => k.split(' '));
    for (const term of terms) this.learn(segment(term));
  }

  /** True for the canonical word of a synonym group. */
  isCurated(key: string): boolean {
    return this.synonyms.canonical.has(key);
  }

  /** `learn`: the document's words become words typo correction may correct towards. */
  analyzeDocument(text: string, learn = true): Analysis {
    const normalized = normalizeForMatch(text);
    const pieces = segment(normalized);
    if (learn) this.learn(pieces);
    return this.finish(detectLang(normalized), pieces, new Set(), false);
  }

  seal(): void {
    this.hanSpeller = new HanSpeller(new Set([...this.hanWords].filter((w) => w.length > 1)));
    this.latinSpeller = new LatinSpeller(this.latinWords);
  }

  analyzeQuery(text: string): Analysis {
    return this.analyzeNormalizedQuery(normalizeForMatch(text));
  }

  /** `analyzeQuery` on text already passed through `normalizeForMatch`. */
  analyzeNormalizedQuery(text: string): Analysis {
    let normalized = text;
    if (this.hanSpeller) normalized = this.hanSpeller.correct(normalized);
    const fixed = new Set<number>();
    const pieces = segment(normalized).flatMap((p) => this.splitUnknown(p)).map((piece, i) => {
      const better = piece.han || STOPWORDS.has(piece.surface) ? undefined : this.latinSpeller?.correct(piece.surface);
      if (better === undefined) return piece;
      fixed.add(i);
      return { surface: better, key: stem(better), han: false };
    });
    return this.finish(detectLang(normalized), pieces, fixed, true);
  }

  /**
   * A word the knowledge base never uses is looked up by its known parts: 保修期 → 保修, 改成 → 改.
   * Segmentation of rare compounds is arbitrary; their parts usually carry the meaning. A two-character word is
   * split only as verb + complement (改成, 退掉, 碎成) or function word + listed term (有券): 号码 or 发现 are not
   * 号 + 码 or 发 + 现.
   */
  private splitUnknown(piece: Piece): Piece[] {
    if (!piece.han || piece.surface.length < 2 || this.hanWords.has(piece.surface) || !this.hanSpeller) return [piece];
    if (this.synonyms.hasTerm(piece.surface)) return [piece];
    if (piece.surface.length === 2) {
      const [head = '', tail = ''] = piece.surface;
      const verb = this.hanWords.has(head) && !STOPWORDS.has(head) && COMPLEMENTS.has(tail);
      const kept = verb ? head : STOPWORDS.has(head) && this.synonyms.hasTerm(tail) ? tail : undefined;
      return [kept ? { surface: kept, key: kept, han: true } : piece];
    }
    const candidates = jieba().cutForSearch(piece.surface, false);
    const parts = candidates.filter((w) => w !== piece.surface && this.hanWords.has(w) && !STOPWORDS.has(w));
    if (parts.length === 0) return [piece];
    // What no known part covers stays as an unknown word (今天天气 → 今天 + 天气), single characters aside.
    let rest = piece.surface;
    for (const part of parts) rest = rest.replace(part, ' ');
    const residue = rest.split(' ').filter((r) => r.length > 1);
    return [...parts, ...residue].map((w) => ({ surface: w, key: w, han: true }));
  }

  private learn(pieces: Piece[]): void {
    for (const p of pieces) {
      if (p.han) this.hanWords.add(p.surface);
      else if (!p.han && /^[a-z]+$/.test(p.surface)) this.latinWords.add(p.surface);
    }
  }

  private finish(lang: Lang, pieces: Piece[], fixed: Set<number>, query: boolean): Analysis {
    const tokens: string[] = [];
    const broader = new Map<string, number>();
    const corrected = new Set<string>();
    const content: Piece[] = [];
    for (const { key, start, span } of this.synonyms.apply(pieces.map((p) => p.key))) {
      const covered = pieces.slice(start, start + span);
      // A multi-word synonym ("how long", "in stock") counts even when its words are stop words.
      if (span === 1 && (STOPWORDS.has(key) || STOPWORDS.has(covered[0]?.surface ?? ''))) continue;
      tokens.push(key);
      // N-grams see the canonical word as well as the written one, so 价保/保价 or 退钱/退款 also share characters.
      const replaced = span > 1 || covered[0]?.key !== key;
      content.push(...(replaced ? [{ surface: key, key, han: hasHan(key) }, ...covered] : covered));
      if (covered.some((_, j) => fixed.has(start + j))) corrected.add(key);
    }
    if (query && this.implied.size > 0) {
      for (const { key } of this.lexiconPhrases.apply(pieces.map((p) => p.key))) {
        for (const b of this.implied.get(key) ?? []) broader.set(b.key, Math.max(b.weight, broader.get(b.key) ?? 0));
      }
    }
    return { lang, tokens, corrected, grams: ngrams(content), broader };
  }
}

/** One analysis for a message analysed clause by clause. */
export function joinAnalyses(parts: readonly Analysis[]): Analysis {
  if (parts.length === 1 && parts[0]) return parts[0];
  return {
    lang: parts.some((p) => p.lang === 'zh') ? 'zh' : 'en',
    tokens: parts.flatMap((p) => p.tokens),
    corrected: new Set(parts.flatMap((p) => [...p.corrected])),
    grams: parts.flatMap((p) => p.grams),
    broader: new Map(parts.flatMap((p) => [...p.broader])),
  };
}

/** Characters and bigrams of Chinese runs, trigrams of Latin words (not of numbers: order numbers match whole). */
function ngrams(pieces: Piece[]): string[] {
  const grams: string[] = [];
  let han = '';
  const flushHan = (): void => {
    const chars = [...canonicalHomophones(han)];
    // Single characters carry meaning in shop talk (码, 换, 退); idf keeps common ones weak.
    grams.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(`${chars[i]}${chars[i + 1]}`);
    han = '';
  };
  for (const p of pieces) {
    if (p.han) {
      han += p.surface;
      continue;
    }
    flushHan();
    if (/\d/.test(p.surface)) continue;
    const word = `^${p.surface}$`;
    for (let i = 0; i + 2 < word.length; i++) grams.push(word.slice(i, i + 3));
  }
  flushHan();
  return grams;
}
