import { DomainError } from '../errors.js';
import type { Clock, Logger, MessageFlagRepository, SensitiveWordRepository } from '../ports.js';
import type { Conversation, StoredMessage, User } from '../types.js';
import { assertRole } from '../users/access.js';
import type { FlagFilter, MessageFlag } from './flag-types.js';
import { DEFAULT_WORD_LIST, wordListSchema, type WordList } from './word-list.js';
import { WordMatcher, type WordHit } from './word-matcher.js';
import { cutAt } from '../text-rules.js';

export interface SensitiveWordDeps {
  words: SensitiveWordRepository;
  flags: MessageFlagRepository;
  clock: Clock;
  logger: Logger;
  /** Hears of every new flag (alerts for abuse); its failures are logged, never passed on. */
  onFlag?: (flag: MessageFlag) => Promise<void>;
}

/** What AgentDesk asks before and after storing an agent's reply. */
export interface ReplyGuard {
  /** Throws DomainError('sensitive_word') when a blocked word is in the text; returns the warned words found. */
  vet(agent: User, conversation: Conversation, text: string): Promise<WordHit[]>;
  /** The reply was stored and sent: warned words put it in the QA review queue. */
  sent(agent: User, message: StoredMessage, warned: WordHit[]): Promise<void>;
}

const MAX_FLAG_TEXT = 2000;
/**
 * Every customer message and agent reply is checked, so the stored list is asked at most this often (another instance
 * may have changed it); a change made through this instance applies at once.
 */
const LIST_RECHECK_MS = 2000;

/** The store's sensitive-word list: checks agents' replies (block or warn) and flags abusive customer messages. */
export class SensitiveWordService implements ReplyGuard {
  private cached: { version: number; matcher: WordMatcher; checkedAt: number } | null = null;

  constructor(private readonly deps: SensitiveWordDeps) {}

  async list(): Promise<WordList> {
    return (await this.deps.words.get()) ?? { words: DEFAULT_WORD_LIST, version: 0 };
  }

  async replace(actor: User, input: unknown, expectedVersion?: number): Promise<WordList> {
    assertRole(actor, ['admin']);
    const parsed = wordListSchema.safeParse(input);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((i) => `words.${i.path.join('.')}: ${i.message}`).join('; ');
      throw new DomainError('invalid_input', problem, { userMessage: problem });
    }
    const saved = await this.deps.words.replace(parsed.data, {
      actor: { id: actor.id, name: actor.displayName }, action: 'sensitive_words.replace', target: 'sensitive_words',
      summary: `${parsed.data.length} sensitive words`,
    }, expectedVersion);
    this.cached = null;
    return saved;
  }

  async vet(agent: User, conversation: Conversation, text: string): Promise<WordHit[]> {
    const hits = (await this.matcher()).find(text, 'agent');
    const blocked = hits.filter((h) => h.action === 'block');
    if (blocked.length === 0) return hits;
    await this.flag({ kind: 'block', conversationId: conversation.id, messageId: null, agentId: agent.id, hits: blocked, text });
    const words = blocked.map((h) => `「${h.term}」`).join('');
    throw new DomainError('sensitive_word', `reply refused: blocked words ${words}`, {
      userMessage: `回复未发送：包含禁用词${words}，请修改后再发送。Not sent: the reply contains a blocked word.`,
      details: { words: blocked.map((h) => h.term) },
    });
  }

  async sent(agent: User, message: StoredMessage, warned: WordHit[]): Promise<void> {
    if (warned.length === 0) return;
    await this.flag({ kind: 'warn', conversationId: message.conversationId, messageId: message.id, agentId: agent.id, hits: warned, text: message.text });
  }

  /** A customer's stored message: abuse is flagged for supervisors; the conversation goes on as usual. */
  async customerMessage(message: StoredMessage): Promise<MessageFlag | null> {
    if (message.author !== 'customer' || message.kind !== 'text') return null;
    const hits = (await this.matcher()).find(message.text, 'customer');
    if (hits.length === 0) return null;
    return this.flag({ kind: 'abuse', conversationId: message.conversationId, messageId: message.id, agentId: null, hits, text: message.text });
  }

  flags(user: User, filter: FlagFilter): Promise<MessageFlag[]> {
    assertRole(user, ['supervisor', 'admin']);
    return this.deps.flags.list(filter);
  }

  async review(user: User, id: string, note: string | null): Promise<MessageFlag> {
    assertRole(user, ['supervisor', 'admin']);
    const reviewed = await this.deps.flags.review(id, { reviewerId: user.id, note, at: this.deps.clock.now() });
    if (!reviewed) throw new DomainError('conflict', `flag ${id} is not open`, { userMessage: 'This flag was already reviewed, or does not exist' });
    return reviewed;
  }

  private async matcher(): Promise<WordMatcher> {
    const now = this.deps.clock.now().getTime();
    if (this.cached && now - this.cached.checkedAt < LIST_RECHECK_MS) return this.cached.matcher;
    const list = await this.list();
    const matcher = this.cached?.version === list.version ? this.cached.matcher : new WordMatcher(list.words);
    this.cached = { version: list.version, matcher, checkedAt: now };
    return matcher;
  }

  private async flag(input: Omit<MessageFlag, 'id' | 'status' | 'reviewerId' | 'reviewNote' | 'reviewedAt' | 'createdAt'>): Promise<MessageFlag> {
    const flag = await this.deps.flags.create({ ...input, text: cutAt(input.text, MAX_FLAG_TEXT), createdAt: this.deps.clock.now() });
    this.deps.logger.info({ conversationId: flag.conversationId, kind: flag.kind, words: flag.hits.map((h) => h.term) }, 'message flagged');
    if (this.deps.onFlag) await this.deps.onFlag(flag).catch((err: unknown) => this.deps.logger.warn({ err }, 'flag listener failed'));
    return flag;
  }
}
