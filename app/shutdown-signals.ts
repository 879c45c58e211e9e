import type { Logger } from '../core/ports.js';

/** After the grace period, closing sockets and pools get this long before the process exits regardless. */
export const FORCE_EXIT_AFTER_GRACE_MS = 5000;

/**
 * SIGTERM or SIGINT starts one graceful stop. More signals change nothing: a process manager signalling the whole
 * process group (and `kefu start` forwarding to its child) delivers the same signal twice. A second deadline exits
 * with status 1 if the stop itself hangs.
 */
export function stopOnSignals(stop: () => Promise<void>, options: { graceMs: number; logger: Logger; exit?: (code: number) => void }): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      options.logger.info({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    options.logger.info({ signal }, 'signal received');
    const force = setTimeout(() => {
      options.logger.error({ graceMs: options.graceMs }, 'shutdown did not finish in time; exiting');
      exit(1);
    }, options.graceMs + FORCE_EXIT_AFTER_GRACE_MS);
    force.unref();
    stop().then(
      () => exit(0),
      (err: unknown) => {
        options.logger.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
