import { DomainError } from '../errors.js';
import { normalizeText } from '../matching/index.js';
import type { AuditEntry, Actor, FaqContent, FaqEntry, FaqInput, FaqVersion } from '../types.js';
import type { AuditRepository, FaqChange, FaqRepository, Logger } from '../ports.js';
import { diffContent, type FieldDiff } from './faq-diff.js';
import { idTaken, toContent } from './faq-content.js';

export interface FaqFilter {
  /** Words to find in the id, question, alternates, answer or tags (case, width and 繁/简 ignored). */
  q?: string;
  /** A category name; the empty string means "no category". */
  category?: string;
  enabled?: boolean;
}

/** A partial entry: missing fields keep their current value. */
export type FaqPatch = Partial<FaqContent>;

export interface FaqAdminDeps {
  faqs: FaqRepository;
  audit: AuditRepository;
  /** The live matcher; told after every change so this process answers with it at once. */
  knowledge: { invalidate(): void };
  logger: Logger;
}

const notFound = (id: string) => new DomainError('not_found', `FAQ ${id} not found`, { userMessage: `FAQ "${id}" not found` });

/** Creates, edits, deletes and restores FAQ entries; every change is versioned and audited, and live at once. */
export class FaqAdminService {
  constructor(private readonly deps: FaqAdminDeps) {}

  async list(filter: FaqFilter = {}): Promise<FaqEntry[]> {
    const words = filter.q ? normalizeText(filter.q).split(' ').filter(Boolean) : [];
    return (await this.deps.faqs.list()).filter((e) => {
      if (filter.enabled !== undefined && e.enabled !== filter.enabled) return false;
      if (filter.category !== undefined && (e.category ?? '') !== filter.category) return false;
      if (words.length === 0) return true;
      const haystack = normalizeText([e.id, e.question, ...e.alternates, e.answer, ...e.tags].join('\n'));
      return words.every((w) => haystack.includes(w));
    });
  }

  /** Every category in use with its entry count; `null` stands for entries without one. */
  async categories(): Promise<{ name: string | null; count: number }[]> {
    const counts = new Map<string | null, number>();
    for (const e of await this.deps.faqs.list()) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
    return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
  }

  async get(id: string): Promise<FaqEntry> {
    const entry = await this.deps.faqs.get(id);
    if (!entry) throw notFound(id);
    return entry;
  }

  async create(input: FaqInput, actor: Actor): Promise<FaqEntry> {
    if (await this.deps.faqs.get(input.id)) throw idTaken(input.id);
    await this.apply([{ id: input.id, content: toContent(input), action: 'create', expectedVersion: null }], actor, { action: 'faq.create', summary: `created ${input.id}` });
    return this.get(input.id);
  }

  async update(id: string, patch: FaqPatch, actor: Actor, expectedVersion?: number): Promise<FaqEntry> {
    const current = await this.get(id);
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const content = toContent({ ...toContent(current), ...given });
    const [v] = await this.apply(
      [{ id, content, action: 'update', expectedVersion: expectedVersion ?? current.version }],
      actor, { action: 'faq.update', summary: `edited ${id}` },
    );
    return v ? this.get(id) : current;
  }

  async delete(id: string, actor: Actor, expectedVersion?: number): Promise<FaqVersion> {
    const current = await this.get(id);
    const [v] = await this.apply([{ id, content: null, action: 'delete', expectedVersion: expectedVersion ?? current.version }], actor, { action: 'faq.delete', summary: `deleted ${id}` });
    if (!v) throw notFound(id);
    return v;
  }

  /** Newest first; also for deleted entries. */
  async history(id: string): Promise<FaqVersion[]> {
    const history = await this.deps.faqs.history(id);
    if (history.length > 0) return history;
    const entry = await this.get(id);
    // Never changed through versioning yet: its present state is its only known version.
    return [{ faqId: id, version: entry.version, action: 'baseline', content: toContent(entry), actor: { id: null, name: 'system' }, note: null, createdAt: entry.updatedAt }];
  }

  async diff(id: string, from: number, to: number): Promise<{ from: FaqVersion; to: FaqVersion; changes: FieldDiff[] }> {
    const history = await this.history(id);
    const pick = (n: number) => {
      const v = history.find((h) => h.version === n);
      if (!v) throw new DomainError('not_found', `FAQ ${id} has no version ${n}`, { userMessage: `FAQ "${id}" has no version ${n}` });
      return v;
    };
    const [a, b] = [pick(from), pick(to)];
    return { from: a, to: b, changes: diffContent(a.content, b.content) };
  }

  /** Makes a new version equal to an old one; restores a deleted entry too. */
  async rollback(id: string, version: number, actor: Actor, expectedVersion?: number): Promise<FaqEntry> {
    const target = (await this.deps.faqs.history(id)).find((v) => v.version === version);
    if (!target) throw new DomainError('not_found', `FAQ ${id} has no version ${version}`, { userMessage: `FAQ "${id}" has no version ${version}` });
    if (target.action === 'delete') {
      throw new DomainError('invalid_input', 'cannot roll back to a deletion', { userMessage: `Version ${version} is the deletion; pick the version before it` });
    }
    const current = await this.deps.faqs.get(id);
    const change: FaqChange = { id, content: target.content, action: 'rollback', note: `rollback to v${version}`, expectedVersion: expectedVersion ?? current?.version ?? null };
    await this.apply([change], actor, { action: 'faq.rollback', summary: `rolled ${id} back to v${version}`, details: { version } });
    return this.get(id);
  }

  listDeleted(): Promise<FaqVersion[]> {
    return this.deps.faqs.listDeleted();
  }

  auditLog(options: { limit?: number; before?: Date; target?: string } = {}): Promise<AuditEntry[]> {
    return this.deps.audit.list(options);
  }

  /** Writes changes with one audit line; the only write path, so nothing escapes the history. */
  async apply(changes: FaqChange[], actor: Actor, line: { action: string; summary: string; details?: unknown; target?: string }): Promise<FaqVersion[]> {
    const { action, summary } = line;
    const target = line.target ?? (changes.length === 1 && changes[0] ? `faq:${changes[0].id}` : 'faqs');
    const written = await this.deps.faqs.applyChanges(changes, { actor, action, target, summary, details: line.details ?? { ids: changes.map((c) => c.id) } });
    if (written.length > 0) {
      this.deps.knowledge.invalidate();
      this.deps.logger.info({ action, actor: actor.id ?? actor.name, changed: written.length }, 'knowledge base changed');
    }
    return written;
  }
}
