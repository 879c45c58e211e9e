import type { HandoffRepository } from '../../core/ports.js';
import type { Conversation, ConversationNote, ConversationStatus, HandoffReason } from '../../core/types.js';
import { TX_OPTIONS, type Db } from '../client.js';
import { toConversation, toNote } from '../mappers.js';
import type { Prisma } from '../generated/sqlite/client.js';

/**
 * Each transition is one `UPDATE … WHERE <expected state>` (updateMany): the database decides which of several
 * concurrent callers wins, on SQLite and on PostgreSQL alike, and the losers see a count of 0. A claim also takes
 * the customer's turn, so one customer is never with two agents at once.
 */
export class PrismaHandoffRepository implements HandoffRepository {
  constructor(private readonly db: Db) {}

  enqueue(id: string, input: { reason: HandoffReason; at: Date; leftMessage: boolean }): Promise<Conversation | null> {
    return this.transition(id, { status: { in: ['bot', 'closed'] } }, {
      status: 'queued', assigneeId: null, assignedAt: null, handoffReason: input.reason, queuedAt: input.at, closedAt: null,
      fallbackStreak: 0, leftMessageAt: input.leftMessage ? input.at : null,
    });
  }

  async claim(id: string, agentId: string, at: Date): Promise<Conversation | null> {
    const claimed = await this.db.$transaction(async (tx) => {
      const found = await tx.conversation.findUnique({ where: { id }, select: { customerId: true } });
      if (!found) return false;
      // Touching the customer's row first makes concurrent claims of one customer's conversations take turns (a row
      // lock on PostgreSQL; SQLite serialises writers), so the check below sees the other claim once it committed.
      await tx.customer.update({ where: { id: found.customerId }, data: { updatedAt: at } });
      const heldByOther = await tx.conversation.count({ where: { customerId: found.customerId, status: 'agent', assigneeId: { not: agentId }, id: { not: id } } });
      if (heldByOther > 0) return false;
      const { count } = await tx.conversation.updateMany({ where: { id, status: 'queued', assigneeId: null }, data: { status: 'agent', assigneeId: agentId, assignedAt: at } });
      return count > 0;
    }, TX_OPTIONS);
    if (!claimed) return null;
    const row = await this.db.conversation.findUnique({ where: { id } });
    return row ? toConversation(row) : null;
  }

  assign(id: string, toId: string, at: Date, fromId?: string): Promise<Conversation | null> {
    const where: Prisma.ConversationWhereInput = fromId === undefined ? { status: { in: ['queued', 'agent'] } } : { status: 'agent', assigneeId: fromId };
    return this.transition(id, where, { status: 'agent', assigneeId: toId, assignedAt: at });
  }

  close(id: string, at: Date, assigneeId?: string): Promise<Conversation | null> {
    const where: Prisma.ConversationWhereInput = assigneeId === undefined ? { status: { in: ['queued', 'agent'] } } : { status: 'agent', assigneeId };
    return this.transition(id, where, { status: 'closed', closedAt: at });
  }

  async listQueued(): Promise<Conversation[]> {
    const rows = await this.db.conversation.findMany({ where: { status: 'queued' }, orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toConversation);
  }

  async listAssigned(agentId: string, status?: ConversationStatus): Promise<Conversation[]> {
    const rows = await this.db.conversation.findMany({
      where: { assigneeId: agentId, ...(status ? { status } : {}) },
      orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map(toConversation);
  }

  async activeLoad(): Promise<Record<string, number>> {
    const groups = await this.db.conversation.groupBy({ by: ['assigneeId'], where: { status: 'agent', assigneeId: { not: null } }, _count: { _all: true } });
    return Object.fromEntries(groups.flatMap((g) => (g.assigneeId ? [[g.assigneeId, g._count._all]] : [])));
  }

  async addNote(note: Omit<ConversationNote, 'id'>): Promise<ConversationNote> {
    return toNote(await this.db.conversationNote.create({ data: note }));
  }

  async listNotes(conversationId: string): Promise<ConversationNote[]> {
    const rows = await this.db.conversationNote.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toNote);
  }

  private async transition(id: string, where: Prisma.ConversationWhereInput, data: Prisma.ConversationUncheckedUpdateManyInput): Promise<Conversation | null> {
    const { count } = await this.db.conversation.updateMany({ where: { ...where, id }, data });
    if (count === 0) return null;
    const row = await this.db.conversation.findUnique({ where: { id } });
    return row ? toConversation(row) : null;
  }
}
