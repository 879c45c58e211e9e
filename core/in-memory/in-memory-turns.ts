import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { DeliveryRepository, MessageRepository, NewTurn, TurnResult } from '../ports.js';
import type { Conversation, NewMessage, StoredMessage } from '../types.js';

/** `storeTurn` and `listUnanswered` over the in-memory maps, with the same contract as prisma/ (all or nothing). */
export function createInMemoryTurns(
  conversations: Map<string, Conversation>, messages: StoredMessage[], deliveries: DeliveryRepository,
): Pick<MessageRepository, 'storeTurn' | 'listUnanswered'> {
  const isStored = (m: NewMessage | StoredMessage): m is StoredMessage => 'id' in m && 'seq' in m;
  return {
    async storeTurn(turn: NewTurn): Promise<TurnResult> {
      const c = conversations.get(turn.conversationId);
      if (!c) throw new DomainError('not_found', `conversation ${turn.conversationId} not found`);
      const key = turn.inbound.channelMessageId;
      if (!isStored(turn.inbound) && key) {
        const twin = messages.find((m) => m.channelMessageId === key && conversations.get(m.conversationId)?.channel === c.channel);
        if (twin) return { outcome: 'duplicate', inbound: twin };
      }
      if (c.status !== turn.expect.status || c.lastSeq !== turn.expect.lastSeq) return { outcome: 'stale' };
      const add = (m: NewMessage, pending: boolean): StoredMessage => {
        const { deliveryStatus: _ignored, ...rest } = m;
        const stored: StoredMessage = { ...rest, id: randomUUID(), seq: ++c.lastSeq, createdAt: m.createdAt ?? turn.at, ...(pending ? { deliveryStatus: 'pending' as const } : {}) };
        messages.push(stored);
        return stored;
      };
      const inbound = isStored(turn.inbound) ? turn.inbound : add(turn.inbound, false);
      const replies = turn.replies.map((r) => add({ ...r.message, replyToId: r.message.replyToId ?? inbound.id }, Boolean(r.outbox)));
      Object.assign(c, turn.patch, { updatedAt: turn.at });
      for (const [i, reply] of turn.replies.entries()) {
        const message = replies[i];
        if (reply.outbox && message) await deliveries.enqueue({ message, channel: reply.outbox.channel, payload: reply.outbox.payload, at: turn.at });
      }
      return { outcome: 'stored', inbound, replies, lastSeq: c.lastSeq };
    },
    async listUnanswered({ since, before, limit }) {
      return messages
        .filter((m) => m.direction === 'inbound' && m.author === 'customer' && m.createdAt >= since && m.createdAt < before)
        .filter((m) => conversations.get(m.conversationId)?.status === 'bot')
        .filter((m) => !messages.some((r) => r.replyToId === m.id))
        .filter((m) => !messages.some((o) => o.conversationId === m.conversationId && o.seq > m.seq && (o.author === 'agent' || o.author === 'system')))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.seq - b.seq)
        .slice(0, limit);
    },
  };
}
