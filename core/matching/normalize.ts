import * as OpenCC from 'opencc-js/t2cn';

const HAN = /\p{Script=Han}/u;
// Punctuation, symbols (incl. emoji), variation selectors and zero-width joiners become spaces for matching.
const NOISE = /[\p{P}\p{S}\p{Extended_Pictographic}\u200d\ufe0e\ufe0f]+/gu;
const CN_DIGITS: Record<string, string> = { 一: '1', 两: '2', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

let t2cn: ((text: string) => string) | undefined;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Full-width ASCII, ideographic space and compatibility forms → their plain forms. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Traditional → simplified Chinese (Taiwan variants included). The converter is built once, on first use. */
export function toSimplified(text: string): string {
  if (!hasHan(text)) return text;
  const convert = (t2cn ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
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
