import type { Delivery as DeliveryRow } from '../generated/sqlite/client.js';
import { DELIVERY } from './columns.js';
import { numbered, type RawDb, type SqlValue, sqlDate, statementName, withDates } from './raw-db.js';

const COLUMNS = DELIVERY.columns.map((c) => `"${c}"`).join(', ');
const D_COLUMNS = DELIVERY.columns.map((c) => `d."${c}"`).join(', ');

/** The oldest pending row of each conversation that is due, oldest due first (a conversation's messages go in order). */
const DUE = `SELECT x."id", x."nextAttemptAt" AS "dueAt" FROM "Delivery" x WHERE x."status" = 'pending' AND x."nextAttemptAt" <= ?
  AND NOT EXISTS (SELECT 1 FROM "Delivery" e WHERE e."conversationId" = x."conversationId" AND e."status" = 'pending' AND e."seq" < x."seq")
  ORDER BY x."nextAttemptAt", x."seq" LIMIT ?`;
// Conditional on the due time read: a row another worker leased meanwhile matches nothing.
const LEASE_SQLITE = `UPDATE "Delivery" SET "nextAttemptAt" = ?, "updatedAt" = ? WHERE "id" = ? AND "status" = 'pending' AND "nextAttemptAt" = ? RETURNING ${COLUMNS}`;
// One statement: rows another worker holds locked are skipped, and a row it leased meanwhile is no longer due.
const LEASE_POSTGRES = numbered(`UPDATE "Delivery" d SET "nextAttemptAt" = ?, "updatedAt" = ? FROM (${DUE} FOR UPDATE SKIP LOCKED) due
  WHERE d."id" = due."id" RETURNING ${D_COLUMNS}, due."dueAt"`);

const FINISH = `UPDATE "Delivery" SET "status" = ?, "attempts" = "attempts" + 1, "lastError" = ?, "sentAt" = COALESCE(?, "sentAt"), "updatedAt" = ?
  WHERE "id" = ? AND "status" = 'pending' RETURNING ${COLUMNS}`;
const MESSAGE_STATUS = `UPDATE "Message" SET "deliveryStatus" = ? WHERE "id" = ?`;
const FINISH_POSTGRES = numbered(`WITH d AS (${FINISH}), m AS (UPDATE "Message" SET "deliveryStatus" = ? WHERE "id" IN (SELECT "messageId" FROM d)) SELECT * FROM d`);

/** DeliveryRepository.claimDue in prepared statements: the due heads, leased until `leaseUntil`, in due order. */
export async function claimDue(db: RawDb, input: { now: Date; leaseUntil: Date; limit: number }): Promise<DeliveryRow[]> {
  const now = sqlDate(db, input.now);
  const lease = sqlDate(db, input.leaseUntil);
  if (db.dialect === 'sqlite') {
    return db.transaction(() => {
      const due = db.statement(DUE).all(now, input.limit) as { id: string; dueAt: string }[];
      return due.flatMap((row) => {
        const leased = db.statement(LEASE_SQLITE).get(lease, now, row.id, row.dueAt) as Record<string, unknown> | undefined;
        return leased ? [withDates<DeliveryRow>(leased, DELIVERY.dates)] : [];
      });
    });
  }
  const params: SqlValue[] = [lease, now, now, input.limit];
  const result = await db.pool.query<DeliveryRow & { dueAt: Date }>({ name: statementName(LEASE_POSTGRES), text: LEASE_POSTGRES, values: params, types: db.types });
  return result.rows
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.seq - b.seq)
    .map(({ dueAt: _dueAt, ...row }) => row);
}

/** Sent or failed for good, with Message.deliveryStatus, in one transaction; null when the row is not pending. */
export async function finishDelivery(
  db: RawDb, id: string, status: 'sent' | 'failed', data: { sentAt?: Date; lastError: string | null; at: Date },
): Promise<DeliveryRow | null> {
  const params: SqlValue[] = [status, data.lastError, data.sentAt ? sqlDate(db, data.sentAt) : null, sqlDate(db, data.at), id];
  if (db.dialect === 'sqlite') {
    return db.transaction(() => {
      const row = db.statement(FINISH).get(...params) as Record<string, unknown> | undefined;
      if (!row) return null;
      db.statement(MESSAGE_STATUS).run(status, row.messageId as string);
      return withDates<DeliveryRow>(row, DELIVERY.dates);
    });
  }
  const result = await db.pool.query<DeliveryRow>({ name: statementName(FINISH_POSTGRES), text: FINISH_POSTGRES, values: [...params, status], types: db.types });
  return result.rows[0] ?? null;
}
