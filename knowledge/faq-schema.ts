import { createHash } from 'node:crypto';
import { z } from 'zod';
import { messageTextProblem, unstorableText } from '../core/text-rules.js';
import type { FaqInput } from '../core/types.js';

export const FAQ_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const FAQ_LIMITS = { question: 300, answer: 4000, alternate: 300, alternates: 30, category: 80, tag: 40, tags: 20 } as const;

const text = (max: number) => z.string().trim().superRefine((value, ctx) => {
  const problem = messageTextProblem(value, max);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** One FAQ as a file holds it; the id is optional (derived from the question when missing). */
export const faqRecordSchema = z.object({
  id: z.string().trim().regex(FAQ_ID_PATTERN, 'must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$').optional(),
  question: text(FAQ_LIMITS.question),
  answer: text(FAQ_LIMITS.answer),
  alternates: z.array(text(FAQ_LIMITS.alternate)).max(FAQ_LIMITS.alternates).optional(),
  category: z.string().trim().max(FAQ_LIMITS.category).refine((c) => !unstorableText(c), 'contains a NUL character or an unpaired surrogate').nullable().optional(),
  tags: z.array(text(FAQ_LIMITS.tag)).max(FAQ_LIMITS.tags).optional(),
  enabled: z.boolean().optional(),
});

export type FaqRecord = z.input<typeof faqRecordSchema>;

export interface FaqRejection {
  /** JSON: 1-based array position. CSV: record number counting the header as 1. 0: the whole file. */
  row: number;
  id?: string;
  reason: string;
}

export interface FaqParseResult {
  entries: FaqInput[];
  rejected: FaqRejection[];
}

/** Stable id for an entry that has none: a short hash of its whitespace-collapsed question. */
export function deriveFaqId(question: string): string {
  const digest = createHash('sha256').update(question.trim().replace(/\s+/g, ' ')).digest('hex');
  return `faq-${digest.slice(0, 12)}`;
}

/** Validates records in order; later duplicates of an id are rejected. */
export function validateRecords(records: { row: number; record: unknown }[], fileErrors: FaqRejection[] = []): FaqParseResult {
  const entries: FaqInput[] = [];
  const rejected = [...fileErrors];
  const firstRow = new Map<string, number>();
  for (const { row, record } of records) {
    const parsed = faqRecordSchema.safeParse(record);
    const rawId = typeof (record as { id?: unknown })?.id === 'string' ? (record as { id: string }).id.trim() : undefined;
    if (!parsed.success) {
      rejected.push({ row, ...(rawId ? { id: rawId } : {}), reason: describe(parsed.error) });
      continue;
    }
    const { id, question, answer, alternates = [], category, tags = [], enabled } = parsed.data;
    const finalId = id ?? deriveFaqId(question);
    const seen = firstRow.get(finalId);
    if (seen !== undefined) {
      rejected.push({ row, id: finalId, reason: `duplicate id "${finalId}" (first used in row ${seen})` });
      continue;
    }
    firstRow.set(finalId, row);
    entries.push({
      id: finalId,
      question,
      answer,
      alternates: [...new Set(alternates)],
      category: category ? category : null,
      tags,
      ...(enabled === undefined ? {} : { enabled }),
    });
  }
  return { entries, rejected };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'entry'}: ${i.message}`).join('; ');
}
