import { randomUUID } from 'node:crypto';
import type { AnalyticsRepository, FeedbackRepository, UnansweredRepository } from '../ports.js';
import type { AnswerFeedback, Conversation, StoredMessage, UnansweredQuestion } from '../types.js';

export interface InMemoryLearning {
  unanswered: UnansweredRepository;
  feedback: FeedbackRepository;
  analytics: AnalyticsRepository;
}

/** Unanswered questions, answer ratings and dashboard counts, over the in-memory conversations and messages. */
export function createInMemoryLearning(conversations: Map<string, Conversation>, messages: StoredMessage[]): InMemoryLearning {
  const questions: UnansweredQuestion[] = [];
  const ratings = new Map<string, AnswerFeedback>();

  const unanswered: UnansweredRepository = {
    async record(q) {
      if (questions.some((o) => o.messageId === q.messageId && o.reason === q.reason)) return;
      questions.push({ ...q, id: randomUUID(), status: 'open', resolvedFaqId: null, resolvedAt: null });
    },
    async listOpen(options = {}) {
      const { since, limit = 1000 } = options;
      return [...questions]
        .reverse()
        .filter((q) => q.status === 'open' && (!since || q.createdAt >= since))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, limit)
        .map((q) => ({ ...q }));
    },
    async close(ids, input) {
      let n = 0;
      for (const q of questions) {
        if (q.status !== 'open' || !ids.includes(q.id)) continue;
        Object.assign(q, { status: input.status, resolvedFaqId: input.faqId, resolvedAt: input.at });
        n += 1;
      }
      return n;
    },
    async withdraw(messageId, reason) {
      const i = questions.findIndex((q) => q.messageId === messageId && q.reason === reason && q.status === 'open');
      if (i >= 0) questions.splice(i, 1);
    },
    async listSince(since) {
      return questions
        .filter((q) => q.createdAt >= since)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map(({ reason, status, createdAt }) => ({ reason, status, createdAt }));
    },
  };

  const feedback: FeedbackRepository = {
    async rate({ at, ...input }) {
      const previous = ratings.get(input.messageId);
      ratings.set(input.messageId, { ...input, createdAt: previous?.createdAt ?? at, updatedAt: at });
      return previous?.rating ?? null;
    },
    async listSince(since) {
      return [...ratings.values()].filter((r) => r.updatedAt >= since).map(({ rating, faqId, updatedAt }) => ({ rating, faqId, updatedAt }));
    },
  };

  const analytics: AnalyticsRepository = {
    async conversationsSince(since) {
      return [...conversations.values()]
        .filter((c) => c.createdAt >= since)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((c) => ({ channel: c.channel, createdAt: c.createdAt, handedOff: c.handoffReason !== null || c.queuedAt !== null }));
    },
    async faqHits(since, limit) {
      const counts = new Map<string, number>();
      for (const m of messages) {
        if (m.author === 'bot' && m.kind === 'answer' && m.faqId && m.createdAt >= since) counts.set(m.faqId, (counts.get(m.faqId) ?? 0) + 1);
      }
      return [...counts].map(([faqId, count]) => ({ faqId, count })).sort((a, b) => b.count - a.count || (a.faqId < b.faqId ? -1 : 1)).slice(0, limit);
    },
  };

  return { unanswered, feedback, analytics };
}
