import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';
import type { Lang } from '../types.js';
import { jieba } from './jieba.js';

const HAN_RUNS = /(\p{Script=Han}+)|([^\p{Script=Han}]+)/gu;
const LATIN_WORD = /^[a-z0-9]/;
const english = new AggressiveTokenizer();

/** One word of a message: its surface form and the form the index compares (Porter stem for Latin words). */
export interface Piece {
  surface: string;
  key: string;
  han: boolean;
}

export function detectLang(text: string): Lang {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

export function stem(word: string): string {
  return /^[a-z]+$/.test(word) && word.length > 3 ? PorterStemmer.stem(word) : word;
}

/** Splits already-normalized text: Chinese runs through jieba, everything else through natural's tokenizer. */
export function segment(normalized: string): Piece[] {
  const pieces: Piece[] = [];
  for (const [, han, other] of normalized.matchAll(HAN_RUNS)) {
    if (han) {
      for (const word of jieba().cut(han, true)) pieces.push({ surface: word, key: word, han: true });
    } else if (other) {
      for (const raw of english.tokenize(other)) {
        const word = raw.toLowerCase().replace(/^[-/]+|[-/]+$/g, '');
        if (LATIN_WORD.test(word)) pieces.push({ surface: word, key: stem(word), han: false });
      }
    }
  }
  return pieces;
}
