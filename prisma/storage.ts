import type { Repositories } from '../core/ports.js';
import { createClient } from './client.js';
import { parseDatabaseUrl, type Provider } from './database-url.js';
import { migrate } from './migrator.js';
import { databaseProbe, type DatabaseProbe } from './database-probe.js';
import { isDatabaseUnavailable } from './unavailable.js';
import { PrismaConversationRepository } from './repositories/conversation-repository.js';
import { PrismaCustomerRepository } from './repositories/customer-repository.js';
import { PrismaCustomerRecordRepository } from './repositories/customer-record-repository.js';
import { PrismaFaqRepository } from './repositories/faq-repository.js';
import { PrismaMessageRepository } from './repositories/message-repository.js';
import { PrismaDeliveryRepository } from './repositories/delivery-repository.js';
import { PrismaCannedReplyRepository } from './repositories/canned-reply-repository.js';
import { PrismaHandoffRepository } from './repositories/handoff-repository.js';
import { PrismaSessionRepository } from './repositories/session-repository.js';
import { PrismaUserRepository } from './repositories/user-repository.js';
import { PrismaAnalyticsRepository } from './repositories/analytics-repository.js';
import { PrismaAuditRepository } from './repositories/audit-repository.js';
import { PrismaFeedbackRepository } from './repositories/feedback-repository.js';
import { PrismaSynonymRepository } from './repositories/synonym-repository.js';
import { PrismaUnansweredRepository } from './repositories/unanswered-repository.js';
import { PrismaSlaTimerRepository } from './repositories/sla-timer-repository.js';
import { PrismaSurveyRepository } from './repositories/survey-repository.js';
import { PrismaTeamRepository } from './repositories/team-repository.js';
import { PrismaTicketRepository } from './repositories/ticket-repository.js';
import { PrismaMessageFlagRepository, PrismaSensitiveWordRepository } from './repositories/supervision-repositories.js';
import { PrismaOrderChatRepository } from './repositories/order-chat-repository.js';
import { PrismaStoreOrderRepository } from './repositories/store-order-repository.js';

export interface Storage {
  repos: Repositories;
  provider: Provider;
  /** Asks the database for a trivial answer within a deadline (readiness). */
  probe: DatabaseProbe;
  /** Whether an error says the database is out of reach or too slow, not that the request was wrong. */
  isUnavailable(error: unknown): boolean;
  close(): Promise<void>;
}

/**
 * Opens the database named by a DATABASE_URL (`file:…` → SQLite, `postgresql://…` → PostgreSQL), applies pending
 * migrations, and returns the repositories. Throws DomainError('invalid_input') for a URL it cannot use.
 */
export async function openStorage(databaseUrl: string): Promise<Storage> {
  const target = parseDatabaseUrl(databaseUrl);
  await migrate(target);
  const { db, raw } = await createClient(target);
  return {
    provider: target.provider,
    probe: databaseProbe(target, raw),
    isUnavailable: isDatabaseUnavailable,
    repos: {
      customers: new PrismaCustomerRepository(raw),
      customerRecords: new PrismaCustomerRecordRepository(db),
      conversations: new PrismaConversationRepository(db, raw),
      messages: new PrismaMessageRepository(db, raw),
      faqs: new PrismaFaqRepository(db),
      users: new PrismaUserRepository(db, raw),
      sessions: new PrismaSessionRepository(db, raw),
      handoff: new PrismaHandoffRepository(db),
      cannedReplies: new PrismaCannedReplyRepository(db),
      deliveries: new PrismaDeliveryRepository(db, raw),
      audit: new PrismaAuditRepository(db),
      synonyms: new PrismaSynonymRepository(db),
      unanswered: new PrismaUnansweredRepository(db, raw),
      feedback: new PrismaFeedbackRepository(db),
      analytics: new PrismaAnalyticsRepository(db),
      tickets: new PrismaTicketRepository(db, raw),
      slaTimers: new PrismaSlaTimerRepository(db),
      surveys: new PrismaSurveyRepository(db, raw),
      teams: new PrismaTeamRepository(db),
      sensitiveWords: new PrismaSensitiveWordRepository(db),
      messageFlags: new PrismaMessageFlagRepository(db),
      storeOrders: new PrismaStoreOrderRepository(db),
      orderChats: new PrismaOrderChatRepository(db, raw),
    },
    close: () => db.$disconnect(),
  };
}
