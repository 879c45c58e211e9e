import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export type SqlValue = string | number | boolean | null;

/**
 * Direct access to the driver under Prisma's adapter, for the few statements on the message hot path (prepared once,
 * no query compiler). SQL is written once with `?` placeholders and double-quoted identifiers; PostgreSQL gets `$n`.
 */
export type RawDb = RawSqlite | RawPostgres;

export interface RawSqlite {
  dialect: 'sqlite';
  /** A cached prepared statement on Prisma's own connection. */
  statement(sql: string): BetterSqlite3.Statement;
  /**
   * Runs `work` synchronously inside BEGIN … COMMIT on Prisma's connection, after Prisma's own interactive
   * transactions (it takes the adapter's transaction lock), so no other statement can land inside it.
   */
  transaction<T>(work: () => T): Promise<T>;
}

export interface RawPostgres {
  dialect: 'postgresql';
  /** The pool Prisma's adapter also uses. */
  pool: pg.Pool;
}

/** `?` → `$1, $2…` for PostgreSQL. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** SQLite columns hold DateTime the way Prisma's adapter writes it (ISO 8601 with +00:00); PostgreSQL takes ISO text. */
export function sqlDate(db: RawDb, date: Date): string {
  const iso = date.toISOString();
  return db.dialect === 'sqlite' ? iso.replace('Z', '+00:00') : iso;
}

/** One row or none, outside any transaction. */
export async function queryRows<T>(db: RawDb, sql: string, params: SqlValue[]): Promise<T[]> {
  if (db.dialect === 'sqlite') return db.statement(sql).all(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p))) as T[];
  const result = await db.pool.query({ name: statementName(sql), text: numbered(sql), values: params });
  return result.rows as T[];
}

const names = new Map<string, string>();
/** PostgreSQL prepares a named statement once per connection and reuses it. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `kefu_${names.size + 1}`;
    names.set(sql, name);
  }
  return name;
}
