import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readMigrations, type MigrationFile } from '../../prisma/migrations.js';
import { migrateSqlite } from '../../prisma/migrator-sqlite.js';

const migration = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });

// What `prisma migrate diff` writes when a parent table must be rebuilt (here: Customer.displayName made required).
const REDEFINE_CUSTOMER = migration('29990101000000_customer_name_required', `
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Customer" ("id" TEXT NOT NULL PRIMARY KEY, "displayName" TEXT NOT NULL DEFAULT '',
  "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" DATETIME NOT NULL);
INSERT INTO "new_Customer" ("createdAt", "displayName", "id", "updatedAt")
  SELECT "createdAt", coalesce("displayName", '') AS "displayName", "id", "updatedAt" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`);

describe('SQLite migrator', () => {
  let dir: string;
  let file: string;
  const query = <T>(sql: string): T[] => {
    const db = new Database(file);
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kefu-migrator-'));
    file = join(dir, 'kefu.db');
    migrateSqlite(file, readMigrations('sqlite'));
    const db = new Database(file);
    db.exec(`INSERT INTO "Customer" (id, createdAt, updatedAt) VALUES ('c1', '2020-01-01', '2020-01-01');
      INSERT INTO "CustomerIdentity" (id, customerId, channel, externalId) VALUES ('i1', 'c1', 'webchat', 'x');`);
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds a parent table without cascading deletes into its children', () => {
    expect(migrateSqlite(file, [...readMigrations('sqlite'), REDEFINE_CUSTOMER])).toEqual([REDEFINE_CUSTOMER.name]);
    expect(query('SELECT id, displayName FROM "Customer"')).toEqual([{ id: 'c1', displayName: '' }]);
    expect(query('SELECT id FROM "CustomerIdentity"')).toEqual([{ id: 'i1' }]);
  });

  it('rolls a failing migration back entirely and records nothing', () => {
    const broken = migration('29990101000000_broken', 'CREATE TABLE "ScratchHalfDone" ("id" TEXT PRIMARY KEY); INSERT INTO "Nope" VALUES (1);');
    expect(() => migrateSqlite(file, [...readMigrations('sqlite'), broken])).toThrow(/Nope/);
    expect(query(`SELECT name FROM sqlite_master WHERE name = 'ScratchHalfDone'`)).toEqual([]);
    expect(query(`SELECT * FROM "_prisma_migrations" WHERE migration_name = '${broken.name}'`)).toEqual([]);
  });

  it('refuses to continue past a migration Prisma recorded as failed', () => {
    const db = new Database(file);
    db.exec(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES ('x', 'y', '29990101000000_failed', '2030-01-01', 0)`);
    db.close();
    expect(() => migrateSqlite(file, [...readMigrations('sqlite'), migration('29990101000000_failed', 'SELECT 1;')])).toThrow(
      /failed earlier/,
    );
  });
});
