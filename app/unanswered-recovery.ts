import type { ConversationService } from '../core/conversation-service.js';
import type { Clock, Logger } from '../core/ports.js';
import { RepeatedFailure } from '../core/repeated-failure.js';

export interface RecoverySettings {
  /** How far back a stored, unanswered customer message is still answered. */
  lookbackMs: number;
  /** The sweep after start-up repeats this often, for instances that died and did not come back. */
  intervalMs: number;
  /** A message younger than this may still be in another live instance's hands. */
  graceMs: number;
}

export const DEFAULT_RECOVERY: RecoverySettings = { lookbackMs: 24 * 3_600_000, intervalMs: 60_000, graceMs: 30_000 };

/**
 * Answers customer messages a crashed process stored but never answered: at once on start-up (whatever this process
 * left), then every `intervalMs` for messages older than `graceMs` (whatever another instance left).
 */
export function startUnansweredRecovery(conversations: ConversationService, clock: Clock, logger: Logger, settings = DEFAULT_RECOVERY): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const failures = new RepeatedFailure(logger, 'answering unanswered messages failed');
  const sweep = (graceMs: number): void => {
    if (stopped) return;
    const now = clock.now().getTime();
    running = conversations
      .answerUnanswered({ since: new Date(now - settings.lookbackMs), before: new Date(now - graceMs) })
      .then(() => failures.succeeded(), (err: unknown) => failures.failed(err));
  };
  sweep(0);
  const timer = setInterval(() => sweep(settings.graceMs), settings.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
