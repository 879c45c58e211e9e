import type { LexiconEntry } from '../types.js';

/** A word a query word implies (专票 → 增值税专用发票, 顺丰 → 快递), and how much it counts relative to the message's own words. */
export interface Broader {
  key: string;
  weight: number;
}

export interface LexiconWeights {
  /** Another form of the same lexicon entry (专票 ↔ 增值税专用发票). */
  synonym: number;
  /** A form of an is-a parent, per kind; the level above counts `decay` times that. */
  kinds: Readonly<Record<string, number>>;
  decay: number;
}

/** Calibrated on the dev set with `bench/calibrate.ts --lexicon`. */
export const DEFAULT_LEXICON_WEIGHTS: LexiconWeights = {
  synonym: 0.5,
  kinds: {
    courier: 0.5, payment: 0.5, region: 0.5, category: 0.5, size: 0.5, colour: 0.5, invoice: 0.5, slang: 0.5,
    promotion: 0.5, service: 0.5, 'product-attr': 0.5, english: 0.5,
  },
  decay: 0.5,
};
/** Beyond two levels (拉萨 → 西藏 → 偏远地区) a class says too little (→ 中国大陆). */
const MAX_DEPTH = 2;

/**
 * What each form of the lexicon implies: the other forms of its entry and the forms of its is-a ancestors, as weaker
 * query words. Keys are the form's raw segmentation (`keysOf`, joined by spaces), so a form jieba cuts in pieces
 * (云闪付 → 云 闪付) is still found as a phrase; implied words are `canonOf` a form (after the knowledge base's own
 * synonyms), single words only. Expansion never rewrites a word, so the knowledge base's synonyms keep their meaning.
 */
export function lexiconExpansions(
  lexicon: readonly LexiconEntry[], keysOf: (term: string) => string[], canonOf: (term: string) => string,
  weights: LexiconWeights = DEFAULT_LEXICON_WEIGHTS,
): Map<string, Broader[]> {
  const byTerm = new Map(lexicon.map((e) => [`${e.kind}\u0000${e.term}`, e]));
  const cache = new Map<LexiconEntry, { raw: string[]; canon: [string, number][] }>();
  // A form the segmenter cuts in words (付款 方式) implies each of its words, sharing the form's weight.
  const forms = (e: LexiconEntry): { raw: string[]; canon: [string, number][] } => {
    let found = cache.get(e);
    if (!found) {
      const all = [e.term, ...e.synonyms];
      found = {
        raw: [...new Set(all.map((f) => keysOf(f).join(' ')))].filter((k) => k !== ''),
        canon: [...new Set(all.map(canonOf))].filter((k) => k !== '').flatMap((k) => {
          const words = k.split(' ');
          return words.map((w): [string, number] => [w, 1 / words.length]);
        }),
      };
      cache.set(e, found);
    }
    return found;
  };
  const out = new Map<string, Map<string, number>>();
  for (const entry of lexicon) {
    const implied: [string, number][] = forms(entry).canon.map(([k, share]) => [k, share * weights.synonym]);
    let level: { entry: LexiconEntry; weight: number }[] = [{ entry, weight: 1 }];
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      level = level.flatMap(({ entry: child, weight }) => child.isa.flatMap((t) => {
        const parent = byTerm.get(`${child.kind}\u0000${t}`);
        const w = weight * (depth === 1 ? (weights.kinds[child.kind] ?? 0) : weights.decay);
        return parent && w > 0 ? [{ entry: parent, weight: w }] : [];
      }));
      for (const { entry: parent, weight } of level) for (const [k, share] of forms(parent).canon) implied.push([k, share * weight]);
    }
    for (const from of forms(entry).raw) {
      const map = out.get(from) ?? new Map<string, number>();
      for (const [to, weight] of implied) if (to !== from && (map.get(to) ?? 0) < weight) map.set(to, weight);
      out.set(from, map);
    }
  }
  return new Map([...out].map(([k, m]) => [k, [...m].map(([key, weight]) => ({ key, weight }))]));
}
