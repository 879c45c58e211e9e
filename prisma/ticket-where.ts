import type { TicketFilter } from '../core/tickets/ticket-types.js';
import type { Prisma } from './generated/sqlite/client.js';

/** TicketFilter as a Prisma where clause; core/tickets/ticket-filter.ts is the reference meaning. */
export function ticketWhere(f: TicketFilter): Prisma.TicketWhereInput {
  const and: Prisma.TicketWhereInput[] = [];
  if (f.statuses) and.push({ status: { in: f.statuses } });
  if (f.types) and.push({ type: { in: f.types } });
  if (f.priorities) and.push({ priority: { in: f.priorities } });
  if (f.assigneeId !== undefined) and.push({ assigneeId: f.assigneeId });
  if (f.team !== undefined) and.push({ team: f.team });
  if (f.customerId !== undefined) and.push({ customerId: f.customerId });
  if (f.search?.trim()) and.push({ searchText: { contains: f.search.trim().toLowerCase() } });
  if (f.sla === 'breached') and.push({ OR: [{ firstResponseBreachedAt: { not: null } }, { resolutionBreachedAt: { not: null } }] });
  if (f.sla === 'warning') {
    and.push({
      OR: [
        { firstResponseWarnedAt: { not: null }, firstResponseBreachedAt: null, firstRespondedAt: null },
        { resolutionWarnedAt: { not: null }, resolutionBreachedAt: null, resolvedAt: null },
      ],
    });
  }
  if (f.escalated !== undefined) and.push({ escalatedAt: f.escalated ? { not: null } : null });
  if (f.reviewStatus !== undefined) and.push({ reviewStatus: f.reviewStatus });
  if (f.visibleTo) {
    const { userId, teams } = f.visibleTo;
    and.push({ OR: [{ assigneeId: userId }, { assigneeId: null, OR: [{ team: null }, { team: { in: teams } }] }] });
  }
  return { AND: and };
}
