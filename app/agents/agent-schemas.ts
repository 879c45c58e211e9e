import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { PRESENCES } from '../../core/types.js';

/** Parses with zod, turning every issue into one user-readable invalid_input error (HTTP 422). */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  throw new DomainError('invalid_input', `invalid input: ${problems.join('; ')}`, { userMessage: problems.join('; ') });
}

export const loginBody = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});

export const textBody = z.object({ text: z.string().max(100_000) });
export const transferBody = z.object({ agentId: z.string().min(1).max(100) });
export const presenceBody = z.object({ status: z.enum(PRESENCES) });
export const capacityBody = z.object({ capacity: z.number().int().min(0).max(100).nullable() });
export const listQuery = z.object({ status: z.enum(['queued', 'mine', 'all']).default('queued') });
export const detailQuery = z.object({ reveal: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
export const transcriptQuery = z.object({ format: z.enum(['json', 'text']).default('json') });

const shortcut = z
  .string()
  .trim()
  .transform((s) => s.replace(/^\//, ''))
  .pipe(z.string().min(1).max(32).regex(/^[^\s/]+$/, 'must be one word without spaces or "/"'));
const cannedFields = {
  shortcut, category: z.string().trim().max(40).default(''), title: z.string().trim().min(1).max(100), text: z.string().trim().min(1).max(4000),
};
export const cannedBody = z.object({ ...cannedFields, personal: z.boolean().default(false) });
export const cannedPatch = z.object(cannedFields).partial().strict();
