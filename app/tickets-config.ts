import { z } from 'zod';
import { DEFAULT_SLA_POLICY, policyProblem, type SlaPolicy } from '../core/tickets/sla-policy.js';
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_TYPES } from '../core/tickets/ticket-types.js';
import { keepLeftMessagePromise, type LeftMessageTarget } from '../core/supervision/service-promise.js';

/** Ticket, SLA and survey settings of the environment; merged into app/config.ts's schema. */
export const ticketEnvShape = {
  /** JSON, see .env.example; empty: the store's default policy. */
  KEFU_SLA_POLICY: z.string().optional(),
  KEFU_SLA_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  KEFU_SURVEY_EXPIRE_DAYS: z.coerce.number().min(0.0001).max(365).default(3),
  KEFU_SURVEY_COMMENT_MINUTES: z.coerce.number().min(0.01).max(10_080).default(30),
  /** What customers are promised for a message left outside service hours: hours, or like "30m", "24h", "2d". */
  KEFU_LEFT_MESSAGE_REPLY: z.string().trim().regex(/^\d+(\.\d+)?\s*[smhd]?$/, 'must be hours (a number) or like "30m", "24h", "2d"').default('24h'),
  /** calendar: around the clock (the default); business: counted only while the store is open. */
  KEFU_LEFT_MESSAGE_CLOCK: z.enum(['calendar', 'business']).default('calendar'),
};

type TicketEnv = z.infer<z.ZodObject<typeof ticketEnvShape>>;

export interface TicketsConfig {
  slaPolicy: SlaPolicy;
  slaPollMs: number;
  survey: { expireMs: number; commentMs: number };
  /** The promise for left messages; the SLA policy's left-message rule keeps it. */
  leftMessage: LeftMessageTarget;
}

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** 8 (hours), "8h", "30m", "90s", "2d" (2 × 24 h of counted time) → milliseconds. */
const duration = z.union([
  z.number().positive().transform((h) => h * UNIT_MS.h),
  z.string().regex(/^\d+(\.\d+)?\s*[smhd]$/, 'must be hours (a number) or like "30m", "4h", "2d"').transform((s) => {
    const unit = s.trim().slice(-1) as keyof typeof UNIT_MS;
    return Number.parseFloat(s) * UNIT_MS[unit];
  }),
]);

const policySchema = z.object({
  warnAt: z.number().gt(0).lt(1).default(DEFAULT_SLA_POLICY.warnAt),
  rules: z.array(z.object({
    type: z.enum(TICKET_TYPES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    source: z.enum(TICKET_SOURCES).optional(),
    firstResponse: duration,
    resolution: duration,
    clock: z.enum(['business', 'calendar']).default('business'),
  }).strict()).min(1),
}).strict();

/** Parses KEFU_SLA_POLICY; returns the problems instead of throwing, like the other config sections. */
export function parseSlaPolicy(json: string | undefined): { policy: SlaPolicy; problems: string[] } {
  if (!json) return { policy: DEFAULT_SLA_POLICY, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { policy: DEFAULT_SLA_POLICY, problems: ['KEFU_SLA_POLICY: is not valid JSON'] };
  }
  const parsed = policySchema.safeParse(raw);
  if (!parsed.success) return { policy: DEFAULT_SLA_POLICY, problems: parsed.error.issues.map((i) => `KEFU_SLA_POLICY.${i.path.join('.')}: ${i.message}`) };
  const policy: SlaPolicy = {
    warnAt: parsed.data.warnAt,
    rules: parsed.data.rules.map(({ firstResponse, resolution, ...r }) => ({ ...r, firstResponseMs: firstResponse, resolutionMs: resolution })),
  };
  const problem = policyProblem(policy);
  return problem ? { policy, problems: [`KEFU_SLA_POLICY: ${problem}`] } : { policy, problems: [] };
}

export function ticketsConfig(e: TicketEnv): { config: TicketsConfig; problems: string[] } {
  const { policy, problems } = parseSlaPolicy(e.KEFU_SLA_POLICY);
  const reply = e.KEFU_LEFT_MESSAGE_REPLY;
  const unit = /[smhd]$/.test(reply) ? (reply.slice(-1) as keyof typeof UNIT_MS) : 'h';
  const leftMessage: LeftMessageTarget = { ms: Math.round(Number.parseFloat(reply) * UNIT_MS[unit]), clock: e.KEFU_LEFT_MESSAGE_CLOCK };
  if (!(leftMessage.ms > 0)) problems.push('KEFU_LEFT_MESSAGE_REPLY: must be more than 0');
  return {
    config: {
      slaPolicy: keepLeftMessagePromise(policy, leftMessage),
      leftMessage,
      slaPollMs: e.KEFU_SLA_POLL_MS,
      survey: { expireMs: Math.round(e.KEFU_SURVEY_EXPIRE_DAYS * UNIT_MS.d), commentMs: Math.round(e.KEFU_SURVEY_COMMENT_MINUTES * UNIT_MS.m) },
    },
    problems,
  };
}
