import type { DatabaseTarget } from './database-url.js';
import { searchPathOption } from './database-url.js';
import type { RawDb } from './raw/raw-db.js';

/** Resolves when the database answers `SELECT 1` within `timeoutMs`; rejects with why not. */
export type DatabaseProbe = (timeoutMs: number) => Promise<void>;

/**
 * PostgreSQL is asked on a connection of its own rather than through the pool: a pool busy with a burst must not make
 * an instance look unready, and a pool stuck on a dead server must not stop the probe from seeing that it came back.
 */
export function databaseProbe(target: DatabaseTarget, raw: RawDb): DatabaseProbe {
  if (raw.dialect === 'sqlite') {
    return async () => {
      raw.statement('SELECT 1').get();
    };
  }
  if (target.provider !== 'postgresql') throw new Error('a PostgreSQL connection for a SQLite target');
  return async (timeoutMs) => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({
      connectionString: target.connectionString, options: searchPathOption(target.schema), connectionTimeoutMillis: timeoutMs,
    });
    client.on('error', () => undefined);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([client.connect().then(() => client.query('SELECT 1')), late]);
    } catch (err) {
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    void client.end().catch(() => undefined);
  };
}
