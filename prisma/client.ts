import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { PrismaClient } from './generated/sqlite/client.js';
import { SQLITE_BUSY_TIMEOUT_MS, type DatabaseTarget } from './database-url.js';
import { createPgPool } from './pg-pool.js';
import type { RawDb } from './raw/raw-db.js';

/** The repositories are typed against the SQLite client; the PostgreSQL one has the same models and API. */
export type Db = PrismaClient;

/** Interactive transactions wait their turn: SQLite serialises writers, PostgreSQL row locks queue them. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** What the SQLite adapter's connect() returns; its `client` and `startTransaction` are public members. */
interface SqliteAdapter {
  client: BetterSqlite3.Database;
  startTransaction(): Promise<{ commit(): Promise<void> }>;
}

// Clients and drivers are imported on demand so a SQLite deployment never loads pg, and vice versa.
export async function createClient(target: DatabaseTarget): Promise<{ db: Db; raw: RawDb }> {
  if (target.provider === 'sqlite') {
    const [{ PrismaClient: SqliteClient }, { PrismaBetterSQLite3 }] = await Promise.all([
      import('./generated/sqlite/client.js'),
      import('@prisma/adapter-better-sqlite3'),
    ]);
    const factory = new PrismaBetterSQLite3({ url: target.file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    // The hot statements share Prisma's one connection: a second connection to the file would wait for the first's
    // lock synchronously, blocking the event loop.
    let adapter: SqliteAdapter | undefined;
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const connected = await connect();
      adapter = connected as unknown as SqliteAdapter;
      return connected;
    };
    const db = new SqliteClient({ adapter: factory });
    await db.$connect();
    if (!adapter) throw new Error('the SQLite adapter did not connect');
    return { db, raw: sqliteRaw(adapter) };
  }
  const [{ PrismaClient: PostgresClient }, { PrismaPg }, { default: pg }] = await Promise.all([
    import('./generated/postgres/client.js'),
    import('@prisma/adapter-pg'),
    import('pg'),
  ]);
  // `schema` qualifies the client's own queries; the pool's search_path covers raw SQL.
  const pool = createPgPool(pg, target);
  const db = new PostgresClient({ adapter: new PrismaPg(pool, { schema: target.schema, disposeExternalPool: true }) }) as unknown as Db;
  await db.$connect();
  return { db, raw: { dialect: 'postgresql', pool, types: utcTimestamps(pg.types) } };
}

/** OID of PostgreSQL's `timestamp` (without time zone), the column type of Prisma's DateTime. */
const TIMESTAMP_OID = 1114;

function utcTimestamps(types: typeof pg.types): pg.CustomTypesConfig {
  const utc = (value: string): Date => new Date(`${value.replace(' ', 'T')}Z`);
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === TIMESTAMP_OID && format !== 'binary' ? utc : types.getTypeParser(oid, format))) as pg.CustomTypesConfig['getTypeParser'],
  };
}

function sqliteRaw(adapter: SqliteAdapter): RawDb {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const conn = adapter.client;
  return {
    dialect: 'sqlite',
    statement(sql) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = conn.prepare(sql);
        // Prisma's connection returns BigInt for integers; these statements read small counts and seqs.
        if (stmt.reader) stmt.safeIntegers(false);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    async transaction(work) {
      const lock = await adapter.startTransaction();
      try {
        const result = work();
        conn.prepare('COMMIT').run();
        return result;
      } catch (error) {
        if (conn.inTransaction) conn.prepare('ROLLBACK').run();
        throw error;
      } finally {
        await lock.commit();
      }
    },
  };
}
