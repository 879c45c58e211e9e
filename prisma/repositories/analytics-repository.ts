import type { AnalyticsRepository } from '../../core/ports.js';
import { CHANNELS, type ChannelId } from '../../core/types.js';
import type { Db } from '../client.js';
import { oneOf } from '../mappers.js';

export class PrismaAnalyticsRepository implements AnalyticsRepository {
  constructor(private readonly db: Db) {}

  async conversationsSince(since: Date): Promise<{ channel: ChannelId; createdAt: Date; handedOff: boolean }[]> {
    const rows = await this.db.conversation.findMany({
      where: { createdAt: { gte: since } },
      select: { channel: true, createdAt: true, handoffReason: true, queuedAt: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => ({
      channel: oneOf(CHANNELS, r.channel, 'Conversation.channel'),
      createdAt: r.createdAt,
      handedOff: r.handoffReason !== null || r.queuedAt !== null,
    }));
  }

  async faqHits(since: Date, limit: number): Promise<{ faqId: string; count: number }[]> {
    const groups = await this.db.message.groupBy({
      by: ['faqId'],
      where: { author: 'bot', kind: 'answer', faqId: { not: null }, createdAt: { gte: since } },
      _count: { _all: true },
    });
    return groups
      .flatMap((g) => (g.faqId ? [{ faqId: g.faqId, count: g._count._all }] : []))
      .sort((a, b) => b.count - a.count || (a.faqId < b.faqId ? -1 : 1))
      .slice(0, limit);
  }
}
