import type { FaqEntry } from '../types.js';

export type FaqSort = 'id' | 'question' | 'category' | 'updated' | `-${'id' | 'question' | 'category' | 'updated'}`;

const collator = new Intl.Collator('zh-CN', { numeric: true });
const BY: Record<string, (a: FaqEntry, b: FaqEntry) => number> = {
  id: (a, b) => collator.compare(a.id, b.id),
  question: (a, b) => collator.compare(a.question, b.question),
  // Entries without a category after the others (before them when descending).
  category: (a, b) => Number(a.category === null) - Number(b.category === null) || collator.compare(a.category ?? '', b.category ?? ''),
  updated: (a, b) => a.updatedAt.getTime() - b.updatedAt.getTime(),
};

/** The admin list's order; ties fall back to the id so pages never overlap. */
export function sortFaqs(entries: FaqEntry[], sort: FaqSort): FaqEntry[] {
  const descending = sort.startsWith('-');
  const by = BY[descending ? sort.slice(1) : sort] ?? BY.id!;
  return [...entries].sort((a, b) => (descending ? -by(a, b) : by(a, b)) || collator.compare(a.id, b.id));
}
