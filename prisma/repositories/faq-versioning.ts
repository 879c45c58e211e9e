import { assertDistinctIds, idTaken, sameContent, staleVersion, SYSTEM_ACTOR, toContent } from '../../core/knowledge-admin/faq-content.js';
import type { AuditInput, FaqChange } from '../../core/ports.js';
import type { FaqVersion } from '../../core/types.js';
import { TX_OPTIONS, type Db } from '../client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { auditColumns, contentColumns, toFaqVersion } from '../knowledge-mappers.js';
import { toFaqEntry } from '../mappers.js';

type Tx = Prisma.TransactionClient;
export const KB_META_ID = 1;
// Large imports write many rows in one transaction.
export const IMPORT_TX_OPTIONS = { ...TX_OPTIONS, timeout: 120_000 } as const;

/**
 * Writing the revision row first makes concurrent knowledge-base writers take turns (PostgreSQL row lock, SQLite
 * write lock); a write rather than a read-then-write also spares SQLite's WAL a snapshot conflict.
 */
export async function lockKnowledgeBase(tx: Tx): Promise<void> {
  const locked = await tx.kbMeta.updateMany({ where: { id: KB_META_ID }, data: { revision: { increment: 0 } } });
  if (locked.count === 0) await tx.kbMeta.create({ data: { id: KB_META_ID, revision: 0 } });
}

export async function bumpRevision(tx: Tx): Promise<void> {
  await tx.kbMeta.update({ where: { id: KB_META_ID }, data: { revision: { increment: 1 } } });
}

/** `FaqRepository.applyChanges` on Prisma: see the port for the contract. */
export function applyFaqChanges(db: Db, changes: FaqChange[], audit: AuditInput): Promise<FaqVersion[]> {
  assertDistinctIds(changes.map((c) => c.id));
  return db.$transaction(async (tx) => {
    await lockKnowledgeBase(tx);
    const ids = changes.map((c) => c.id);
    const rows = new Map((await tx.faq.findMany({ where: { key: { in: ids } } })).map((row) => [row.key, row]));
    for (const c of changes) {
      if (c.expectedVersion === undefined) continue;
      const current = rows.get(c.id)?.version ?? null;
      if (c.expectedVersion === null && current !== null) throw idTaken(c.id);
      if (c.expectedVersion !== null && current !== c.expectedVersion) throw staleVersion(c.id, current);
    }
    const known = await tx.faqVersion.findMany({ where: { faqKey: { in: ids } }, select: { faqKey: true, version: true } });
    const has = new Set(known.map((v) => `${v.faqKey}\n${v.version}`));
    const newest = new Map<string, number>();
    for (const v of known) newest.set(v.faqKey, Math.max(newest.get(v.faqKey) ?? 0, v.version));

    const at = new Date();
    const versionRows: Prisma.FaqVersionCreateManyInput[] = [];
    const written: FaqVersion[] = [];
    const toCreate: Prisma.FaqCreateManyInput[] = [];
    for (const c of changes) {
      const row = rows.get(c.id);
      const current = row ? toFaqEntry(row) : null;
      if (c.content === null ? !current : current && sameContent(current, c.content)) continue;
      if (row && current && !has.has(`${c.id}\n${current.version}`)) {
        versionRows.push({
          faqKey: c.id, version: current.version, action: 'baseline', ...contentColumns(toContent(current)),
          actorId: SYSTEM_ACTOR.id, actorName: SYSTEM_ACTOR.name, createdAt: row.updatedAt,
        });
      }
      const version = Math.max(current?.version ?? 0, newest.get(c.id) ?? 0) + 1;
      const content = toContent(c.content ?? toContent(current as NonNullable<typeof current>));
      const versionRow = {
        faqKey: c.id, version, action: c.action, ...contentColumns(content), actorId: audit.actor.id, actorName: audit.actor.name,
        note: c.note ?? null, createdAt: at,
      };
      versionRows.push(versionRow);
      written.push(toFaqVersion({ id: '', ...versionRow }));
      if (c.content === null) await tx.faq.delete({ where: { key: c.id } });
      else if (row) await tx.faq.update({ where: { key: c.id }, data: { ...contentColumns(content), version, updatedBy: audit.actor.name } });
      else toCreate.push({ key: c.id, ...contentColumns(content), version, updatedBy: audit.actor.name });
    }
    if (written.length === 0) return [];
    if (toCreate.length > 0) await tx.faq.createMany({ data: toCreate });
    await tx.faqVersion.createMany({ data: versionRows });
    await tx.auditLog.create({ data: { ...auditColumns(audit), createdAt: at } });
    await bumpRevision(tx);
    return written;
  }, IMPORT_TX_OPTIONS);
}

export async function faqHistory(db: Db, id: string): Promise<FaqVersion[]> {
  const rows = await db.faqVersion.findMany({ where: { faqKey: id }, orderBy: { version: 'desc' } });
  return rows.map(toFaqVersion);
}

export async function deletedFaqs(db: Db): Promise<FaqVersion[]> {
  const deletes = await db.faqVersion.findMany({ where: { action: 'delete' }, orderBy: [{ createdAt: 'desc' }, { faqKey: 'asc' }] });
  if (deletes.length === 0) return [];
  const keys = [...new Set(deletes.map((d) => d.faqKey))];
  const live = new Set((await db.faq.findMany({ where: { key: { in: keys } }, select: { key: true } })).map((r) => r.key));
  const newest = await db.faqVersion.groupBy({ by: ['faqKey'], where: { faqKey: { in: keys } }, _max: { version: true } });
  const latest = new Map(newest.map((g) => [g.faqKey, g._max.version]));
  return deletes.filter((d) => !live.has(d.faqKey) && latest.get(d.faqKey) === d.version).map(toFaqVersion);
}
