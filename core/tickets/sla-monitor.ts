import type { Clock, Logger, Repositories } from '../ports.js';
import type { TicketConversations } from './ticket-conversations.js';
import { SYSTEM_ACTOR, type TicketStore } from './ticket-store.js';
import { isActive } from './ticket-transitions.js';
import type { SlaTimer, Ticket, TicketPatch } from './ticket-types.js';

export interface SlaMonitorDeps {
  repos: Repositories;
  store: TicketStore;
  conversations: TicketConversations;
  clock: Clock;
  logger: Logger;
}

const LEASE_MS = 60_000;
const BATCH = 50;

const FIELDS = {
  first_response: { due: 'firstResponseDueAt', warned: 'firstResponseWarnedAt', breached: 'firstResponseBreachedAt', label: 'first response' },
  resolution: { due: 'resolutionDueAt', warned: 'resolutionWarnedAt', breached: 'resolutionBreachedAt', label: 'resolution' },
} as const;

/**
 * Fires due SLA timers from the database: a warning before a target is missed, a breach (escalated to the
 * supervisors) when it is. Each timer is leased, then marked fired, so one instance fires it once, after restarts too.
 * The ticket as it is now decides: a timer for a target met, paused or moved meanwhile does nothing.
 */
export class SlaMonitor {
  constructor(private readonly deps: SlaMonitorDeps) {}

  /** Fires what is due; returns how many warnings and breaches were recorded. */
  async tick(): Promise<number> {
    const { repos, clock, logger } = this.deps;
    let fired = 0;
    for (let batch = 0; batch < 20; batch++) {
      const now = clock.now();
      const due = await repos.slaTimers.claimDue({ now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit: BATCH });
      for (const timer of due) {
        try {
          if (await this.fire(timer)) fired++;
          await repos.slaTimers.markFired(timer.id, clock.now());
        } catch (err) {
          // The lease runs out and the timer comes back.
          logger.error({ err, ticketId: timer.ticketId }, 'SLA timer failed');
        }
      }
      if (due.length < BATCH) break;
    }
    return fired;
  }

  private async fire(timer: SlaTimer): Promise<boolean> {
    const { repos, store, clock, conversations, logger } = this.deps;
    const found = await repos.tickets.get(timer.ticketId);
    if (!found) return false;
    if (timer.target === 'first_response') await conversations.syncFirstResponse(found);
    const f = FIELDS[timer.target];
    const changed = await store.retrying(timer.ticketId, async (ticket: Ticket) => {
      const now = clock.now();
      const met = timer.target === 'first_response' ? ticket.firstRespondedAt !== null : ticket.resolvedAt !== null || ticket.slaPausedAt !== null;
      const due = ticket[f.due];
      if (met || !isActive(ticket.status) || !due || ticket[f.breached]) return null;
      if (timer.phase === 'warning') {
        if (ticket[f.warned] || now >= due) return null;
        const patch: TicketPatch = { [f.warned]: now };
        return store.change(ticket, SYSTEM_ACTOR, patch, { action: 'sla_warning', text: `${f.label} due at ${due.toISOString()}` });
      }
      if (now < due) return null;
      const patch: TicketPatch = { [f.breached]: now, escalatedAt: ticket.escalatedAt ?? now };
      logger.warn({ ticketId: ticket.id, target: timer.target }, 'SLA breached: escalated to supervisors');
      return store.change(ticket, SYSTEM_ACTOR, patch, { action: 'sla_breach', text: `${f.label} target missed (due ${due.toISOString()}); escalated to supervisors` });
    });
    return changed !== null;
  }
}
