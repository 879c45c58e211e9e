import { z } from 'zod';
import { REPORT_GROUPS } from '../../core/tickets/report-metrics.js';
import { COMPLAINT_STEPS, REVIEW_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../core/tickets/ticket-types.js';

export { parse } from '../agents/agent-schemas.js';

const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable().optional();
const version = z.number().int().min(1).optional();
/** "a,b" or repeated ?x=a&x=b → a list checked against the allowed values. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1))
    .optional();

export const ticketListQuery = z.object({
  status: listOf(TICKET_STATUSES),
  type: listOf(TICKET_TYPES),
  priority: listOf(TICKET_PRIORITIES),
  /** "me", "none" (unassigned) or a user id. */
  assignee: z.string().min(1).max(100).optional(),
  team: z.string().min(1).max(40).optional(),
  q: z.string().max(200).optional(),
  sla: z.enum(['warning', 'breached']).optional(),
  escalated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  review: z.enum(REVIEW_STATUSES).optional(),
  customer: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const fields = {
  priority: z.enum(TICKET_PRIORITIES).optional(),
  subject: text(200).optional(),
  customerName: nullableText(200),
  contact: nullableText(200),
  orderNumber: nullableText(200),
  tags: z.array(z.string().max(40)).max(20).optional(),
};

export const ticketCreateBody = z.object({
  ...fields,
  type: z.enum(TICKET_TYPES),
  description: text(10_000),
  assigneeId: z.string().min(1).max(100).nullable().optional(),
  team: nullableText(40),
  conversationId: z.string().min(1).max(100).optional(),
}).strict();

export const ticketPatchBody = z.object({ ...fields, type: z.enum(TICKET_TYPES).optional(), description: text(10_000).optional(), version }).strict();
export const statusBody = z.object({ status: z.enum(TICKET_STATUSES), version }).strict();
export const assignBody = z.object({ assigneeId: z.string().min(1).max(100).nullable().optional(), team: nullableText(40), version }).strict()
  .refine((b) => b.assigneeId !== undefined || b.team !== undefined, 'give assigneeId, team or both');
export const ticketTextBody = z.object({ text: text(10_000) }).strict();
export const linkBody = z.object({ conversationId: z.string().min(1).max(100) }).strict();
export const stepBody = z.object({
  step: z.enum(COMPLAINT_STEPS), text: text(10_000), solution: text(10_000).optional(), rootCause: text(10_000).optional(), improvement: text(10_000).optional(), version,
}).strict();
export const reviewBody = z.object({
  decision: z.enum(['approved', 'rejected']), comment: nullableText(10_000), returnTo: z.enum(COMPLAINT_STEPS).optional(), version,
}).strict();
export const teamBody = z.object({ userIds: z.array(z.string().min(1).max(100)).max(500) }).strict();
export const reportQuery = z.object({
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
  groupBy: z.enum(REPORT_GROUPS).default('day'),
});
