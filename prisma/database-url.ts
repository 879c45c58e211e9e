import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../core/errors.js';

export type Provider = 'sqlite' | 'postgresql';

export type DatabaseTarget =
  | { provider: 'sqlite'; file: string }
  | { provider: 'postgresql'; connectionString: string; schema: string; poolSize: number; poolTimeoutMs: number; statementTimeoutMs: number };

/**
 * Connections per process (`?connection_limit=`), how long a query waits for one or for a new connection to open
 * (`?pool_timeout=`, seconds, as in Prisma's URLs) and the longest a statement may run (`?statement_timeout=`,
 * milliseconds, as PostgreSQL's own setting).
 */
export const DEFAULT_POOL = { size: 10, timeoutSeconds: 10, statementTimeoutMs: 15_000 } as const;

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function invalid(message: string): DomainError {
  return new DomainError('invalid_input', `DATABASE_URL ${message}`, {
    userMessage: 'The database is not configured correctly.',
  });
}

/**
 * `file:./data/kefu.db` (relative to `cwd`), `file:/abs/kefu.db` or `file:///abs/kefu.db` → SQLite;
 * `postgres://…` or `postgresql://…`, optionally with `?schema=name` (default `public`), `connection_limit` and
 * `pool_timeout` (as in Prisma's URLs) and `statement_timeout` → PostgreSQL.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  if (url.startsWith('file:')) {
    const path = url.startsWith('file://') ? fileURLToPath(url.split('?')[0] ?? url) : url.slice(5).split('?')[0];
    if (!path || path === ':memory:') throw invalid('must name a SQLite file, e.g. file:./data/kefu.db');
    return { provider: 'sqlite', file: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalid('is not a valid postgresql:// URL');
    }
    const schema = parsed.searchParams.get('schema') ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw invalid(`has an invalid schema name "${schema}"`);
    parsed.searchParams.delete('schema');
    const poolSize = whole(parsed.searchParams.get('connection_limit'), DEFAULT_POOL.size, 1, 1000, 'connection_limit');
    const poolTimeout = whole(parsed.searchParams.get('pool_timeout'), DEFAULT_POOL.timeoutSeconds, 1, 3600, 'pool_timeout');
    const statementTimeoutMs = whole(parsed.searchParams.get('statement_timeout'), DEFAULT_POOL.statementTimeoutMs, 100, 3_600_000, 'statement_timeout');
    for (const name of ['connection_limit', 'pool_timeout', 'statement_timeout']) parsed.searchParams.delete(name);
    return { provider: 'postgresql', connectionString: parsed.toString(), schema, poolSize, poolTimeoutMs: poolTimeout * 1000, statementTimeoutMs };
  }
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? '(none)';
  throw invalid(`must start with file: (SQLite) or postgresql:// (PostgreSQL); got scheme ${scheme}`);
}

function whole(value: string | null, fallback: number, min: number, max: number, name: string): number {
  if (value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw invalid(`has ${name}=${value}; it must be a whole number from ${min} to ${max}`);
  return n;
}

/** Postgres connection option making unqualified names (raw SQL, migration scripts) resolve in `schema`. */
export function searchPathOption(schema: string): string {
  return `-c search_path="${schema}"`;
}

/** How long a SQLite writer waits for the lock before failing (migrator and client alike). */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
