import type { Logger } from '../ports.js';
import { RepeatedFailure } from '../repeated-failure.js';

/** Runs a task every `intervalMs`, never two at once; `stop()` waits for the running one. Timers may be lost: the work is in the database. */
export class Poller {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  private readonly failures: RepeatedFailure;

  constructor(private readonly name: string, private readonly intervalMs: number, private readonly task: () => Promise<unknown>, logger: Logger) {
    this.failures = new RepeatedFailure(logger, 'poller run failed', { poller: name });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Runs the task now (after any run in progress). */
  runOnce(): Promise<void> {
    this.running = this.running.then(async () => {
      try {
        await this.task();
        this.failures.succeeded();
      } catch (err) {
        this.failures.failed(err);
      }
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      void this.runOnce().then(() => {
        if (!this.stopped) this.schedule(this.intervalMs);
      });
    }, delay);
    this.timer.unref?.();
  }
}
