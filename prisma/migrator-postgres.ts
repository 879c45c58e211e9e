import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { searchPathOption } from './database-url.js';
import { migrationState, type AppliedMigration, type MigrationFile } from './migrations.js';

// The advisory lock key Prisma's schema engine takes, so our start-up and `prisma migrate deploy` exclude each other.
const PRISMA_MIGRATE_LOCK = 72707369;

// The table Prisma's schema engine creates, so `prisma migrate deploy` reads our rows as its own.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function migratePostgres(connectionString: string, schema: string, migrations: MigrationFile[]): Promise<string[]> {
  const client = new pg.Client({ connectionString, options: searchPathOption(schema) });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    // Checked first because CREATE SCHEMA needs a privilege that an existing schema does not.
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.rowCount === 0) await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(CREATE_MIGRATIONS_TABLE);
    for (const migration of migrations) {
      const { rows } = await client.query<AppliedMigration>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = $1',
        [migration.name],
      );
      if (migrationState(migration.name, rows) === 'applied') continue;
      const startedAt = new Date();
      await client.query('BEGIN');
      try {
        // No parameters: pg then uses the simple query protocol, which accepts a multi-statement script.
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    // Closing the session releases the advisory lock too.
    await client.end();
  }
  return applied;
}
