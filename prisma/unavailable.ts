// Whether an error means "the database cannot be reached or did not answer in time" (worth a 503 and a retry) rather
// than a fault in the request or in Kefu. The driver's error may arrive bare (hot statements on the pool) or wrapped by
// Prisma (in `cause`, or `meta.driverAdapterError.cause`), so the whole chain is searched.

/** Prisma's codes for an unreachable, closed, timed-out or saturated database. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);
/** The driver adapter's kinds for the same. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** SQLSTATE: statement_timeout or cancel (57014), server shutting down or starting (57P*), connection failures (08*), too many connections, idle-in-transaction timeout. */
const SQLSTATE = /^(57014|57P0[1-4]|08\d{3}|53300|25P03)$/;
const SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);
/** pg and pg-pool raise these as plain Errors with no code. */
const DRIVER_MESSAGES = /Query read timeout|timeout exceeded when trying to connect|Connection terminated|connection timeout|not queryable|Can't reach database server|Server has closed the connection|Operation has timed out|Transaction API error|Unable to start a transaction in the given time/i;

function* chain(error: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 6 || typeof error !== 'object' || error === null) return;
  const e = error as Record<string, unknown>;
  yield e;
  yield* chain(e.cause, depth + 1);
  const meta = e.meta as Record<string, unknown> | undefined;
  if (meta && typeof meta === 'object') yield* chain(meta.driverAdapterError, depth + 1);
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* chain(inner, depth + 1);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of chain(error)) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    const originalCode = typeof e.originalCode === 'string' ? e.originalCode : undefined;
    if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLITE_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (originalCode && SQLSTATE.test(originalCode)) return true;
    if (typeof e.kind === 'string' && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
  }
  return false;
}
