import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FaqInput } from '../../core/types.js';
import { knowledgePath, parseFaqJson } from '../../knowledge/index.js';

// Structure only: these sets are reported on, never tuned on, so no test here may look at what the matcher answers.

const ORDER_INTENTS = [
  'order.track',
  'order.ship_time',
  'order.status',
  'order.cancel',
  'order.change_address',
  'order.refund_status',
  'order.invoice',
] as const;

const question = z.string().refine((q) => q.trim() === q && q.length > 0, 'must be non-empty and trimmed');
const faqQuestionSchema = z.object({ q: question, expect: z.string().nullable() }).strict();
const orderQuestionSchema = z
  .object({ q: question, intent: z.enum(ORDER_INTENTS).nullable(), orderNumber: z.string().min(1).nullable() })
  .strict();

function readJson(...parts: string[]): unknown {
  return JSON.parse(readFileSync(knowledgePath('eval', 'independent', ...parts), 'utf8'));
}

/** Case, whitespace, punctuation and symbols removed: two messages equal after this are the same message. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

function texts(entry: FaqInput): string[] {
  return [entry.question, ...(entry.alternates ?? [])];
}

function duplicates(texts: string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const key = squash(t);
    if (key.length > 0 && seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

const stores = [
  { dir: 'cosmetics-appliances', prefix: 'ca', entries: [45, 60], total: 260, inScope: 200, outOfScope: 60 },
  { dir: 'furniture-home', prefix: 'fh', entries: [40, 55], total: 220, inScope: 170, outOfScope: 50 },
] as const;

describe.each(stores)('independent store $dir', ({ dir, prefix, entries: [minEntries, maxEntries], ...min }) => {
  const { entries, rejected } = parseFaqJson(readFileSync(knowledgePath('eval', 'independent', dir, 'kb.json'), 'utf8'));
  const questions = z.array(faqQuestionSchema).parse(readJson(dir, 'questions.json'));
  const ids = new Set(entries.map((e) => e.id));

  it('kb.json imports cleanly and looks like a store FAQ page', () => {
    expect(rejected).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(minEntries);
    expect(entries.length).toBeLessThanOrEqual(maxEntries);
    for (const entry of entries) {
      expect(entry.id).toMatch(new RegExp(`^${prefix}-\\d{3}$`));
      const alternates = entry.alternates ?? [];
      expect(alternates.length).toBeGreaterThanOrEqual(1);
      expect(alternates.length).toBeLessThanOrEqual(2);
      expect(entry.category).toEqual(expect.any(String));
    }
    expect(duplicates(entries.flatMap(texts))).toEqual([]);
  });

  it('questions.json has the required counts and only labels that name a real entry', () => {
    const inScope = questions.filter((q) => q.expect !== null);
    expect(questions.length).toBeGreaterThanOrEqual(min.total);
    expect(inScope.length).toBeGreaterThanOrEqual(min.inScope);
    expect(questions.length - inScope.length).toBeGreaterThanOrEqual(min.outOfScope);
    expect(inScope.filter((q) => !ids.has(q.expect as string))).toEqual([]);
  });

  it('spreads in-scope questions over every entry, 3 to 8 each', () => {
    const perEntry = new Map([...ids].map((id) => [id, 0]));
    for (const q of questions) if (q.expect !== null) perEntry.set(q.expect, (perEntry.get(q.expect) ?? 0) + 1);
    const outside = [...perEntry].filter(([, count]) => count < 3 || count > 8);
    expect(outside).toEqual([]);
  });

  it('has no duplicate questions and no question copied from the KB', () => {
    expect(duplicates(questions.map((q) => q.q))).toEqual([]);
    const kbTexts = new Set(entries.flatMap(texts).map(squash));
    expect(questions.filter((q) => kbTexts.has(squash(q.q))).map((q) => q.q)).toEqual([]);
  });
});

describe('independent order questions', () => {
  const items = z.array(orderQuestionSchema).parse(readJson('order-questions.json'));
  const orderItems = items.filter((i) => i.intent !== null);

  it('has at least 200 items, 80 of them not about an order, and every intent well represented', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    expect(items.length - orderItems.length).toBeGreaterThanOrEqual(80);
    for (const intent of ORDER_INTENTS) {
      expect([intent, orderItems.filter((i) => i.intent === intent).length >= 15]).toEqual([intent, true]);
    }
  });

  it('labels order numbers exactly as the customer typed them, in about half of the order items', () => {
    const numbered = items.filter((i) => i.orderNumber !== null);
    expect(numbered.filter((i) => !i.q.includes(i.orderNumber as string))).toEqual([]);
    const share = orderItems.filter((i) => i.orderNumber !== null).length / orderItems.length;
    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThanOrEqual(0.6);
  });

  it('has no duplicate messages', () => {
    expect(duplicates(items.map((i) => i.q))).toEqual([]);
  });
});
