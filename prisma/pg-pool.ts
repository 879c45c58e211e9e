import type pg from 'pg';
import { searchPathOption, type DatabaseTarget } from './database-url.js';

type PostgresTarget = Extract<DatabaseTarget, { provider: 'postgresql' }>;

/** Beyond the statement timeout, how long a query may wait for an answer before the network is presumed gone. */
const NETWORK_GRACE_MS = 2000;
/** A session idle inside a transaction this long is ended by PostgreSQL: a bit over Prisma's interactive timeout. */
export const IDLE_IN_TRANSACTION_MS = 35_000;

/**
 * The one pool for Prisma and the hot statements, bounded everywhere a faulty database could hold a request: waiting
 * for a connection or opening one (`pool_timeout`), a statement running (PostgreSQL's `statement_timeout`), an answer
 * that never arrives over a stalled network (the driver's `query_timeout`), a transaction nobody finishes
 * (`idle_in_transaction_session_timeout`), a peer that vanished (TCP keep-alive).
 */
export function createPgPool(driver: typeof pg, target: PostgresTarget): pg.Pool {
  const pool = new driver.Pool({
    connectionString: target.connectionString,
    options: searchPathOption(target.schema),
    max: target.poolSize,
    connectionTimeoutMillis: target.poolTimeoutMs,
    statement_timeout: target.statementTimeoutMs,
    query_timeout: target.statementTimeoutMs + NETWORK_GRACE_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  pool.on('connect', discardOnReadTimeout);
  return pool;
}

/**
 * pg keeps a connection whose query timed out waiting for the late answer, and Prisma returns a transaction's
 * connection to the pool without an error, so a stalled connection would be handed to the next request. Closing its
 * socket makes the pool drop it instead.
 */
function discardOnReadTimeout(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const discard = (err: unknown): void => {
    if (err instanceof Error && err.message === 'Query read timeout') (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  };
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (err: unknown, result: unknown) => {
        discard(err);
        (callback as (e: unknown, r: unknown) => void)(err, result);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) result.catch(discard);
    return result;
  };
}
