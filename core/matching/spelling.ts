import { canonicalHomophones, isHomophoneVariant } from './homophones.js';

/** Optimal-string-alignment distance, giving up early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Corrects Latin words the knowledge base never uses to the unique closest word it does use (symmetric-delete lookup). */
export class LatinSpeller {
  private readonly byDeletion = new Map<string, string[]>();

  constructor(private readonly vocabulary: ReadonlySet<string>) {
    for (const word of vocabulary) {
      for (const variant of deletions(word, word.length >= 6 ? 2 : 1)) {
        const list = this.byDeletion.get(variant);
        if (list) list.push(word);
        else this.byDeletion.set(variant, [word]);
      }
    }
  }

  correct(word: string): string | undefined {
    if (word.length < 5 || this.vocabulary.has(word) || /\d/.test(word)) return undefined;
    const max = word.length >= 8 ? 2 : 1;
    const candidates = new Set<string>();
    for (const variant of deletions(word, max)) for (const c of this.byDeletion.get(variant) ?? []) candidates.add(c);
    let best: string | undefined;
    let bestDistance = max + 1;
    let ties = 0;
    for (const candidate of candidates) {
      const d = editDistance(word, candidate, max);
      if (d < bestDistance) [best, bestDistance, ties] = [candidate, d, 0];
      else if (d === bestDistance) ties++;
    }
    return ties === 0 ? best : undefined;
  }
}

function deletions(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let frontier = [word];
  for (let level = 0; level < depth; level++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Fixes same-sounding-character typos in Chinese text (退获 → 退货) when the fixed window is a word the knowledge
 * base uses and the original window is not.
 */
export class HanSpeller {
  private readonly byCanonical = new Map<string, string>();

  constructor(private readonly vocabulary: ReadonlySet<string>) {
    for (const word of vocabulary) {
      const canon = canonicalHomophones(word);
      if (!this.byCanonical.has(canon)) this.byCanonical.set(canon, word);
    }
  }

  correct(text: string): string {
    if (canonicalHomophones(text) === text) return text;
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      if (!isHomophoneVariant(chars[i] ?? '')) continue;
      search: for (let len = 4; len >= 2; len--) {
        for (let start = Math.max(0, i - len + 1); start <= i && start + len <= chars.length; start++) {
          const window = chars.slice(start, start + len).join('');
          const word = this.byCanonical.get(canonicalHomophones(window));
          if (word !== undefined && word !== window && !this.vocabulary.has(window)) {
            chars.splice(start, len, ...word);
            break search;
          }
        }
      }
    }
    return chars.join('');
  }
}
