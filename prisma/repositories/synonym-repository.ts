import { DomainError } from '../../core/errors.js';
import type { AuditInput, SynonymRepository } from '../../core/ports.js';
import { TX_OPTIONS, type Db } from '../client.js';
import { auditColumns } from '../knowledge-mappers.js';
import { KB_META_ID, lockKnowledgeBase } from './faq-versioning.js';

/** The synonym groups live as JSON on the knowledge-base meta row, so a change and the revision bump are one write. */
export class PrismaSynonymRepository implements SynonymRepository {
  constructor(private readonly db: Db) {}

  async get(): Promise<{ groups: string[][]; version: number } | null> {
    const row = await this.db.kbMeta.findUnique({ where: { id: KB_META_ID } });
    if (!row || row.synonyms === null) return null;
    return { groups: JSON.parse(row.synonyms) as string[][], version: row.synonymsVersion };
  }

  replace(groups: string[][], audit: AuditInput, expectedVersion?: number): Promise<{ groups: string[][]; version: number }> {
    return this.db.$transaction(async (tx) => {
      await lockKnowledgeBase(tx);
      const row = await tx.kbMeta.findUniqueOrThrow({ where: { id: KB_META_ID } });
      if (expectedVersion !== undefined && expectedVersion !== row.synonymsVersion) {
        throw new DomainError('conflict', `synonyms at version ${row.synonymsVersion}, not ${expectedVersion}`, {
          userMessage: 'The synonyms were changed meanwhile; reload and try again',
        });
      }
      const updated = await tx.kbMeta.update({
        where: { id: KB_META_ID },
        data: { synonyms: JSON.stringify(groups), synonymsVersion: { increment: 1 }, revision: { increment: 1 } },
      });
      await tx.auditLog.create({ data: auditColumns(audit) });
      return { groups: groups.map((g) => [...g]), version: updated.synonymsVersion };
    }, TX_OPTIONS);
  }
}
