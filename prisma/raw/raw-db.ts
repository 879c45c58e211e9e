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
  /** pg's parsers, except `timestamp` (what Prisma's DateTime is) read as UTC, as Prisma writes it; pg would read local time. */
  types: pg.CustomTypesConfig;
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

/**
 * One write outside a transaction; returns the rows it changed. On SQLite it takes the adapter's transaction lock, so
 * it never lands inside an interactive transaction Prisma has open on the same connection (and rolls back with it).
 */
export async function execute(db: RawDb, sql: string, params: SqlValue[]): Promise<number> {
  if (db.dialect === 'sqlite') {
    const values = params.map((p) => (typeof p === 'boolean' ? Number(p) : p));
    return db.transaction(() => db.statement(sql).run(...values).changes);
  }
  const result = await db.pool.query({ name: statementName(sql), text: numbered(sql), values: params });
  return result.rowCount ?? 0;
}

/** `INSERT INTO "table" ("a", "b") VALUES (?, ?)` for these columns. */
export function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/**
 * Rows with their DateTime columns (`dates`) as Date, shaped like Prisma's rows, for the mappers. SQLite keeps them as
 * ISO text (see sqlDate); PostgreSQL's come through `types`.
 */
export async function queryRecords<T>(db: RawDb, sql: string, params: SqlValue[], dates: readonly string[]): Promise<T[]> {
  if (db.dialect === 'postgresql') {
    const result = await db.pool.query({ name: statementName(sql), text: numbered(sql), values: params, types: db.types });
    return result.rows as T[];
  }
  return (await queryRows<Record<string, unknown>>(db, sql, params)).map((row) => withDates<T>(row, dates));
}

/** A SQLite row with its DateTime columns (ISO text) turned into Date, in place. */
export function withDates<T>(row: Record<string, unknown>, dates: readonly string[]): T {
  for (const column of dates) {
    const value = row[column];
    if (typeof value === 'string') row[column] = new Date(value);
  }
  return row as T;
}

/** `SELECT "a", "b" FROM "table" WHERE "key" = ?`, for one row by a unique key. */
export function selectSql(table: string, columns: readonly string[], key = 'id'): string {
  return `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE "${key}" = ?`;
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
