import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import { assertDistinctIds, idTaken, sameContent, staleVersion, SYSTEM_ACTOR, toContent } from '../knowledge-admin/faq-content.js';
import type { AuditInput, AuditRepository, FaqChange, FaqImportResult, FaqRepository, SynonymRepository } from '../ports.js';
import type { AuditEntry, FaqEntry, FaqInput, FaqVersion } from '../types.js';

export interface InMemoryKnowledge {
  faqs: FaqRepository;
  synonyms: SynonymRepository;
  audit: AuditRepository;
}

/** FAQ entries with their history, synonyms and the audit log, sharing one knowledge-base revision. */
export function createInMemoryKnowledge(now: () => Date): InMemoryKnowledge {
  const faqs = new Map<string, FaqEntry>();
  const versions: FaqVersion[] = [];
  const log: AuditEntry[] = [];
  let synonyms: { groups: string[][]; version: number } | null = null;
  let revision = 0;

  const record = (input: AuditInput): AuditEntry => {
    const entry: AuditEntry = { id: randomUUID(), ...input, details: input.details ?? null, createdAt: now() };
    log.push(entry);
    return { ...entry };
  };
  const historyOf = (id: string) => versions.filter((v) => v.faqId === id).sort((a, b) => b.version - a.version);
  const copy = (f: FaqEntry): FaqEntry => ({ ...f, alternates: [...f.alternates], tags: [...f.tags] });

  const audit: AuditRepository = {
    async record(input) {
      return record(input);
    },
    async list(options = {}) {
      const { limit = 100, before, target } = options;
      const matches = (t: string) => !target || (target.endsWith('*') ? t.startsWith(target.slice(0, -1)) : t === target);
      // Newest first; among equal times, the later write first.
      return [...log]
        .reverse()
        .filter((e) => matches(e.target) && (!before || e.createdAt < before))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .slice(0, limit)
        .map((e) => ({ ...e }));
    },
  };

  const faqRepo: FaqRepository = {
    async list(options = {}) {
      return [...faqs.values()].filter((f) => !options.enabledOnly || f.enabled).sort((a, b) => (a.id < b.id ? -1 : 1)).map(copy);
    },
    async get(id) {
      const f = faqs.get(id);
      return f ? copy(f) : null;
    },
    async count() {
      return faqs.size;
    },
    async upsertMany(entries: FaqInput[], options = {}): Promise<FaqImportResult> {
      assertDistinctIds(entries.map((e) => e.id));
      const result: FaqImportResult = { added: [], updated: [], unchanged: [], removed: [] };
      for (const input of entries) {
        const prev = faqs.get(input.id);
        const next = toContent(input);
        if (prev && sameContent(prev, next)) {
          result.unchanged.push(input.id);
          continue;
        }
        faqs.set(input.id, { id: input.id, ...next, version: prev ? prev.version + 1 : 1, updatedAt: now(), updatedBy: prev?.updatedBy ?? null });
        (prev ? result.updated : result.added).push(input.id);
      }
      if (options.replace) {
        const keep = new Set(entries.map((e) => e.id));
        result.removed = [...faqs.keys()].filter((id) => !keep.has(id)).sort();
        for (const id of result.removed) faqs.delete(id);
      }
      if (result.added.length + result.updated.length + result.removed.length > 0) revision += 1;
      return result;
    },
    async revision() {
      return revision;
    },
    async applyChanges(changes: FaqChange[], input: AuditInput) {
      assertDistinctIds(changes.map((c) => c.id));
      for (const c of changes) {
        if (c.expectedVersion === undefined) continue;
        const current = faqs.get(c.id)?.version ?? null;
        if (c.expectedVersion === null && current !== null) throw idTaken(c.id);
        if (c.expectedVersion !== null && current !== c.expectedVersion) throw staleVersion(c.id, current);
      }
      const written: FaqVersion[] = [];
      for (const c of changes) {
        const current = faqs.get(c.id);
        if (c.content === null ? !current : current && sameContent(current, c.content)) continue;
        const history = historyOf(c.id);
        if (current && !history.some((v) => v.version === current.version)) {
          versions.push({
            faqId: c.id, version: current.version, action: 'baseline', content: toContent(current), actor: SYSTEM_ACTOR, note: null,
            createdAt: current.updatedAt,
          });
        }
        const version = Math.max(current?.version ?? 0, history[0]?.version ?? 0) + 1;
        const content = toContent(c.content ?? (current as FaqEntry));
        const v: FaqVersion = { faqId: c.id, version, action: c.action, content, actor: input.actor, note: c.note ?? null, createdAt: now() };
        versions.push(v);
        written.push(v);
        if (c.content === null) faqs.delete(c.id);
        else faqs.set(c.id, { id: c.id, ...content, version, updatedAt: now(), updatedBy: input.actor.name });
      }
      if (written.length > 0) {
        revision += 1;
        record(input);
      }
      return written.map((v) => ({ ...v, content: toContent(v.content) }));
    },
    async history(id) {
      return historyOf(id).map((v) => ({ ...v, content: toContent(v.content) }));
    },
    async listDeleted() {
      const latest = new Map<string, FaqVersion>();
      for (const v of versions) if ((latest.get(v.faqId)?.version ?? 0) < v.version) latest.set(v.faqId, v);
      return [...latest.values()]
        .filter((v) => v.action === 'delete' && !faqs.has(v.faqId))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    },
  };

  const synonymRepo: SynonymRepository = {
    async get() {
      return synonyms && { groups: synonyms.groups.map((g) => [...g]), version: synonyms.version };
    },
    async replace(groups, input, expectedVersion) {
      const current = synonyms?.version ?? 0;
      if (expectedVersion !== undefined && expectedVersion !== current) {
        throw new DomainError('conflict', `synonyms at version ${current}, not ${expectedVersion}`, {
          userMessage: 'The synonyms were changed meanwhile; reload and try again',
        });
      }
      synonyms = { groups: groups.map((g) => [...g]), version: current + 1 };
      revision += 1;
      record(input);
      return { groups: groups.map((g) => [...g]), version: synonyms.version };
    },
  };

  return { faqs: faqRepo, synonyms: synonymRepo, audit };
}
