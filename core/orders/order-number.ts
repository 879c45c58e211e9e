/**
 * Order numbers as customers type them: full-width digits, spaces or dashes inside, a short letter prefix
 * (「订单 20261205-1234」「DD２０２６１２０５１２３４」「#2026 1205 1234」). The default accepts 9–24 digits with an optional
 * prefix of up to four letters, and never an 11-digit mainland mobile number. A store sets its own format with
 * KEFU_ORDER_NUMBER_PATTERN (the whole match, or its first group, is the number).
 */
export const DEFAULT_ORDER_NUMBER_PATTERN = String.raw`(?<![A-Za-z0-9])(?:[A-Za-z]{1,4}[-\s#]?)?\d(?:[-\s]?\d){8,23}(?!\d)`;

const MOBILE = /^1[3-9]\d{9}$/;

export interface FoundOrderNumber {
  /** As typed (after full-width forms became plain ones). */
  raw: string;
  /** Upper case, separators removed: how orders are looked up and stored. */
  number: string;
}

export class OrderNumberRecognizer {
  private readonly pattern: RegExp;

  /** Throws a SyntaxError for a pattern that is not a valid regular expression. */
  constructor(pattern: string = DEFAULT_ORDER_NUMBER_PATTERN) {
    this.pattern = new RegExp(pattern, 'gu');
  }

  find(text: string): FoundOrderNumber | null {
    for (const match of text.normalize('NFKC').matchAll(this.pattern)) {
      const raw = (match[1] ?? match[0]).trim();
      const number = canonicalOrderNumber(raw);
      if (number !== '' && !MOBILE.test(number)) return { raw, number };
    }
    return null;
  }
}

export function canonicalOrderNumber(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** 「5678」「尾号 5678」「后四位是5678」: the four digits when the message holds exactly one group of four, else null. */
export function lastFourDigits(text: string): string | null {
  const groups = text.normalize('NFKC').match(/\d+/g) ?? [];
  return groups.length === 1 && groups[0]!.length === 4 ? groups[0]! : null;
}
