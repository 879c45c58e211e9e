import { setTimeout as sleep } from 'node:timers/promises';
import type { Telegram } from 'telegraf';
import { describeFailure, type ChannelFailure } from '../channel-errors.js';
import { ALLOWED_UPDATES } from './schema.js';
import { isFatalForPolling, toTelegramFailure } from './telegram-errors.js';

export interface PollerDeps {
  telegram: Telegram;
  timeoutSeconds: number;
  /** First wait after a failed poll; doubled up to 30 s. */
  retryBaseMs: number;
  handle(update: unknown): Promise<void>;
  /** Polling works again after a failure, or fails (it keeps retrying with back-off). */
  onStatus(status: 'up' | 'down', reason?: string): void;
  /** A failure retrying cannot fix (revoked token, a webhook or another poller in the way). */
  onFatal(failure: ChannelFailure): void;
}

/**
 * Long polling, written out rather than telegraf's `launch()` so a lost connection is reported (telegraf retries
 * silently) and so updates are handled one at a time, in order.
 */
export class TelegramPoller {
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly deps: PollerDeps) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { telegram, signal } = { telegram: this.deps.telegram, signal: this.abort.signal };
    let offset = 0;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const updates = await telegram.callApi(
          'getUpdates',
          { timeout: this.deps.timeoutSeconds, offset, allowed_updates: [...ALLOWED_UPDATES] },
          // telegraf types its signal with the abort-controller polyfill; the native one is what it uses at runtime.
          { signal: signal as never },
        );
        if (failures > 0) this.deps.onStatus('up');
        failures = 0;
        for (const update of updates) {
          offset = update.update_id + 1;
          await this.deps.handle(update);
        }
      } catch (error) {
        if (signal.aborted) return;
        const failure = toTelegramFailure(error);
        if (isFatalForPolling(failure)) return this.deps.onFatal(failure);
        failures += 1;
        this.deps.onStatus('down', describeFailure(failure));
        const backoff = Math.min(30_000, this.deps.retryBaseMs * 2 ** Math.min(failures - 1, 6));
        const wait = 'retryAfterMs' in failure && failure.retryAfterMs !== undefined ? failure.retryAfterMs : backoff;
        await sleep(wait, undefined, { signal }).catch(() => undefined);
      }
    }
  }
}
