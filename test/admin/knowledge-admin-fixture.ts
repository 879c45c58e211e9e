import { FaqAdminService } from '../../core/knowledge-admin/faq-admin-service.js';
import { SynonymService } from '../../core/knowledge-admin/synonym-service.js';
import { UnansweredService } from '../../core/knowledge-admin/unanswered-service.js';
import { FeedbackService } from '../../core/knowledge-admin/feedback-service.js';
import { DashboardService } from '../../core/knowledge-admin/dashboard-service.js';
import { ConversationService } from '../../core/conversation-service.js';
import { createInMemoryRepositories } from '../../core/in-memory/in-memory-repositories.js';
import { InProcessPubSub } from '../../core/in-memory/in-process-pubsub.js';
import { KnowledgeBase } from '../../core/knowledge-base.js';
import { noDelivery } from '../../core/ports.js';
import type { Actor, FaqInput } from '../../core/types.js';
import { loadBuiltinSynonyms } from '../../knowledge/index.js';
import { ManualClock, silentLogger } from '../core/conversation-harness.js';
import { ConversationFeed } from '../../core/conversation-feed.js';

export const ADA: Actor = { id: 'user-ada', name: 'ada@shop.test' };

/** The knowledge-admin services wired on the in-memory repositories, with a conversation service that feeds them. */
export async function knowledgeAdminFixture(faqs: FaqInput[] = [], options: { lowConfidence?: number } = {}) {
  const clock = new ManualClock();
  const repos = createInMemoryRepositories(() => clock.now());
  if (faqs.length) await repos.faqs.upsertMany(faqs);
  const knowledge = new KnowledgeBase(repos.faqs, clock, silentLogger, { synonyms: loadBuiltinSynonyms(), refreshIntervalMs: 60_000, synonymStore: repos.synonyms });
  const admin = new FaqAdminService({ faqs: repos.faqs, audit: repos.audit, knowledge, logger: silentLogger });
  const unanswered = new UnansweredService({
    repo: repos.unanswered, admin, audit: repos.audit, clock, logger: silentLogger, settings: { lowConfidence: options.lowConfidence ?? 0.5, maxOpen: 1000 },
  });
  const feedback = new FeedbackService({ ...repos, feedback: repos.feedback, unanswered: repos.unanswered, clock, logger: silentLogger });
  const synonyms = new SynonymService(repos.synonyms, loadBuiltinSynonyms(), knowledge, silentLogger);
  const dashboard = new DashboardService({ ...repos, clock });
  const conversations = new ConversationService({
    repos, knowledge, feed: new ConversationFeed(repos.messages, new InProcessPubSub(), noDelivery, clock, silentLogger), clock, logger: silentLogger, settings: { maxTextLength: 4000 }, observer: unanswered,
  });
  let n = 0;
  /** A customer message in a fresh web chat conversation (or the given one). */
  const say = async (text: string, conversationId?: string) => {
    const id = conversationId ?? (await conversations.startConversation({ channel: 'webchat', sender: { externalId: `visitor-${++n}` } })).id;
    return conversations.receive({ type: 'text', channel: 'webchat', sender: { externalId: 'x' }, conversationId: id, text, receivedAt: clock.now(), channelMessageId: `m-${++n}` });
  };
  return { clock, repos, knowledge, admin, unanswered, feedback, synonyms, dashboard, conversations, say };
}
