import { DomainError } from '../../core/errors.js';
import type { TicketRepository } from '../../core/ports.js';
import { searchTextOf } from '../../core/tickets/ticket-filter.js';
import type { NewTicket, NewTicketEvent, Ticket, TicketEvent, TicketFilter, TicketPatch, TimerPlan } from '../../core/tickets/ticket-types.js';
import { TX_OPTIONS, type Db } from '../client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { isUniqueViolation } from '../prisma-errors.js';
import { queryRows, type RawDb } from '../raw/raw-db.js';
import { eventData, newTicketData, ticketPatchData, toTicket, toTicketEvent } from '../ticket-mappers.js';
import { ticketWhere } from '../ticket-where.js';

type Tx = Prisma.TransactionClient;

async function replaceTimers(tx: Tx, ticketId: string, plan: TimerPlan | undefined, at: Date): Promise<void> {
  if (!plan || plan.targets.length === 0) return;
  await tx.slaTimer.deleteMany({ where: { ticketId, firedAt: null, target: { in: plan.targets } } });
  if (plan.timers.length > 0) await tx.slaTimer.createMany({ data: plan.timers.map((t) => ({ ticketId, ...t, createdAt: at })) });
}

/** Tickets with their history, links and timers; every change is conditional on the version read. */
export class PrismaTicketRepository implements TicketRepository {
  constructor(
    private readonly db: Db,
    private readonly raw?: RawDb,
  ) {}

  async nextNumber(day: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        // The increment locks the row (PostgreSQL) or the database (SQLite) until commit: callers take turns.
        return await this.db.$transaction(async (tx) => {
          const { count } = await tx.ticketSequence.updateMany({ where: { day }, data: { last: { increment: 1 } } });
          if (count === 0) return (await tx.ticketSequence.create({ data: { day, last: 1 } })).last;
          return (await tx.ticketSequence.findUniqueOrThrow({ where: { day } })).last;
        }, TX_OPTIONS);
      } catch (error) {
        // Two first tickets of the day both tried to create the row: the loser increments it instead.
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  async create(ticket: NewTicket, event: NewTicketEvent, options: { conversationId?: string; timers?: TimerPlan } = {}): Promise<Ticket> {
    try {
      const row = await this.db.$transaction(async (tx) => {
        const created = await tx.ticket.create({ data: newTicketData(ticket) });
        await tx.ticketEvent.create({ data: eventData(created.id, event) });
        if (options.conversationId) await tx.ticketConversation.create({ data: { ticketId: created.id, conversationId: options.conversationId, linkedAt: ticket.createdAt } });
        await replaceTimers(tx, created.id, options.timers, ticket.createdAt);
        return created;
      }, TX_OPTIONS);
      return toTicket(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', `ticket number ${ticket.number} taken`, { cause: error });
      throw error;
    }
  }

  async get(id: string): Promise<Ticket | null> {
    const row = await this.db.ticket.findUnique({ where: { id } });
    return row ? toTicket(row) : null;
  }

  async getByNumber(number: string): Promise<Ticket | null> {
    const row = await this.db.ticket.findUnique({ where: { number } });
    return row ? toTicket(row) : null;
  }

  async update(id: string, version: number, patch: TicketPatch, events: NewTicketEvent[], timers?: TimerPlan): Promise<Ticket | null> {
    const row = await this.db.$transaction(async (tx) => {
      const { count } = await tx.ticket.updateMany({ where: { id, version }, data: { ...ticketPatchData(patch), version: { increment: 1 } } });
      if (count === 0) return null;
      let updated = await tx.ticket.findUniqueOrThrow({ where: { id } });
      const searchText = searchTextOf(updated);
      if (searchText !== updated.searchText) updated = await tx.ticket.update({ where: { id }, data: { searchText } });
      if (events.length > 0) await tx.ticketEvent.createMany({ data: events.map((e) => eventData(id, e)) });
      await replaceTimers(tx, id, timers, events[0]?.createdAt ?? updated.updatedAt);
      return updated;
    }, TX_OPTIONS);
    return row ? toTicket(row) : null;
  }

  async list(filter: TicketFilter): Promise<{ tickets: Ticket[]; total: number }> {
    const where = ticketWhere(filter);
    const [rows, total] = await Promise.all([
      this.db.ticket.findMany({ where, orderBy: [{ updatedAt: 'desc' }, { number: 'desc' }], skip: filter.offset ?? 0, take: filter.limit ?? 50 }),
      this.db.ticket.count({ where }),
    ]);
    return { tickets: rows.map(toTicket), total };
  }

  async addEvent(ticketId: string, event: NewTicketEvent): Promise<TicketEvent> {
    return toTicketEvent(await this.db.ticketEvent.create({ data: eventData(ticketId, event) }));
  }

  async events(ticketId: string): Promise<TicketEvent[]> {
    const rows = await this.db.ticketEvent.findMany({ where: { ticketId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toTicketEvent);
  }

  async link(ticketId: string, conversationId: string, at: Date): Promise<boolean> {
    try {
      await this.db.ticketConversation.create({ data: { ticketId, conversationId, linkedAt: at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async conversationsOf(ticketId: string): Promise<string[]> {
    const rows = await this.db.ticketConversation.findMany({ where: { ticketId }, orderBy: [{ linkedAt: 'asc' }, { conversationId: 'asc' }] });
    return rows.map((r) => r.conversationId);
  }

  async ticketsOfConversation(conversationId: string): Promise<Ticket[]> {
    // Asked for every customer text; most conversations have no ticket, which a prepared statement answers cheaply.
    if (this.raw && (await queryRows(this.raw, 'SELECT 1 AS "one" FROM "TicketConversation" WHERE "conversationId" = ? LIMIT 1', [conversationId])).length === 0) return [];
    const rows = await this.db.ticket.findMany({ where: { conversations: { some: { conversationId } } }, orderBy: [{ createdAt: 'desc' }, { number: 'desc' }] });
    return rows.map(toTicket);
  }

  async createdBetween(from: Date, to: Date): Promise<Ticket[]> {
    const rows = await this.db.ticket.findMany({ where: { createdAt: { gte: from, lt: to } }, orderBy: { createdAt: 'asc' } });
    return rows.map(toTicket);
  }
}
