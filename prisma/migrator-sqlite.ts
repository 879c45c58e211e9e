import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrationState, type AppliedMigration, type MigrationFile } from './migrations.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './database-url.js';


// Byte for byte the table Prisma's schema engine creates, so `prisma migrate deploy` reads our rows as its own.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** The timestamp format Prisma's engine writes into SQLite. */
const timestamp = (): string => new Date().toISOString().replace('Z', '+00:00');

export function migrateSqlite(file: string, migrations: MigrationFile[]): string[] {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  const applied: string[] = [];
  try {
    db.pragma('journal_mode = WAL');
    // Prisma's table-redefinition scripts drop and recreate parent tables; with foreign keys on, the drop would
    // cascade-delete child rows. The pragma is ignored inside a transaction, so it is set here and checked below.
    db.pragma('foreign_keys = OFF');
    db.exec(CREATE_MIGRATIONS_TABLE);
    const rowsFor = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = ?');
    const record = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    );
    for (const migration of migrations) {
      // IMMEDIATE takes the write lock before reading, so a second process waits here and then sees the row.
      db.exec('BEGIN IMMEDIATE');
      try {
        if (migrationState(migration.name, rowsFor.all(migration.name) as AppliedMigration[]) === 'applied') {
          db.exec('COMMIT');
          continue;
        }
        const startedAt = timestamp();
        db.exec(migration.sql);
        const violations = db.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) throw new Error(`Migration ${migration.name} leaves ${violations.length} foreign key violations`);
        record.run(randomUUID(), migration.checksum, timestamp(), migration.name, startedAt);
        db.exec('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    }
  } finally {
    db.close();
  }
  return applied;
}
