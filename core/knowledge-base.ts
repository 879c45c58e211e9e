import type { Clock, FaqRepository, Logger } from './ports.js';
import type { FaqEntry, LexiconEntry } from './types.js';
import { type IntentLibrary, type LibraryLink, Matcher, type MatcherOptions, type MatchResult, proposeLinks, withLinkedPhrasings } from './matching/index.js';

export interface KnowledgeBaseOptions {
  synonyms: string[][];
  /** The shipped domain lexicon (knowledge/lexicon): implied words for every knowledge base. */
  lexicon?: readonly LexiconEntry[];
  /** The intent library, built on first use: each entry is linked to the intents it means, whose phrasings match it too. */
  library?: () => IntentLibrary;
  matcher?: Partial<MatcherOptions>;
  /** How often, at most, to ask storage whether the FAQ set changed (another process may have changed it). */
  refreshIntervalMs: number;
  /** Admin-edited synonyms; when it holds none yet, `synonyms` applies. A change bumps the revision like an FAQ change. */
  synonymStore?: { get(): Promise<{ groups: string[][] } | null> };
  /** Fills placeholders in answers (the store's promises, service-promise.ts) before they are indexed and sent. */
  fillAnswer?: (answer: string) => string;
}

interface Snapshot {
  revision: number;
  matcher: Matcher;
  entries: Map<string, FaqEntry>;
  /** The entries' links to library intents (proposed automatically on every change). */
  links: LibraryLink[];
}

/** The live, matchable view of the FAQ entries; rebuilt whenever the stored knowledge base changes. */
export class KnowledgeBase {
  private snapshot: Snapshot | null = null;
  private checkedAt = -Infinity;
  private pending: Promise<Snapshot> | null = null;
  private library?: IntentLibrary;

  constructor(
    private readonly faqs: FaqRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: KnowledgeBaseOptions,
  ) {}

  async match(text: string): Promise<MatchResult> {
    return (await this.current()).matcher.match(text);
  }

  async entry(faqId: string): Promise<FaqEntry | null> {
    return (await this.current()).entries.get(faqId) ?? null;
  }

  /** Forces the next lookup to re-check storage (called when this process changed the knowledge base). */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  async current(): Promise<Snapshot> {
    const now = this.clock.now().getTime();
    if (this.snapshot && now - this.checkedAt < this.options.refreshIntervalMs) return this.snapshot;
    this.pending ??= this.reload(now).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async reload(now: number): Promise<Snapshot> {
    const revision = await this.faqs.revision();
    this.checkedAt = now;
    if (this.snapshot && this.snapshot.revision === revision) return this.snapshot;
    const { fillAnswer } = this.options;
    const entries = (await this.faqs.list({ enabledOnly: true })).map((e) => (fillAnswer ? { ...e, answer: fillAnswer(e.answer) } : e));
    const synonyms = (await this.options.synonymStore?.get())?.groups ?? this.options.synonyms;
    this.library ??= this.options.library?.();
    const links = this.library ? proposeLinks(entries, this.library) : [];
    const indexed = this.library ? withLinkedPhrasings(entries, links, this.library) : entries;
    const matcher = Matcher.build(indexed, { ...this.options.matcher, synonyms, lexicon: this.options.lexicon });
    this.snapshot = { revision, matcher, entries: new Map(entries.map((e) => [e.id, e])), links };
    this.logger.info({ revision, entries: entries.length, libraryLinks: links.length }, 'knowledge base loaded');
    return this.snapshot;
  }
}
