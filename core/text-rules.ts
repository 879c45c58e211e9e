import { DomainError } from './errors.js';

// Characters nobody sees: whitespace, format controls (zero-width space/joiners, bidi marks, BOM), default-ignorable
// code points (variation selectors, Hangul fillers) and the braille blank. A message of only these says nothing.
const INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]*$/u;
// With the `u` flag a surrogate pair is one code point, so \p{Cs} matches only halves that have no partner.
const LONE_SURROGATE = /\p{Cs}/u;
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Why `text` cannot be stored as written (PostgreSQL refuses NUL; a lone surrogate is not Unicode), or null. */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired UTF-16 surrogate, which is not a Unicode character';
  return null;
}

/** True when nothing in `text` would show on a screen. */
export const isInvisible = (text: string): boolean => INVISIBLE.test(text);

/** Length in Unicode characters (code points), as people count them: one emoji is one character, not two. */
export function textLength(text: string): number {
  return text.length - (text.match(PAIR)?.length ?? 0);
}

/** The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair (an emoji, 𠮷). */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** Why a customer's or agent's message text is refused, or null when it is fine; `text` is already trimmed. */
export function messageTextProblem(text: string, maxLength: number): string | null {
  if (isInvisible(text)) return 'must not be empty';
  const unstorable = unstorableText(text);
  if (unstorable) return unstorable;
  return textLength(text) > maxLength ? `must be at most ${maxLength} characters` : null;
}

/** The trimmed text, or DomainError('invalid_input') saying what is wrong with it. */
export function checkMessageText(raw: string, maxLength: number, what = 'Message text'): string {
  const text = raw.trim();
  const problem = messageTextProblem(text, maxLength);
  if (problem) throw new DomainError('invalid_input', `${what} ${problem}`, { userMessage: `${what} ${problem}` });
  return text;
}
