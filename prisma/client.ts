import type { PrismaClient } from './generated/sqlite/client.js';
import { searchPathOption, SQLITE_BUSY_TIMEOUT_MS, type DatabaseTarget } from './database-url.js';

/** The repositories are typed against the SQLite client; the PostgreSQL one has the same models and API. */
export type Db = PrismaClient;

/** Interactive transactions wait their turn: SQLite serialises writers, PostgreSQL row locks queue them. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

// Clients and drivers are imported on demand so a SQLite deployment never loads pg, and vice versa.
export async function createClient(target: DatabaseTarget): Promise<Db> {
  if (target.provider === 'sqlite') {
    const [{ PrismaClient: SqliteClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import('./generated/sqlite/client.js'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  }
  const [{ PrismaClient: PostgresClient }, { PrismaPg }] = await Promise.all([
    import('./generated/postgres/client.js'),
    import('@prisma/adapter-pg'),
  ]);
  // `schema` qualifies the client's own queries; search_path covers raw SQL.
  const adapter = new PrismaPg(
    { connectionString: target.connectionString, options: searchPathOption(target.schema) },
    { schema: target.schema },
  );
  return new PostgresClient({ adapter }) as unknown as Db;
}
