import { traditionalToSimplified } from './traditional.js';

const HAN = /\p{Script=Han}/u;
// Punctuation, symbols (incl. emoji), variation selectors and zero-width joiners become spaces for matching.
const NOISE = /[\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0e\ufe0f]+/gu;
const CN_DIGITS: Record<string, string> = { 一: '1', 两: '2', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Full-width ASCII, ideographic space and compatibility forms → their plain forms. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Traditional → simplified Chinese (Taiwan variants included). The converter is built once, on first use. */
export function toSimplified(text: string): string {
  return hasHan(text) ? traditionalToSimplified(text) : text;
}

/** Canonical text: half-width, simplified, lower case, single spaces. Punctuation is kept. */
export function normalizeText(text: string): string {
  return toSimplified(toHalfWidth(text)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Text as the matcher compares it: `normalizeText` without punctuation, emoji or apostrophes. */
export function normalizeForMatch(text: string): string {
  return normalizeText(text)
    .replace(/['’]/g, '')
    .replace(NOISE, ' ')
    .replace(/([一两二三四五六七八九十])(?=天|日|个工作日|小时)/g, (d: string) => CN_DIGITS[d] ?? d)
    .replace(/\s+/g, ' ')
    .trim();
}

// Where one clause of a message ends: sentence punctuation (not a decimal point or a thousands comma), or a space
// between two Chinese characters, which customers type instead of a comma.
const CLAUSE_END = /[,;:!?](?!\d)|[。、…~]|\.{2,}|\.(?=\s|$)|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** The clauses of a message (lines, sentences, comma-separated parts), each as `normalizeForMatch` writes it. */
export function clausesForMatch(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => normalizeText(line).split(CLAUSE_END))
    .map(normalizeForMatch)
    .filter((c) => c !== '');
}
