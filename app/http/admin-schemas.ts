import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { FaqInput } from '../../core/types.js';
import { faqRecordSchema, validateRecords } from '../../knowledge/faq-schema.js';

const version = z.number().int().min(1);
const ids = z.array(z.string().min(1).max(100)).min(1).max(5000);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A new entry, validated exactly as an imported row is (the id is derived from the question when missing). */
export function parseNewFaq(body: unknown): FaqInput {
  const { entries, rejected } = validateRecords([{ row: 1, record: body ?? {} }]);
  const [entry] = entries;
  if (!entry) {
    const reason = rejected[0]?.reason ?? 'invalid entry';
    throw new DomainError('invalid_input', `invalid FAQ: ${reason}`, { userMessage: reason });
  }
  return entry;
}

export const faqPatchBody = faqRecordSchema.omit({ id: true }).partial().extend({ expectedVersion: version.optional() });

export const FAQ_SORTS = ['id', 'question', 'category', 'updated'] as const;
export const faqListQuery = z.object({
  q: z.string().max(200).optional(),
  category: z.string().max(80).optional(),
  enabled: flag.optional(),
  /** A field, "-" first for descending ("-updated": newest first). */
  sort: z.enum([...FAQ_SORTS, ...FAQ_SORTS.map((s) => `-${s}` as const)]).default('id'),
  /** Without a limit every match comes back (exports and scripts); the console asks a page at a time. */
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const expectedVersionBody = z.object({ expectedVersion: version.optional() }).optional();
export const rollbackBody = z.object({ version, expectedVersion: version.optional() });
export const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const tryBody = z.object({ text: z.string().trim().min(1, 'must not be empty').max(500) });

export const importQuery = z.object({
  format: z.enum(['json', 'csv']).optional(),
  filename: z.string().max(200).optional(),
  dryRun: flag.default(false),
  replace: flag.default(false),
});
export const exportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const synonymsBody = z.object({ groups: z.array(z.array(z.string())), expectedVersion: z.number().int().min(0).optional() });
export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime().transform((s) => new Date(s)).optional(),
  target: z.string().max(200).optional(),
});

export const unansweredQuery = z.object({ days: z.coerce.number().int().min(1).max(365).optional() });
export const resolveBody = z.union([
  z.object({ questionIds: ids, create: z.record(z.string(), z.unknown()) }),
  z.object({ questionIds: ids, faqId: z.string().min(1).max(64), alternates: z.array(z.string()).min(1).max(50), expectedVersion: version.optional() }),
]);
export const dismissBody = z.object({ questionIds: ids });
export const dashboardQuery = z.object({
  days: z.coerce.number().int().default(7),
  tzOffset: z.coerce.number().int().default(0),
});
