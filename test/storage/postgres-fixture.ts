import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { MigrationRow, StorageFixture } from './storage-contract.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** TEST_DATABASE_URL without its password, for messages. */
export function testDatabaseLabel(): string {
  const url = new URL(TEST_DATABASE_URL);
  if (url.password) url.password = '***';
  return url.toString();
}

/** Null when PostgreSQL answers; otherwise why not. */
export async function postgresUnavailable(url: string = TEST_DATABASE_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema per test file, dropped afterwards, so files run in parallel against one database. */
export async function postgresSchemaFixture(url: string = TEST_DATABASE_URL): Promise<StorageFixture> {
  const schema = `kefu_test_${randomBytes(6).toString('hex')}`;
  const withSchema = new URL(url);
  withSchema.searchParams.set('schema', schema);
  const query = async <T extends pg.QueryResultRow>(sql: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url: withSchema.toString(),
    migrationRows: () => query<MigrationRow>(`SELECT * FROM "${schema}"._prisma_migrations ORDER BY migration_name`),
    countRows: async (table) => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${table}"`))[0]?.n),
    async cleanup() {
      await query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}
