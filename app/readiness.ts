import type { DependencyHealth, Logger, PubSub } from '../core/ports.js';
import type { DatabaseProbe } from '../prisma/database-probe.js';
import type { Provider } from '../prisma/database-url.js';
import type { ChannelHealth } from './channel-supervisor.js';

/**
 * `ok`: every dependency answers. `degraded`: still serving (replies are stored and sent), but Redis fan-out or a
 * channel is down. `unavailable`: the database does not answer, or the process is shutting down; take it out of rotation.
 */
export type ReadinessStatus = 'ok' | 'degraded' | 'unavailable';

export interface ReadinessReport {
  status: ReadinessStatus;
  /** One short sentence per problem, empty when ok. */
  reasons: string[];
  database: DependencyHealth & { provider: Provider };
  pubsub: DependencyHealth | { status: 'in-process' };
  channels: Record<string, ChannelHealth>;
}

export interface ReadinessDeps {
  provider: Provider;
  probe: DatabaseProbe;
  pubsub: PubSub;
  channels: () => Record<string, ChannelHealth>;
  shuttingDown: () => boolean;
  /** How long the database and Redis each get to answer. */
  timeoutMs: number;
  logger: Logger;
}

export const READINESS_TIMEOUT_MS = 1000;

/** The readiness check; probes that arrive while one is running share its answer, so a busy prober costs one query. */
export function readinessCheck(deps: ReadinessDeps): () => Promise<ReadinessReport> {
  let running: Promise<ReadinessReport> | undefined;
  const check = async (): Promise<ReadinessReport> => {
    const [database, pubsub] = await Promise.all([
      deps.probe(deps.timeoutMs).then(
        (): DependencyHealth => ({ status: 'up' }),
        (err: unknown): DependencyHealth => {
          deps.logger.warn({ err }, 'readiness: the database did not answer');
          return { status: 'down', error: describe(err) };
        },
      ),
      deps.pubsub.health ? deps.pubsub.health(deps.timeoutMs) : Promise.resolve({ status: 'in-process' as const }),
    ]);
    const channels = deps.channels();
    const reasons: string[] = [];
    if (deps.shuttingDown()) reasons.push('shutting down');
    if (database.status === 'down') reasons.push(`database: ${database.error ?? 'down'}`);
    if (pubsub.status === 'down') reasons.push(`redis: ${pubsub.error ?? 'down'} (live updates across instances paused)`);
    for (const [channel, health] of Object.entries(channels)) {
      if (health.status === 'down') reasons.push(`${channel}: ${health.lastError ?? 'down'}`);
    }
    const unavailable = deps.shuttingDown() || database.status === 'down';
    return {
      status: unavailable ? 'unavailable' : reasons.length > 0 ? 'degraded' : 'ok',
      reasons, database: { ...database, provider: deps.provider }, pubsub, channels,
    };
  };
  return () => {
    running ??= check().finally(() => (running = undefined));
    return running;
  };
}

// The probe is public: say what kind of failure it was, never addresses or server messages (those go to the log).
function describe(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  const message = err instanceof Error ? err.message : '';
  if (/^no answer within \d+ ms$/.test(message)) return message;
  return /timeout/i.test(message) ? 'timed out' : 'failed';
}
