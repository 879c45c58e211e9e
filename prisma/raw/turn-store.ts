import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { ConversationPatch, NewTurn, TurnResult } from '../../core/ports.js';
import type { NewMessage, StoredMessage } from '../../core/types.js';
import { MESSAGE } from './columns.js';
import { numbered, queryRows, type RawDb, type RawPostgres, type RawSqlite, type SqlValue, sqlDate, statementName } from './raw-db.js';

const MESSAGE_COLUMNS = MESSAGE.columns;
const DELIVERY_COLUMNS = ['id', 'messageId', 'conversationId', 'seq', 'channel', 'payload', 'status', 'attempts', 'nextAttemptAt', 'createdAt', 'updatedAt'] as const;
const PATCH_COLUMNS = ['status', 'lang', 'fallbackStreak', 'closedAt', 'channelRef'] as const;
// PostgreSQL cannot infer the type of a parameter in a SELECT list; these columns need a cast.
export const CASTS: Record<string, string> = { seq: '::int', attempts: '::int', fallbackStreak: '::int', createdAt: '::timestamp(3)', updatedAt: '::timestamp(3)', nextAttemptAt: '::timestamp(3)', closedAt: '::timestamp(3)' };

interface Row {
  table: 'Message' | 'Delivery';
  values: Record<string, SqlValue>;
}

interface Plan {
  patchColumns: string[];
  /** Guard parameters: increment, updatedAt, patch values…, id, status, lastSeq. */
  guard: SqlValue[];
  rows: Row[];
  inbound: StoredMessage;
  replies: StoredMessage[];
  lastSeq: number;
}

/** A message's column values; `channel` is null here, the statement takes it from the conversation row. */
export function messageValues(db: RawDb, m: StoredMessage): Record<string, SqlValue> {
  return {
    id: m.id, conversationId: m.conversationId, seq: m.seq, direction: m.direction, author: m.author, kind: m.kind, text: m.text,
    faqId: m.faqId, choices: m.choices === null ? null : JSON.stringify(m.choices), channel: null, channelMessageId: m.channelMessageId,
    replyToId: m.replyToId, agentId: m.agentId ?? null, attachments: m.attachments?.length ? JSON.stringify(m.attachments) : null,
    deliveryStatus: m.deliveryStatus ?? null, createdAt: sqlDate(db, m.createdAt),
  };
}

const isStored = (m: NewMessage | StoredMessage): m is StoredMessage => 'id' in m && 'seq' in m;

function plan(db: RawDb, turn: NewTurn): Plan {
  const at = turn.at;
  let seq = turn.expect.lastSeq;
  const rows: Row[] = [];
  const stored = (m: NewMessage, deliveryStatus?: 'pending'): StoredMessage => {
    seq += 1;
    const { deliveryStatus: _ignored, ...rest } = m;
    return { ...rest, id: randomUUID(), seq, createdAt: m.createdAt ?? at, ...(deliveryStatus ? { deliveryStatus } : {}) };
  };
  const messageRow = (m: StoredMessage): Row => ({ table: 'Message', values: messageValues(db, m) });
  const inbound = isStored(turn.inbound) ? turn.inbound : stored(turn.inbound);
  if (!isStored(turn.inbound)) rows.push(messageRow(inbound));
  const replies: StoredMessage[] = [];
  for (const reply of turn.replies) {
    const m = stored({ ...reply.message, replyToId: reply.message.replyToId ?? inbound.id }, reply.outbox ? 'pending' : undefined);
    replies.push(m);
    rows.push(messageRow(m));
    if (reply.outbox) {
      const when = sqlDate(db, at);
      rows.push({
        table: 'Delivery',
        values: {
          id: randomUUID(), messageId: m.id, conversationId: m.conversationId, seq: m.seq, channel: reply.outbox.channel,
          payload: JSON.stringify(reply.outbox.payload), status: 'pending', attempts: 0, nextAttemptAt: when, createdAt: when, updatedAt: when,
        },
      });
    }
  }
  const patchColumns = PATCH_COLUMNS.filter((c) => turn.patch[c] !== undefined);
  const patchValue = (c: keyof ConversationPatch): SqlValue => {
    const v = turn.patch[c];
    return v instanceof Date ? sqlDate(db, v) : (v ?? null);
  };
  const guard: SqlValue[] = [seq - turn.expect.lastSeq, sqlDate(db, at), ...patchColumns.map(patchValue), turn.conversationId, turn.expect.status, turn.expect.lastSeq];
  return { patchColumns, guard, rows, inbound, replies, lastSeq: seq };
}

const q = (name: string): string => `"${name}"`;

function guardSql(patchColumns: string[]): string {
  const sets = [`"lastSeq" = "lastSeq" + ?`, `"updatedAt" = ?`, ...patchColumns.map((c) => `${q(c)} = ?`)];
  return `UPDATE "Conversation" SET ${sets.join(', ')} WHERE "id" = ? AND "status" = ? AND "lastSeq" = ? RETURNING "channel"`;
}

const columnsOf = (row: Row): readonly string[] => (row.table === 'Message' ? MESSAGE_COLUMNS : DELIVERY_COLUMNS);

/** The hot path's one write: see MessageRepository.storeTurn. */
export async function storeTurn(db: RawDb, turn: NewTurn, findDuplicate: (m: NewMessage) => Promise<StoredMessage | null>): Promise<TurnResult> {
  const p = plan(db, turn);
  let channel: string | null;
  try {
    channel = db.dialect === 'sqlite' ? await storeSqlite(db, p) : await storePostgres(db, p);
  } catch (error) {
    if (!isUniqueViolation(error) || isStored(turn.inbound)) throw error;
    const existing = await findDuplicate(turn.inbound);
    if (!existing) throw error;
    return { outcome: 'duplicate', inbound: existing };
  }
  if (channel === null) {
    const exists = await queryRows(db, 'SELECT 1 AS "one" FROM "Conversation" WHERE "id" = ?', [turn.conversationId]);
    if (exists.length === 0) throw new DomainError('not_found', `Conversation ${turn.conversationId} not found`);
    return { outcome: 'stale' };
  }
  return { outcome: 'stored', inbound: p.inbound, replies: p.replies, lastSeq: p.lastSeq };
}

function storeSqlite(db: RawSqlite, p: Plan): Promise<string | null> {
  return db.transaction(() => {
    const updated = db.statement(guardSql(p.patchColumns)).get(...p.guard) as { channel: string } | undefined;
    if (!updated) return null;
    for (const row of p.rows) {
      const columns = columnsOf(row);
      const sql = `INSERT INTO ${q(row.table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      db.statement(sql).run(...columns.map((c) => (c === 'channel' && row.table === 'Message' ? updated.channel : (row.values[c] ?? null))));
    }
    return updated.channel;
  });
}

/**
 * One statement, so one round trip and no explicit transaction: the guarded update and every insert are
 * data-modifying CTEs that insert only when the update matched.
 */
async function storePostgres(db: RawPostgres, p: Plan): Promise<string | null> {
  const params: SqlValue[] = [...p.guard];
  const parts = [`c AS (${guardSql(p.patchColumns)})`];
  p.rows.forEach((row, i) => {
    const columns = columnsOf(row);
    const select = columns.map((c) => {
      if (c === 'channel' && row.table === 'Message') return 'c."channel"';
      params.push(row.values[c] ?? null);
      return `?${CASTS[c] ?? ''}`;
    });
    parts.push(`r${i} AS (INSERT INTO ${q(row.table)} (${columns.map(q).join(', ')}) SELECT ${select.join(', ')} FROM c)`);
  });
  const sql = `WITH ${parts.join(', ')} SELECT "channel" FROM c`;
  const result = await db.pool.query<{ channel: string }>({ name: statementName(sql), text: numbered(sql), values: params });
  return result.rows[0]?.channel ?? null;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
