import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provider } from './database-url.js';
import { packageRoot } from './package-root.js';

export interface MigrationFile {
  name: string;
  sql: string;
  /** What Prisma stores in `_prisma_migrations.checksum`: sha256 hex of the file's bytes. */
  checksum: string;
}

export interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

const FOLDERS: Record<Provider, string> = { sqlite: 'sqlite', postgresql: 'postgres' };

export function migrationsDir(provider: Provider): string {
  return join(packageRoot(), 'prisma', FOLDERS[provider], 'migrations');
}

/** The committed migrations for `provider`, in the order Prisma applies them (by folder name). */
export function readMigrations(provider: Provider): MigrationFile[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

/**
 * Decides what to do with one migration given the rows Prisma keeps for it. A row that neither finished nor was
 * rolled back is a failed migration: like `prisma migrate deploy`, refuse to go on.
 */
export function migrationState(name: string, rows: AppliedMigration[]): 'applied' | 'pending' {
  const live = rows.filter((row) => row.migration_name === name && row.rolled_back_at === null);
  if (live.some((row) => row.finished_at !== null)) return 'applied';
  if (live.length > 0) {
    throw new Error(
      `Migration ${name} failed earlier and was not resolved; see https://pris.ly/d/migrate-resolve (prisma migrate resolve)`,
    );
  }
  return 'pending';
}
