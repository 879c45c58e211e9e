import { DomainError } from '../errors.js';
import { normalizeForMatch } from '../matching/index.js';
import type { AuditRepository, BotTurn, BotTurnObserver, Clock, Logger, UnansweredRepository } from '../ports.js';
import type { Actor, FaqEntry, FaqInput, UnansweredQuestion, UnansweredReason } from '../types.js';
import { WorkQueue } from '../work-queue.js';
import type { FaqAdminService } from './faq-admin-service.js';
import { FAQ_MAX_ALTERNATE_LENGTH, FAQ_MAX_ALTERNATES } from './faq-content.js';
import { DEFAULT_SIMILARITY, groupQuestions, type QuestionGroup } from './question-groups.js';

export interface UnansweredSettings {
  /** A direct answer scoring below this is collected as low-confidence (0 turns that off). */
  lowConfidence: number;
  /** Open questions considered for grouping, newest first. */
  maxOpen: number;
  similarity?: number;
}

export interface UnansweredDeps {
  repo: UnansweredRepository;
  admin: FaqAdminService;
  audit: AuditRepository;
  clock: Clock;
  logger: Logger;
  settings: UnansweredSettings;
}

export interface Resolution {
  faq: FaqEntry;
  resolved: number;
}

/** Collects what the bot could not answer well, groups it, and turns groups into knowledge. */
export class UnansweredService implements BotTurnObserver {
  /** Inserts happen after the reply has gone, in order, retried on failure. */
  private readonly queue: WorkQueue<Parameters<UnansweredRepository['record']>[0]>;

  constructor(private readonly deps: UnansweredDeps) {
    this.queue = new WorkQueue((question) => deps.repo.record(question).then(() => undefined), deps.logger);
  }

  /** Queues one insert for a fallback, choices or a weak answer; nothing for a confident answer. */
  async observe(turn: BotTurn): Promise<void> {
    const reason = this.reasonFor(turn);
    if (!reason) return;
    this.queue.push({
      conversationId: turn.conversationId, messageId: turn.messageId, channel: turn.channel, text: turn.text, reason,
      bestScore: turn.bestScore, bestFaqId: turn.bestFaqId, lang: turn.lang, createdAt: turn.at,
    });
  }

  /** Resolves once every observed turn so far is stored (reads and shutdown wait for it). */
  settled(): Promise<void> {
    return this.queue.settled();
  }

  reasonFor(turn: Pick<BotTurn, 'decision' | 'bestScore'>): UnansweredReason | null {
    if (turn.decision === 'fallback') return 'fallback';
    if (turn.decision === 'choices') return 'choices';
    return (turn.bestScore ?? 1) < this.deps.settings.lowConfidence ? 'low_confidence' : null;
  }

  async groups(options: { days?: number } = {}): Promise<{ groups: QuestionGroup[]; open: number }> {
    await this.settled();
    const since = options.days ? new Date(this.deps.clock.now().getTime() - options.days * 86_400_000) : undefined;
    const open = await this.deps.repo.listOpen({ ...(since ? { since } : {}), limit: this.deps.settings.maxOpen });
    return { groups: groupQuestions(open, this.deps.settings.similarity ?? DEFAULT_SIMILARITY), open: open.length };
  }

  /** Turns questions into a new FAQ entry and marks them resolved. */
  async createFaq(questionIds: readonly string[], input: FaqInput, actor: Actor): Promise<Resolution> {
    await this.open(questionIds);
    const faq = await this.deps.admin.create(input, actor);
    return { faq, resolved: await this.close(questionIds, 'resolved', faq.id, actor, `→ new FAQ ${faq.id}`) };
  }

  /** Adds wordings as alternates of an existing entry (skipping ones it already has) and marks the questions resolved. */
  async addAlternates(questionIds: readonly string[], faqId: string, wordings: readonly string[], actor: Actor, expectedVersion?: number): Promise<Resolution> {
    await this.open(questionIds);
    const entry = await this.deps.admin.get(faqId);
    const known = new Set([entry.question, ...entry.alternates].map(normalizeForMatch));
    const fresh: string[] = [];
    for (const raw of wordings) {
      const text = raw.trim().replace(/\s+/g, ' ');
      const key = normalizeForMatch(text);
      if (!text || known.has(key)) continue;
      if (text.length > FAQ_MAX_ALTERNATE_LENGTH) throw invalid(`"${text.slice(0, 30)}…" is longer than ${FAQ_MAX_ALTERNATE_LENGTH} characters`);
      known.add(key);
      fresh.push(text);
    }
    const alternates = [...entry.alternates, ...fresh];
    if (alternates.length > FAQ_MAX_ALTERNATES) {
      throw invalid(`"${faqId}" would have ${alternates.length} alternates; at most ${FAQ_MAX_ALTERNATES} are allowed`);
    }
    const faq = fresh.length > 0 ? await this.deps.admin.update(faqId, { alternates }, actor, expectedVersion) : entry;
    return { faq, resolved: await this.close(questionIds, 'resolved', faqId, actor, `→ ${fresh.length} alternate(s) of ${faqId}`) };
  }

  async dismiss(questionIds: readonly string[], actor: Actor): Promise<number> {
    return this.close(questionIds, 'dismissed', null, actor, 'dismissed');
  }

  private async open(ids: readonly string[]): Promise<UnansweredQuestion[]> {
    await this.settled();
    if (ids.length === 0) throw invalid('questionIds must name at least one question');
    const wanted = new Set(ids);
    const open = (await this.deps.repo.listOpen({ limit: 100_000 })).filter((q) => wanted.has(q.id));
    if (open.length === 0) throw new DomainError('conflict', 'questions already handled', { userMessage: 'These questions were already resolved or dismissed' });
    return open;
  }

  private async close(ids: readonly string[], status: 'resolved' | 'dismissed', faqId: string | null, actor: Actor, what: string): Promise<number> {
    const n = await this.deps.repo.close(ids, { status, faqId, at: this.deps.clock.now() });
    await this.deps.audit.record({
      actor, action: status === 'resolved' ? 'unanswered.resolve' : 'unanswered.dismiss', target: 'unanswered',
      summary: `${n} question(s) ${what}`, details: { questionIds: ids, faqId },
    });
    return n;
  }
}

const invalid = (message: string) => new DomainError('invalid_input', message, { userMessage: message });
