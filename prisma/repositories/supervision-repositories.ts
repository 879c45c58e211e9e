import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { AuditInput, MessageFlagRepository, SensitiveWordRepository } from '../../core/ports.js';
import { FLAG_KINDS, FLAG_STATUSES, type FlagFilter, type MessageFlag, type NewMessageFlag } from '../../core/supervision/flag-types.js';
import { WORD_ACTIONS, WORD_CATEGORIES, wordListSchema, type SensitiveWord, type WordList } from '../../core/supervision/word-list.js';
import { TX_OPTIONS, type Db } from '../client.js';
import type { MessageFlag as FlagRow } from '../generated/sqlite/client.js';
import { auditColumns } from '../knowledge-mappers.js';
import { oneOf } from '../mappers.js';

const LIST_ID = 1;
const hitsSchema = z.array(z.object({ term: z.string(), action: z.enum(WORD_ACTIONS), category: z.enum(WORD_CATEGORIES) }));

export class PrismaSensitiveWordRepository implements SensitiveWordRepository {
  constructor(private readonly db: Db) {}

  async get(): Promise<WordList | null> {
    const row = await this.db.sensitiveWordList.findUnique({ where: { id: LIST_ID } });
    return row ? { words: wordListSchema.parse(JSON.parse(row.words)), version: row.version } : null;
  }

  replace(words: SensitiveWord[], audit: AuditInput, expectedVersion?: number): Promise<WordList> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.sensitiveWordList.findUnique({ where: { id: LIST_ID } });
      const version = row?.version ?? 0;
      if (expectedVersion !== undefined && expectedVersion !== version) {
        throw new DomainError('conflict', `sensitive words at version ${version}, not ${expectedVersion}`, { userMessage: 'The word list was changed meanwhile; reload and try again' });
      }
      const data = { words: JSON.stringify(words), updatedAt: new Date() };
      // The version check above and this conditional write keep two concurrent saves from both winning.
      const written = row
        ? (await tx.sensitiveWordList.updateMany({ where: { id: LIST_ID, version }, data: { ...data, version: version + 1 } })).count
        : (await tx.sensitiveWordList.create({ data: { ...data, id: LIST_ID, version: 1 } }), 1);
      if (written === 0) throw new DomainError('conflict', 'sensitive words changed meanwhile', { userMessage: 'The word list was changed meanwhile; reload and try again' });
      await tx.auditLog.create({ data: auditColumns(audit) });
      return { words, version: version + 1 };
    }, TX_OPTIONS);
  }
}

function toFlag(row: FlagRow): MessageFlag {
  return {
    id: row.id, kind: oneOf(FLAG_KINDS, row.kind, 'MessageFlag.kind'), conversationId: row.conversationId, messageId: row.messageId,
    agentId: row.agentId, hits: hitsSchema.parse(JSON.parse(row.hits)), text: row.text, status: oneOf(FLAG_STATUSES, row.status, 'MessageFlag.status'),
    reviewerId: row.reviewerId, reviewNote: row.reviewNote, createdAt: row.createdAt, reviewedAt: row.reviewedAt,
  };
}

export class PrismaMessageFlagRepository implements MessageFlagRepository {
  constructor(private readonly db: Db) {}

  async create(flag: NewMessageFlag): Promise<MessageFlag> {
    return toFlag(await this.db.messageFlag.create({ data: { ...flag, hits: JSON.stringify(flag.hits), status: 'open' } }));
  }

  async list(filter: FlagFilter): Promise<MessageFlag[]> {
    const rows = await this.db.messageFlag.findMany({
      where: {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.kinds ? { kind: { in: filter.kinds } } : {}),
        ...(filter.agentId ? { agentId: filter.agentId } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: filter.limit ?? 100,
    });
    return rows.map(toFlag);
  }

  async review(id: string, input: { reviewerId: string; note: string | null; at: Date }): Promise<MessageFlag | null> {
    const { count } = await this.db.messageFlag.updateMany({
      where: { id, status: 'open' }, data: { status: 'reviewed', reviewerId: input.reviewerId, reviewNote: input.note, reviewedAt: input.at },
    });
    if (count === 0) return null;
    const row = await this.db.messageFlag.findUnique({ where: { id } });
    return row ? toFlag(row) : null;
  }
}
