import type { FeedbackRepository } from '../../core/ports.js';
import { RATINGS, type AnswerFeedback, type Rating } from '../../core/types.js';
import { TX_OPTIONS, type Db } from '../client.js';
import { oneOf } from '../mappers.js';

export class PrismaFeedbackRepository implements FeedbackRepository {
  constructor(private readonly db: Db) {}

  rate(input: Omit<AnswerFeedback, 'createdAt' | 'updatedAt'> & { at: Date }): Promise<Rating | null> {
    const { at, ...feedback } = input;
    return this.db.$transaction(async (tx) => {
      const previous = await tx.answerFeedback.findUnique({ where: { messageId: feedback.messageId } });
      await tx.answerFeedback.upsert({
        where: { messageId: feedback.messageId },
        create: { ...feedback, createdAt: at, updatedAt: at },
        update: { rating: feedback.rating, updatedAt: at },
      });
      return previous ? oneOf(RATINGS, previous.rating, 'AnswerFeedback.rating') : null;
    }, TX_OPTIONS);
  }

  async listSince(since: Date): Promise<Pick<AnswerFeedback, 'rating' | 'faqId' | 'updatedAt'>[]> {
    const rows = await this.db.answerFeedback.findMany({
      where: { updatedAt: { gte: since } },
      select: { rating: true, faqId: true, updatedAt: true },
    });
    return rows.map((r) => ({ rating: oneOf(RATINGS, r.rating, 'AnswerFeedback.rating'), faqId: r.faqId, updatedAt: r.updatedAt }));
  }
}
