import { randomUUID } from 'node:crypto';
import type { NewUnanswered, UnansweredRepository } from '../../core/ports.js';
import type { UnansweredQuestion, UnansweredReason } from '../../core/types.js';
import type { Db } from '../client.js';
import { toUnanswered } from '../knowledge-mappers.js';
import { execute, insertSql, sqlDate, type RawDb } from '../raw/raw-db.js';
import { oneOf } from '../mappers.js';
import { UNANSWERED_REASONS, UNANSWERED_STATUSES } from '../../core/types.js';

const RECORD_COLUMNS = ['id', 'conversationId', 'messageId', 'channel', 'text', 'reason', 'bestScore', 'bestFaqId', 'lang', 'status', 'createdAt'] as const;
// The same message and reason again (a re-delivered message, a repeated 👎): one is enough.
const RECORD = `${insertSql('UnansweredQuestion', RECORD_COLUMNS)} ON CONFLICT ("messageId", "reason") DO NOTHING`;

export class PrismaUnansweredRepository implements UnansweredRepository {
  constructor(
    private readonly db: Db,
    private readonly raw: RawDb,
  ) {}

  /** On every bot turn that was not a confident answer, so a prepared statement rather than a compiled query. */
  async record(q: NewUnanswered): Promise<void> {
    await execute(this.raw, RECORD, [
      randomUUID(), q.conversationId, q.messageId, q.channel, q.text, q.reason, q.bestScore, q.bestFaqId, q.lang, 'open', sqlDate(this.raw, q.createdAt),
    ]);
  }

  async listOpen(options: { since?: Date; limit?: number } = {}): Promise<UnansweredQuestion[]> {
    const rows = await this.db.unansweredQuestion.findMany({
      where: { status: 'open', ...(options.since ? { createdAt: { gte: options.since } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: options.limit ?? 1000,
    });
    return rows.map(toUnanswered);
  }

  async close(ids: readonly string[], input: { status: 'resolved' | 'dismissed'; faqId: string | null; at: Date }): Promise<number> {
    const { count } = await this.db.unansweredQuestion.updateMany({
      where: { id: { in: [...ids] }, status: 'open' },
      data: { status: input.status, resolvedFaqId: input.faqId, resolvedAt: input.at },
    });
    return count;
  }

  async withdraw(messageId: string, reason: UnansweredReason): Promise<void> {
    await this.db.unansweredQuestion.deleteMany({ where: { messageId, reason, status: 'open' } });
  }

  async listSince(since: Date): Promise<Pick<UnansweredQuestion, 'reason' | 'status' | 'createdAt'>[]> {
    const rows = await this.db.unansweredQuestion.findMany({
      where: { createdAt: { gte: since } },
      select: { reason: true, status: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => ({
      reason: oneOf(UNANSWERED_REASONS, r.reason, 'UnansweredQuestion.reason'),
      status: oneOf(UNANSWERED_STATUSES, r.status, 'UnansweredQuestion.status'),
      createdAt: r.createdAt,
    }));
  }
}
