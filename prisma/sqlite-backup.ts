import { existsSync, renameSync, rmSync } from 'node:fs';
import { readMigrations } from './migrations.js';
import { readSqliteMigrations } from './database-status.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './database-url.js';

export type Progress = (done: number, total: number) => void;

/**
 * SQLite's online backup: a consistent copy while Kefu keeps running (readers and writers go on; pages a writer
 * changes mid-copy are copied again). Written beside `dest` and renamed into place, so a crash never leaves a
 * half-written file under the backup's name. The copy is integrity-checked before it is kept.
 */
export async function backupSqlite(file: string, dest: string, progress?: Progress): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  if (!existsSync(file)) throw new Error(`there is no database at ${file}`);
  const partial = `${dest}.partial`;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        progress?.(totalPages - remainingPages, totalPages);
        return 256;
      },
    });
    // One self-contained file: the copy inherits WAL mode, which would keep -wal/-shm files beside it.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    await checkSqliteBackup(partial);
    renameSync(partial, dest);
  } finally {
    db.close();
    rmSync(partial, { force: true });
  }
}

/**
 * Refuses a file that is not a sound Kefu database this version can run: not SQLite, damaged, never migrated, or
 * migrated by a newer Kefu (restoring it would leave a schema this code does not know).
 */
export async function checkSqliteBackup(file: string): Promise<{ migrations: number }> {
  const { default: Database } = await import('better-sqlite3');
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
  } catch (err) {
    throw new Error(`${file} is not a usable SQLite database (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  } finally {
    db?.close();
  }
  const rows = (await readSqliteMigrations(file)).filter((r) => r.finished_at !== null && r.rolled_back_at === null);
  if (rows.length === 0) throw new Error(`${file} is not a Kefu database (no migrations recorded)`);
  const known = new Set(readMigrations('sqlite').map((m) => m.name));
  const newer = rows.map((r) => r.migration_name).filter((name) => !known.has(name));
  if (newer.length > 0) throw new Error(`${file} comes from a newer Kefu (unknown migrations: ${newer.join(', ')}); upgrade Kefu first`);
  return { migrations: rows.length };
}

/**
 * Replaces the database at `file` with the backup at `source` through the same backup API, page by page under
 * SQLite's locks: a reader sees the old database or the new one, never a mix. The caller backs up the current
 * database first. WAL mode is restored afterwards (the copy takes the source's journal mode).
 */
export async function restoreSqlite(source: string, file: string, progress?: Progress): Promise<void> {
  await checkSqliteBackup(source);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        progress?.(totalPages - remainingPages, totalPages);
        return 256;
      },
    });
  } finally {
    db.close();
  }
  const restored = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    restored.pragma('journal_mode = WAL');
  } finally {
    restored.close();
  }
}
