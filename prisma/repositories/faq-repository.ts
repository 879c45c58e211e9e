import { DomainError } from '../../core/errors.js';
import type { AuditInput, FaqChange, FaqImportResult, FaqRepository } from '../../core/ports.js';
import type { FaqEntry, FaqInput, FaqVersion } from '../../core/types.js';
import type { Db } from '../client.js';
import type { Faq as FaqRow } from '../generated/sqlite/client.js';
import { toFaqEntry } from '../mappers.js';
import { applyFaqChanges, deletedFaqs, faqHistory, IMPORT_TX_OPTIONS, KB_META_ID } from './faq-versioning.js';


/** The stored content of an entry, in column form; `version` moves only when this changes. */
function content(entry: FaqInput) {
  return {
    question: entry.question,
    alternates: JSON.stringify(entry.alternates ?? []),
    answer: entry.answer,
    category: entry.category ?? null,
    tags: JSON.stringify(entry.tags ?? []),
    enabled: entry.enabled ?? true,
  };
}

function sameContent(row: FaqRow, wanted: ReturnType<typeof content>): boolean {
  return (Object.keys(wanted) as (keyof typeof wanted)[]).every((column) => row[column] === wanted[column]);
}

function assertUniqueIds(entries: FaqInput[]): void {
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (seen.has(id)) throw new DomainError('invalid_input', `FAQ id "${id}" appears more than once in the import`);
    seen.add(id);
  }
}

export class PrismaFaqRepository implements FaqRepository {
  constructor(private readonly db: Db) {}

  async list(options: { enabledOnly?: boolean } = {}): Promise<FaqEntry[]> {
    const rows = await this.db.faq.findMany({ where: options.enabledOnly ? { enabled: true } : {}, orderBy: { key: 'asc' } });
    return rows.map(toFaqEntry);
  }

  async get(id: string): Promise<FaqEntry | null> {
    const row = await this.db.faq.findUnique({ where: { key: id } });
    return row ? toFaqEntry(row) : null;
  }

  count(): Promise<number> {
    return this.db.faq.count();
  }

  async upsertMany(entries: FaqInput[], options: { replace?: boolean } = {}): Promise<FaqImportResult> {
    assertUniqueIds(entries);
    return this.db.$transaction(async (tx) => {
      // Writing the revision row first makes concurrent imports take turns (PostgreSQL row lock, SQLite write
      // lock); a write rather than a read-then-write also spares SQLite's WAL a snapshot conflict.
      const locked = await tx.kbMeta.updateMany({ where: { id: KB_META_ID }, data: { revision: { increment: 0 } } });
      if (locked.count === 0) await tx.kbMeta.create({ data: { id: KB_META_ID, revision: 0 } });
      const existing = new Map((await tx.faq.findMany()).map((row) => [row.key, row]));
      const result: FaqImportResult = { added: [], updated: [], unchanged: [], removed: [] };
      const toAdd = [];
      for (const entry of entries) {
        const wanted = content(entry);
        const row = existing.get(entry.id);
        if (!row) {
          toAdd.push({ key: entry.id, ...wanted });
          result.added.push(entry.id);
        } else if (sameContent(row, wanted)) {
          result.unchanged.push(entry.id);
        } else {
          await tx.faq.update({ where: { id: row.id }, data: { ...wanted, version: { increment: 1 } } });
          result.updated.push(entry.id);
        }
      }
      if (toAdd.length > 0) await tx.faq.createMany({ data: toAdd });
      if (options.replace) {
        const given = new Set(entries.map((entry) => entry.id));
        result.removed = [...existing.keys()].filter((key) => !given.has(key)).sort();
        if (result.removed.length > 0) await tx.faq.deleteMany({ where: { key: { in: result.removed } } });
      }
      if (result.added.length + result.updated.length + result.removed.length > 0) {
        await tx.kbMeta.update({ where: { id: KB_META_ID }, data: { revision: { increment: 1 } } });
      }
      return result;
    }, IMPORT_TX_OPTIONS);
  }

  async revision(): Promise<number> {
    const row = await this.db.kbMeta.findUnique({ where: { id: KB_META_ID } });
    return row?.revision ?? 0;
  }

  applyChanges(changes: FaqChange[], audit: AuditInput): Promise<FaqVersion[]> {
    return applyFaqChanges(this.db, changes, audit);
  }

  history(id: string): Promise<FaqVersion[]> {
    return faqHistory(this.db, id);
  }

  listDeleted(): Promise<FaqVersion[]> {
    return deletedFaqs(this.db);
  }
}
