import { DashboardService } from '../core/knowledge-admin/dashboard-service.js';
import { FaqAdminService } from '../core/knowledge-admin/faq-admin-service.js';
import { SYSTEM_ACTOR, toContent } from '../core/knowledge-admin/faq-content.js';
import { FeedbackService } from '../core/knowledge-admin/feedback-service.js';
import { SynonymService } from '../core/knowledge-admin/synonym-service.js';
import { UnansweredService } from '../core/knowledge-admin/unanswered-service.js';
import type { KnowledgeBase } from '../core/knowledge-base.js';
import type { Clock, Logger, Repositories } from '../core/ports.js';
import type { FaqInput } from '../core/types.js';
import { loadBuiltinSynonyms } from '../knowledge/index.js';
import type { KefuConfig } from './config.js';

/** Knowledge-base administration and learning: the services behind the admin console and answer ratings. */
export interface KnowledgeAdmin {
  knowledge: KnowledgeBase;
  faqs: FaqAdminService;
  synonyms: SynonymService;
  unanswered: UnansweredService;
  feedback: FeedbackService;
  dashboard: DashboardService;
}

export function composeKnowledgeAdmin(config: KefuConfig, repos: Repositories, knowledge: KnowledgeBase, clock: Clock, logger: Logger): KnowledgeAdmin {
  const faqs = new FaqAdminService({ faqs: repos.faqs, audit: repos.audit, knowledge, logger });
  return {
    knowledge,
    faqs,
    synonyms: new SynonymService(repos.synonyms, loadBuiltinSynonyms(), knowledge, logger),
    unanswered: new UnansweredService({
      repo: repos.unanswered, admin: faqs, audit: repos.audit, clock, logger,
      settings: { lowConfidence: config.unanswered.lowConfidence, maxOpen: 5000 },
    }),
    feedback: new FeedbackService({ conversations: repos.conversations, messages: repos.messages, feedback: repos.feedback, unanswered: repos.unanswered, clock, logger }),
    dashboard: new DashboardService({ analytics: repos.analytics, unanswered: repos.unanswered, feedback: repos.feedback, faqs: repos.faqs, clock }),
  };
}

/** Stores the built-in synonyms once, so admins edit the list the matcher uses. */
export async function seedSynonyms(repos: Repositories, logger: Logger): Promise<void> {
  if (await repos.synonyms.get()) return;
  const groups = loadBuiltinSynonyms();
  await repos.synonyms.replace(groups, { actor: SYSTEM_ACTOR, action: 'synonyms.seed', target: 'synonyms', summary: `loaded ${groups.length} built-in groups` });
  logger.info({ groups: groups.length }, 'stored the built-in synonyms');
}

/** Versioned, so the built-in entries have a history from their first day. Returns how many were written. */
export async function seedBuiltinFaqs(repos: Repositories, entries: FaqInput[]): Promise<number> {
  const written = await repos.faqs.applyChanges(
    entries.map((e) => ({ id: e.id, content: toContent(e), action: 'import' as const, note: 'built-in FAQ set' })),
    { actor: SYSTEM_ACTOR, action: 'faq.import', target: 'faqs', summary: `loaded the built-in FAQ set (${entries.length} entries)` },
  );
  return written.length;
}
