import { DomainError } from '../../core/errors.js';
import type { AppendResult, MessageRepository, NewTurn, TurnResult } from '../../core/ports.js';
import type { ChannelId, NewMessage, StoredMessage } from '../../core/types.js';
import type { Db } from '../client.js';
import { toMessage } from '../mappers.js';
import { isUniqueViolation } from '../prisma-errors.js';
import { queryRows, sqlDate, type RawDb } from '../raw/raw-db.js';
import { appendMessage } from '../raw/append.js';
import { isUniqueViolation as isRawUniqueViolation, storeTurn } from '../raw/turn-store.js';

const UNANSWERED = `SELECT m."id" FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
  WHERE m."direction" = 'inbound' AND m."author" = 'customer' AND c."status" = 'bot' AND m."createdAt" >= ? AND m."createdAt" < ?
  AND NOT EXISTS (SELECT 1 FROM "Message" r WHERE r."replyToId" = m."id")
  AND NOT EXISTS (SELECT 1 FROM "Message" o WHERE o."conversationId" = m."conversationId" AND o."seq" > m."seq" AND o."author" IN ('agent', 'system'))
  ORDER BY m."createdAt", m."seq" LIMIT ?`;

export class PrismaMessageRepository implements MessageRepository {
  constructor(
    private readonly db: Db,
    private readonly raw: RawDb,
  ) {}

  storeTurn(turn: NewTurn): Promise<TurnResult> {
    return storeTurn(this.raw, turn, (m) => this.findByChannelMessageId(m));
  }

  async listUnanswered(input: { since: Date; before: Date; limit: number }): Promise<StoredMessage[]> {
    const ids = await queryRows<{ id: string }>(this.raw, UNANSWERED, [sqlDate(this.raw, input.since), sqlDate(this.raw, input.before), input.limit]);
    if (ids.length === 0) return [];
    const rows = await this.db.message.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: [{ createdAt: 'asc' }, { seq: 'asc' }] });
    return rows.map(toMessage);
  }

  async append(message: NewMessage): Promise<AppendResult> {
    try {
      const stored = await appendMessage(this.raw, message);
      if (!stored) throw new DomainError('not_found', `Conversation ${message.conversationId} not found`);
      return { message: stored, duplicate: false };
    } catch (error) {
      // The transaction has rolled back, lastSeq included; the stored twin is the answer.
      const existing = isRawUniqueViolation(error) || isUniqueViolation(error) ? await this.findByChannelMessageId(message) : null;
      if (!existing) throw error;
      return { message: existing, duplicate: true };
    }
  }

  async listByConversation(conversationId: string, options: { afterSeq?: number; limit?: number } = {}): Promise<StoredMessage[]> {
    const { afterSeq = 0, limit } = options;
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
      throw new DomainError('invalid_input', `limit must be a non-negative integer, got ${limit}`);
    }
    const rows = await this.db.message.findMany({
      where: { conversationId, seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take: limit,
    });
    return rows.map(toMessage);
  }

  async listReplies(messageId: string): Promise<StoredMessage[]> {
    const rows = await this.db.message.findMany({ where: { replyToId: messageId }, orderBy: { seq: 'asc' } });
    return rows.map(toMessage);
  }

  async lastBotMessage(conversationId: string): Promise<StoredMessage | null> {
    const row = await this.db.message.findFirst({
      where: { conversationId, direction: 'outbound', author: 'bot' },
      orderBy: { seq: 'desc' },
    });
    return row ? toMessage(row) : null;
  }

  async findByChannelKey(channel: ChannelId, channelMessageId: string): Promise<StoredMessage | null> {
    const row = await this.db.message.findUnique({ where: { channel_channelMessageId: { channel, channelMessageId } } });
    return row ? toMessage(row) : null;
  }

  private async findByChannelMessageId(message: NewMessage): Promise<StoredMessage | null> {
    if (message.channelMessageId === null) return null;
    const conversation = await this.db.conversation.findUnique({ where: { id: message.conversationId }, select: { channel: true } });
    if (!conversation) return null;
    const row = await this.db.message.findUnique({
      where: { channel_channelMessageId: { channel: conversation.channel, channelMessageId: message.channelMessageId } },
    });
    return row ? toMessage(row) : null;
  }
}
