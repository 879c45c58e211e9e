import { existsSync } from 'node:fs';
import { parseDatabaseUrl, searchPathOption, type DatabaseTarget, type Provider } from './database-url.js';
import { readMigrations } from './migrations.js';

export interface DatabaseStatus {
  provider: Provider;
  /** Where it is, without credentials: a file path, or host:port/database. */
  location: string;
  /** False when the database could not be opened; `error` then says why. */
  reachable: boolean;
  error?: string;
  /** The database server's clock (PostgreSQL only), to compare with this machine's. */
  serverTime?: Date;
  applied: string[];
  /** Committed migrations this database lacks. */
  pending: string[];
  /** Applied migrations this version of Kefu does not know: the database is from a newer Kefu. */
  unknown: string[];
  /** A migration recorded as started and never finished. */
  failed: string[];
}

interface MigrationRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Reads where the database stands without changing it (no migration, no file created). */
export async function databaseStatus(databaseUrl: string, timeoutMs = 5_000): Promise<DatabaseStatus> {
  const target = parseDatabaseUrl(databaseUrl);
  const base = { provider: target.provider, location: describeTarget(target), applied: [], pending: [], unknown: [], failed: [] };
  try {
    const { rows, serverTime } = target.provider === 'sqlite' ? await readSqlite(target.file) : await readPostgres(target, timeoutMs);
    return { ...base, ...compare(target.provider, rows), reachable: true, ...(serverTime ? { serverTime } : {}) };
  } catch (err) {
    return { ...base, reachable: false, error: describeError(err) };
  }
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.provider === 'sqlite') return target.file;
  const url = new URL(target.connectionString);
  return `${url.hostname}:${url.port || '5432'}${url.pathname} (schema ${target.schema})`;
}

function compare(provider: Provider, rows: MigrationRow[]): Pick<DatabaseStatus, 'applied' | 'pending' | 'unknown' | 'failed'> {
  const known = readMigrations(provider).map((m) => m.name);
  const live = rows.filter((r) => r.rolled_back_at === null);
  const applied = [...new Set(live.filter((r) => r.finished_at !== null).map((r) => r.migration_name))].sort();
  const failed = live.filter((r) => r.finished_at === null && !applied.includes(r.migration_name)).map((r) => r.migration_name);
  return {
    applied,
    pending: known.filter((name) => !applied.includes(name)),
    unknown: applied.filter((name) => !known.includes(name)),
    failed,
  };
}

async function readSqlite(file: string): Promise<{ rows: MigrationRow[]; serverTime?: undefined }> {
  // A missing file is a fresh install: Kefu creates and migrates it at start.
  if (!existsSync(file)) return { rows: [] };
  return { rows: await readSqliteMigrations(file) };
}

export async function readSqliteMigrations(file: string): Promise<MigrationRow[]> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return [];
    return db.prepare('SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"').all() as MigrationRow[];
  } finally {
    db.close();
  }
}

async function readPostgres(target: Extract<DatabaseTarget, { provider: 'postgresql' }>, timeoutMs: number) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target.connectionString, options: searchPathOption(target.schema), connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows: [now] } = await client.query<{ now: Date }>('SELECT now() AS now');
    const exists = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = '_prisma_migrations'`, [target.schema]);
    const rows = exists.rowCount ? (await client.query<MigrationRow>('SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"')).rows : [];
    return { rows, serverTime: now?.now };
  } finally {
    await client.end();
  }
}

function describeError(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return describeError(err.errors[0]);
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
