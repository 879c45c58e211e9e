import { cutAt } from '../core/text-rules.js';
import type { Choice } from '../core/types.js';

/** Choices as plain text: "1. …" per line, for channels without buttons (the customer answers with the number). */
export function numberedMenu(intro: string, choices: readonly Choice[]): string {
  return [intro, ...choices.map((c, i) => `${i + 1}. ${c.question}`)].join('\n');
}

/** Splits text into parts of at most `max` characters, preferring line breaks, then spaces. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = cutAt(rest, max);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > max / 2 ? cut : window.length;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
