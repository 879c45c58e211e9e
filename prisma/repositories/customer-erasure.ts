import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { ErasureCounts } from '../../core/customers/customer-types.js';
import type { Db } from '../client.js';
import type { Prisma } from '../generated/sqlite/client.js';

const ERASED = '[erased]';

/** Deletes what the conversations said; the rows stay, so reports still count them. */
async function emptyConversations(tx: Prisma.TransactionClient, ids: string[]): Promise<number> {
  const where = { conversationId: { in: ids } };
  const { count } = await tx.message.deleteMany({ where });
  await tx.conversationNote.deleteMany({ where });
  await tx.unansweredQuestion.deleteMany({ where });
  await tx.answerFeedback.deleteMany({ where });
  return count;
}

export async function eraseCustomer(tx: Prisma.TransactionClient, id: string, at: Date): Promise<ErasureCounts> {
  const customer = await tx.customer.findUnique({ where: { id }, select: { id: true } });
  if (!customer) throw new DomainError('not_found', `customer ${id} not found`, { userMessage: 'Customer not found' });
  const conversations = (await tx.conversation.findMany({ where: { customerId: id }, select: { id: true } })).map((c) => c.id);
  const messages = await emptyConversations(tx, conversations);
  // New ids: every web chat token (and cached reference) naming the old conversation stops working.
  for (const old of conversations) {
    const fresh = randomUUID();
    await tx.conversation.update({ where: { id: old }, data: { id: fresh, channelRef: null } });
    await tx.ticketConversation.updateMany({ where: { conversationId: old }, data: { conversationId: fresh } });
    await tx.survey.updateMany({ where: { conversationId: old }, data: { conversationId: fresh } });
  }
  await tx.survey.updateMany({ where: { customerId: id }, data: { comment: null } });
  const tickets = await tx.ticket.findMany({ where: { customerId: id }, select: { id: true, number: true } });
  for (const t of tickets) {
    await tx.ticket.update({
      where: { id: t.id },
      data: { customerName: null, contact: null, orderNumber: null, subject: ERASED, description: ERASED, searchText: t.number.toLowerCase() },
    });
  }
  await tx.ticketEvent.updateMany({ where: { ticketId: { in: tickets.map((t) => t.id) } }, data: { text: null, changes: null } });
  await tx.customerIdentity.deleteMany({ where: { customerId: id } });
  await tx.customerSuggestion.deleteMany({ where: { customerId: id } });
  await tx.customerChange.deleteMany({ where: { customerId: id } });
  await tx.customer.update({
    where: { id },
    data: { displayName: null, phones: '[]', emails: '[]', addresses: '[]', orderNumbers: '[]', tags: '[]', notes: null, searchText: '', erasedAt: at, version: { increment: 1 } },
  });
  return { conversations: conversations.length, messages, tickets: tickets.length };
}

/** Retention: empties conversations closed before `before`, and those left with the bot since then. */
export async function purgeConversationsBefore(db: Db, before: Date): Promise<number> {
  const where: Prisma.ConversationWhereInput = {
    OR: [{ status: 'closed', closedAt: { lt: before } }, { status: 'bot', updatedAt: { lt: before } }],
    messages: { some: {} },
  };
  let purged = 0;
  for (;;) {
    const ids = (await db.conversation.findMany({ where, select: { id: true }, take: 200 })).map((c) => c.id);
    if (ids.length === 0) return purged;
    purged += await db.$transaction((tx) => emptyConversations(tx, ids));
  }
}
