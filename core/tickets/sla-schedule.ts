import type { BusinessHours } from '../handoff/business-hours.js';
import { businessClock, calendarClock, type SlaClock } from './sla-clock.js';
import { ruleFor, type SlaPolicy, type SlaRule } from './sla-policy.js';
import type { SlaTarget, Ticket, TicketPatch, TimerPlan } from './ticket-types.js';

export interface SlaChange {
  patch: TicketPatch;
  timers: TimerPlan;
}

type Timers = TimerPlan['timers'];

/** Due times and SLA timers of a ticket as it is created, waits for the customer, resumes, or changes type or priority. */
export class SlaPlanner {
  private readonly business: SlaClock;

  constructor(readonly policy: SlaPolicy, hours: BusinessHours) {
    this.business = businessClock(hours);
  }

  rule(ticket: Pick<Ticket, 'type' | 'priority' | 'source'>): SlaRule {
    return ruleFor(this.policy, ticket);
  }

  clock(rule: SlaRule): SlaClock {
    return rule.clock === 'business' ? this.business : calendarClock;
  }

  initial(ticket: Pick<Ticket, 'type' | 'priority' | 'source'>, at: Date): SlaChange {
    const rule = this.rule(ticket);
    const clock = this.clock(rule);
    const firstResponseDueAt = clock.add(at, rule.firstResponseMs);
    const resolutionDueAt = clock.add(at, rule.resolutionMs);
    return {
      patch: { firstResponseDueAt, resolutionDueAt },
      timers: {
        targets: ['first_response', 'resolution'],
        timers: [...this.timers(clock, 'first_response', at, firstResponseDueAt, rule.firstResponseMs), ...this.timers(clock, 'resolution', at, resolutionDueAt, rule.resolutionMs)],
      },
    };
  }

  /** The customer has to act: the resolution clock stops. */
  pause(at: Date): SlaChange {
    return { patch: { slaPausedAt: at }, timers: { targets: ['resolution'], timers: [] } };
  }

  /** The customer answered: the resolution target moves by the time spent waiting for them. */
  resume(ticket: Ticket, at: Date): SlaChange {
    if (!ticket.slaPausedAt || !ticket.resolutionDueAt) return { patch: { slaPausedAt: null }, timers: { targets: [], timers: [] } };
    const rule = this.rule(ticket);
    const clock = this.clock(rule);
    const remaining = clock.between(ticket.slaPausedAt, ticket.resolutionDueAt);
    const resolutionDueAt = clock.add(at, remaining);
    const open = !ticket.resolutionBreachedAt;
    const timers = open ? this.timers(clock, 'resolution', at, resolutionDueAt, rule.resolutionMs, ticket.resolutionWarnedAt !== null) : [];
    return { patch: { slaPausedAt: null, resolutionDueAt }, timers: { targets: ['resolution'], timers } };
  }

  /** Reopened after resolution: a fresh resolution target from now. */
  reopen(ticket: Ticket, at: Date): SlaChange {
    const rule = this.rule(ticket);
    const clock = this.clock(rule);
    const resolutionDueAt = clock.add(at, rule.resolutionMs);
    return {
      patch: { resolutionDueAt, resolutionWarnedAt: null, resolutionBreachedAt: null, slaPausedAt: null },
      timers: { targets: ['resolution'], timers: this.timers(clock, 'resolution', at, resolutionDueAt, rule.resolutionMs) },
    };
  }

  /** Type or priority changed: targets as if the ticket had been created so, keeping any extension from waiting. */
  retarget(before: Ticket, after: Pick<Ticket, 'type' | 'priority'>): SlaChange {
    const oldRule = this.rule(before);
    const rule = this.rule({ ...before, ...after });
    const clock = this.clock(rule);
    const patch: TicketPatch = {};
    const plan: TimerPlan = { targets: [], timers: [] };
    if (!before.firstRespondedAt && !before.firstResponseBreachedAt) {
      patch.firstResponseDueAt = clock.add(before.createdAt, rule.firstResponseMs);
      plan.targets.push('first_response');
      plan.timers.push(...this.timers(clock, 'first_response', before.createdAt, patch.firstResponseDueAt, rule.firstResponseMs, before.firstResponseWarnedAt !== null));
    }
    if (!before.resolvedAt && !before.resolutionBreachedAt && before.resolutionDueAt) {
      const waited = Math.max(0, this.clock(oldRule).between(before.createdAt, before.resolutionDueAt) - oldRule.resolutionMs);
      patch.resolutionDueAt = clock.add(before.createdAt, rule.resolutionMs + waited);
      // While paused, resuming schedules the timers.
      if (!before.slaPausedAt) {
        plan.targets.push('resolution');
        plan.timers.push(...this.timers(clock, 'resolution', before.createdAt, patch.resolutionDueAt, rule.resolutionMs, before.resolutionWarnedAt !== null));
      }
    }
    return { patch, timers: plan };
  }

  /** A breach at the due time, and a warning once `warnAt` of the target has passed (unless one was given already). */
  private timers(clock: SlaClock, target: SlaTarget, start: Date, dueAt: Date, lengthMs: number, warned = false): Timers {
    const timers: Timers = [{ target, phase: 'breach', dueAt }];
    const warnOffset = clock.between(start, dueAt) - (1 - this.policy.warnAt) * lengthMs;
    if (!warned && warnOffset > 0) timers.unshift({ target, phase: 'warning', dueAt: clock.add(start, warnOffset) });
    return timers;
  }
}
