import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { readMigrations } from './migrations.js';

export interface MigrateResult {
  /** Names of the migrations applied by this call, oldest first; empty when the database was up to date. */
  applied: string[];
}

/**
 * Applies the committed migrations (prisma/<provider>/migrations) that the database lacks, each in its own
 * transaction, recording them in Prisma's `_prisma_migrations` table. Safe when several processes start at once.
 */
export async function migrate(databaseUrl: string | DatabaseTarget): Promise<MigrateResult> {
  const target = typeof databaseUrl === 'string' ? parseDatabaseUrl(databaseUrl) : databaseUrl;
  const migrations = readMigrations(target.provider);
  // Each driver is loaded only for its own provider: a SQLite deployment never loads pg, and vice versa.
  const applied =
    target.provider === 'sqlite'
      ? (await import('./migrator-sqlite.js')).migrateSqlite(target.file, migrations)
      : await (await import('./migrator-postgres.js')).migratePostgres(target.connectionString, target.schema, migrations);
  return { applied };
}
