import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeStorageContract, type MigrationRow } from './storage-contract.js';

describeStorageContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-storage-'));
  // A subdirectory that does not exist yet: opening storage must create it.
  const file = join(dir, 'data', 'kefu.db');
  const read = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly: true });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    url: `file:${file}`,
    migrationRows: async () => read((db) => db.prepare('SELECT * FROM _prisma_migrations ORDER BY migration_name').all() as MigrationRow[]),
    countRows: async (table) => read((db) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n),
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
