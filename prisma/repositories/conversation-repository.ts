import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { ConversationRepository } from '../../core/ports.js';
import type { ChannelId, Conversation, ConversationStatus, Lang } from '../../core/types.js';
import type { Db } from '../client.js';
import { toConversation } from '../mappers.js';
import { isRecordNotFound } from '../prisma-errors.js';
import type { Conversation as ConversationRow } from '../generated/sqlite/client.js';
import { CONVERSATION } from '../raw/columns.js';
import { execute, insertSql, queryRecords, selectSql, sqlDate, type RawDb } from '../raw/raw-db.js';

type ConversationPatch = Partial<Pick<Conversation, 'status' | 'lang' | 'fallbackStreak' | 'closedAt' | 'channelRef'>>;

const GET = selectSql('Conversation', CONVERSATION.columns);
const CREATE = insertSql('Conversation', ['id', 'customerId', 'channel', 'status', 'lang', 'lastSeq', 'fallbackStreak', 'createdAt', 'updatedAt']);

export class PrismaConversationRepository implements ConversationRepository {
  constructor(
    private readonly db: Db,
    private readonly raw: RawDb,
  ) {}

  /** Every new conversation: a prepared statement, not a compiled query. */
  async create(input: { customerId: string; channel: ChannelId; lang?: Lang }): Promise<Conversation> {
    const now = new Date();
    const conversation: Conversation = {
      id: randomUUID(), customerId: input.customerId, channel: input.channel, status: 'bot', lang: input.lang ?? 'zh', lastSeq: 0,
      fallbackStreak: 0, createdAt: now, updatedAt: now, closedAt: null, assigneeId: null, handoffReason: null, queuedAt: null,
      assignedAt: null, leftMessageAt: null, channelRef: null,
    };
    const at = sqlDate(this.raw, now);
    await execute(this.raw, CREATE, [conversation.id, conversation.customerId, conversation.channel, conversation.status, conversation.lang, 0, 0, at, at]);
    return conversation;
  }

  /** On every agent reply and every cache miss: a prepared statement, not a compiled query. */
  async get(id: string): Promise<Conversation | null> {
    const [row] = await queryRecords<ConversationRow>(this.raw, GET, [id], CONVERSATION.dates);
    return row ? toConversation(row) : null;
  }

  async findOpen(customerId: string, channel: ChannelId): Promise<Conversation | null> {
    const row = await this.db.conversation.findFirst({
      where: { customerId, channel, status: { not: 'closed' } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return row ? toConversation(row) : null;
  }

  async update(id: string, patch: ConversationPatch): Promise<Conversation> {
    try {
      const { status, lang, fallbackStreak, closedAt, channelRef } = patch;
      const row = await this.db.conversation.update({ where: { id }, data: { status, lang, fallbackStreak, closedAt, channelRef } });
      return toConversation(row);
    } catch (error) {
      if (isRecordNotFound(error)) throw new DomainError('not_found', `Conversation ${id} not found`, { cause: error });
      throw error;
    }
  }

  async listByCustomer(customerId: string): Promise<Conversation[]> {
    const rows = await this.db.conversation.findMany({ where: { customerId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toConversation);
  }

  /** Least recently active first, so a queue is served in order. */
  async listByStatus(status: ConversationStatus): Promise<Conversation[]> {
    const rows = await this.db.conversation.findMany({ where: { status }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toConversation);
  }
}
