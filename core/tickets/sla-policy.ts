import type { Ticket, TicketPriority, TicketSource, TicketType } from './ticket-types.js';

/** One line of the SLA policy: the first rule whose conditions all hold sets a ticket's targets. */
export interface SlaRule {
  type?: TicketType;
  priority?: TicketPriority;
  source?: TicketSource;
  firstResponseMs: number;
  resolutionMs: number;
  /** 'business': counted only while the store is open (KEFU_BUSINESS_HOURS, holidays); 'calendar': around the clock. */
  clock: 'business' | 'calendar';
}

export interface SlaPolicy {
  /** Share of a target after which a warning fires (0.75: with a quarter of the time left). */
  warnAt: number;
  /** Checked in order; the last one matches everything. */
  rules: SlaRule[];
}

const H = 3_600_000;
const rule = (r: Omit<SlaRule, 'firstResponseMs' | 'resolutionMs' | 'clock'>, firstResponseHours: number, resolutionHours: number, clock: SlaRule['clock'] = 'business'): SlaRule =>
  ({ ...r, firstResponseMs: firstResponseHours * H, resolutionMs: resolutionHours * H, clock });

/**
 * The store's policy: urgent first; complaints answered within 2 business hours; left messages within 24 hours
 * around the clock, as customers are told (the left-message rule follows KEFU_LEFT_MESSAGE_REPLY, see service-promise.ts).
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  warnAt: 0.75,
  rules: [
    rule({ priority: 'urgent' }, 1, 8),
    rule({ type: 'complaint' }, 2, 24),
    rule({ priority: 'high' }, 4, 24),
    rule({ source: 'left_message' }, 24, 72, 'calendar'),
    rule({ priority: 'low' }, 24, 120),
    rule({}, 8, 40),
  ],
};

export function ruleFor(policy: SlaPolicy, ticket: Pick<Ticket, 'type' | 'priority' | 'source'>): SlaRule {
  const found = policy.rules.find((r) =>
    (r.type === undefined || r.type === ticket.type) &&
    (r.priority === undefined || r.priority === ticket.priority) &&
    (r.source === undefined || r.source === ticket.source));
  // The policy's parser insists on a catch-all rule; this only guards a hand-built policy.
  return found ?? policy.rules.at(-1) ?? { firstResponseMs: 8 * H, resolutionMs: 40 * H, clock: 'business' };
}

/** "the last rule matches everything" — null when the policy holds, else what is wrong. */
export function policyProblem(policy: SlaPolicy): string | null {
  const last = policy.rules.at(-1);
  if (!last) return 'needs at least one rule';
  if (last.type !== undefined || last.priority !== undefined || last.source !== undefined) return 'the last rule must have no type, priority or source (the default)';
  if (!(policy.warnAt > 0 && policy.warnAt < 1)) return 'warnAt must be between 0 and 1';
  return null;
}
