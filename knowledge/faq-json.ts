import type { FaqInput } from '../core/types.js';
import { type FaqParseResult, validateRecords } from './faq-schema.js';

/** Parses a JSON array of FAQ records (or `{ "faqs": [...] }`), validating each one. */
export function parseFaqJson(text: string): FaqParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { entries: [], rejected: [{ row: 0, reason: `invalid JSON: ${(error as Error).message}` }] };
  }
  const list = Array.isArray(data) ? data : (data as { faqs?: unknown } | null)?.faqs;
  if (!Array.isArray(list)) {
    return { entries: [], rejected: [{ row: 0, reason: 'expected a JSON array of FAQ entries' }] };
  }
  return validateRecords(list.map((record, i) => ({ row: i + 1, record })));
}

export function faqsToJson(entries: readonly FaqInput[]): string {
  const records = entries.map((e) => ({
    id: e.id,
    question: e.question,
    alternates: e.alternates ?? [],
    answer: e.answer,
    category: e.category ?? null,
    tags: e.tags ?? [],
    ...(e.enabled === undefined ? {} : { enabled: e.enabled }),
  }));
  return `${JSON.stringify(records, null, 2)}\n`;
}
