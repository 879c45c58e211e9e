import { randomUUID } from 'node:crypto';
import type { NewMessage, StoredMessage } from '../../core/types.js';
import { MESSAGE } from './columns.js';
import { numbered, type RawDb, type SqlValue, sqlDate, statementName } from './raw-db.js';
import { CASTS, messageValues } from './turn-store.js';

// The increment locks the conversation row (PostgreSQL) or the database (SQLite) until commit, so concurrent appends
// take turns and each sees the previous one's seq.
const TAKE_SEQ = `UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "updatedAt" = ? WHERE "id" = ? RETURNING "lastSeq", "channel"`;
const INSERT_SQLITE = `INSERT INTO "Message" (${MESSAGE.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${MESSAGE.columns.map(() => '?').join(', ')})`;
// One statement on PostgreSQL: the insert is a data-modifying CTE that takes seq and channel from the updated row.
const INSERT_POSTGRES = numbered(`WITH c AS (${TAKE_SEQ}), m AS (INSERT INTO "Message" (${MESSAGE.columns.map((c) => `"${c}"`).join(', ')}) ` +
  `SELECT ${MESSAGE.columns.map((c) => (c === 'seq' ? 'c."lastSeq"' : c === 'channel' ? 'c."channel"' : `?${CASTS[c] ?? ''}`)).join(', ')} FROM c) ` +
  `SELECT "lastSeq" FROM c`);

/**
 * MessageRepository.append as one transaction of prepared statements: the conversation's next seq and the message.
 * Null when the conversation does not exist; a unique violation (channelMessageId seen before) is thrown as is.
 */
export async function appendMessage(db: RawDb, message: NewMessage): Promise<StoredMessage | null> {
  const { deliveryStatus: _notYet, ...rest } = message;
  const draft: StoredMessage = { ...rest, id: randomUUID(), seq: 0, createdAt: message.createdAt ?? new Date() };
  const values = messageValues(db, draft);
  const updatedAt = sqlDate(db, draft.createdAt);
  if (db.dialect === 'sqlite') {
    return db.transaction(() => {
      const taken = db.statement(TAKE_SEQ).get(updatedAt, message.conversationId) as { lastSeq: number; channel: string } | undefined;
      if (!taken) return null;
      db.statement(INSERT_SQLITE).run(...MESSAGE.columns.map((c) => (c === 'seq' ? taken.lastSeq : c === 'channel' ? taken.channel : values[c] ?? null)));
      return { ...draft, seq: taken.lastSeq };
    });
  }
  const params: SqlValue[] = [updatedAt, message.conversationId, ...MESSAGE.columns.filter((c) => c !== 'seq' && c !== 'channel').map((c) => values[c] ?? null)];
  const result = await db.pool.query<{ lastSeq: number }>({ name: statementName(INSERT_POSTGRES), text: INSERT_POSTGRES, values: params });
  const seq = result.rows[0]?.lastSeq;
  return seq === undefined ? null : { ...draft, seq };
}
