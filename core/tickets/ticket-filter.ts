import type { Ticket, TicketFilter } from './ticket-types.js';

/** The text a ticket is found by (lower-cased), the same on every storage. */
export const searchTextOf = (t: Pick<Ticket, 'number' | 'subject' | 'description' | 'customerName' | 'contact' | 'orderNumber'>): string =>
  [t.number, t.subject, t.description, t.customerName, t.contact, t.orderNumber].filter(Boolean).join('\n').toLowerCase();

const warning = (t: Ticket) =>
  (t.firstResponseWarnedAt !== null && t.firstResponseBreachedAt === null && t.firstRespondedAt === null) ||
  (t.resolutionWarnedAt !== null && t.resolutionBreachedAt === null && t.resolvedAt === null);

/** The reference meaning of TicketFilter (the in-memory repository uses it; prisma/ builds the same as SQL). */
export function matchesTicketFilter(t: Ticket, f: TicketFilter): boolean {
  if (f.statuses && !f.statuses.includes(t.status)) return false;
  if (f.types && !f.types.includes(t.type)) return false;
  if (f.priorities && !f.priorities.includes(t.priority)) return false;
  if (f.assigneeId !== undefined && t.assigneeId !== f.assigneeId) return false;
  if (f.team !== undefined && t.team !== f.team) return false;
  if (f.customerId !== undefined && t.customerId !== f.customerId) return false;
  if (f.search && !searchTextOf(t).includes(f.search.trim().toLowerCase())) return false;
  if (f.sla === 'breached' && t.firstResponseBreachedAt === null && t.resolutionBreachedAt === null) return false;
  if (f.sla === 'warning' && !warning(t)) return false;
  if (f.escalated !== undefined && (t.escalatedAt !== null) !== f.escalated) return false;
  if (f.reviewStatus !== undefined && t.reviewStatus !== f.reviewStatus) return false;
  if (f.visibleTo) {
    const { userId, teams } = f.visibleTo;
    if (t.assigneeId !== userId && !(t.assigneeId === null && (t.team === null || teams.includes(t.team)))) return false;
  }
  return true;
}
