import type { SlaTimerRepository } from '../../core/ports.js';
import type { SlaTimer } from '../../core/tickets/ticket-types.js';
import type { Db } from '../client.js';
import { toSlaTimer } from '../ticket-mappers.js';

/** Durable SLA deadlines, leased like the outbox so that each fires on one instance only. */
export class PrismaSlaTimerRepository implements SlaTimerRepository {
  constructor(private readonly db: Db) {}

  async claimDue(input: { now: Date; leaseUntil: Date; limit: number }): Promise<SlaTimer[]> {
    const due = await this.db.slaTimer.findMany({ where: { firedAt: null, dueAt: { lte: input.now } }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: input.limit });
    const claimed: SlaTimer[] = [];
    for (const row of due) {
      // Conditional on the due time read: a timer another instance leased first matches nothing.
      const { count } = await this.db.slaTimer.updateMany({ where: { id: row.id, firedAt: null, dueAt: row.dueAt }, data: { dueAt: input.leaseUntil } });
      if (count === 1) claimed.push(toSlaTimer({ ...row, dueAt: input.leaseUntil }));
    }
    return claimed;
  }

  async markFired(id: string, at: Date): Promise<void> {
    await this.db.slaTimer.updateMany({ where: { id, firedAt: null }, data: { firedAt: at } });
  }

  async list(ticketId: string): Promise<SlaTimer[]> {
    const rows = await this.db.slaTimer.findMany({ where: { ticketId }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toSlaTimer);
  }
}
