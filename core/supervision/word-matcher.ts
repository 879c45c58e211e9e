import { pinyin } from 'pinyin-pro';
import { traditionalToSimplified } from '../matching/traditional.js';
import type { SensitiveWord, WordScope } from './word-list.js';

export interface WordHit {
  term: string;
  action: SensitiveWord['action'];
  category: SensitiveWord['category'];
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[a-z]/;
// Anything people put between the characters of a word to slip it past a filter: spaces, dots, stars, zero-width marks.
const GAP = '[^\\p{L}\\p{N}]*';

/** Full-width → half-width, traditional → simplified, lower case: the form both the text and the terms are compared in. */
export function normalizeForMatch(text: string): string {
  return traditionalToSimplified(text.normalize('NFKC')).toLowerCase();
}

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A form of a term as a pattern that allows gaps between its characters; Latin forms must stand as a word. */
function formPattern(form: string): string | null {
  const chars = [...form].filter((ch) => /[\p{L}\p{N}%*]/u.test(ch));
  if (chars.length === 0) return null;
  const body = chars.map(escape).join(GAP);
  const first = chars[0] ?? '';
  const last = chars.at(-1) ?? '';
  return `${LATIN.test(first) ? '(?<![a-z])' : ''}${body}${LATIN.test(last) ? '(?![a-z])' : ''}`;
}

const syllables = (text: string): string[] => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });

interface Compiled {
  word: SensitiveWord;
  pattern: RegExp;
  /** " sha bi ": the term's syllables, matched against the text's when the entry catches homophones. */
  sound: string | null;
}

/**
 * Finds listed words in a text the way people hide them: full-width letters, traditional characters, gaps between
 * characters (笨 蛋, s.b), the term written in pinyin (bendan, ben dan) and, for entries that ask for it, characters
 * that sound the same (煞笔).
 */
export class WordMatcher {
  private readonly compiled: Compiled[];

  constructor(words: readonly SensitiveWord[]) {
    this.compiled = words.flatMap((word) => {
      const term = normalizeForMatch(word.term);
      const forms = [term, ...word.variants.map(normalizeForMatch)];
      const spoken = HAN.test(term) ? syllables(term) : [];
      if (spoken.length >= 2) forms.push(spoken.join(''));
      const patterns = [...new Set(forms)].map(formPattern).filter((p): p is string => p !== null);
      if (patterns.length === 0) return [];
      return [{ word, pattern: new RegExp(patterns.join('|'), 'u'), sound: word.sound && spoken.length >= 2 ? ` ${spoken.join(' ')} ` : null }];
    });
  }

  /** The entries found in `text` that apply to messages of `author`, each once, block before warn. */
  find(text: string, author: 'agent' | 'customer'): WordHit[] {
    const normalized = normalizeForMatch(text);
    let spoken: string | undefined;
    const hits: WordHit[] = [];
    for (const { word, pattern, sound } of this.compiled) {
      if (!applies(word.scope, author)) continue;
      let found = pattern.test(normalized);
      if (!found && sound && HAN.test(normalized)) {
        spoken ??= ` ${syllables(normalized).join(' ')} `;
        found = spoken.includes(sound);
      }
      if (found) hits.push({ term: word.term, action: word.action, category: word.category });
    }
    return hits.sort((a, b) => (a.action === b.action ? 0 : a.action === 'block' ? -1 : 1));
  }
}

const applies = (scope: WordScope, author: 'agent' | 'customer') => scope === 'both' || scope === author;
