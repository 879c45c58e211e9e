import type { Logger } from './ports.js';

export interface WorkQueueOptions {
  /** Tries per item before it is logged as lost. */
  attempts: number;
  /** Wait before the first retry; doubles each time. */
  retryMs: number;
}

/**
 * Work taken off a request's path: `push` returns at once, items are handled one at a time in order, a failing item
 * is retried with back-off (a database hiccup costs nothing), and `settled()` waits until everything pushed so far is
 * done (reads that must see it call it first; shutdown calls it).
 */
export class WorkQueue<T> {
  private readonly items: T[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly handle: (item: T) => Promise<void>,
    private readonly logger: Logger,
    private readonly options: WorkQueueOptions = { attempts: 8, retryMs: 100 },
  ) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (let item = this.items.shift(); item !== undefined; item = this.items.shift()) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.handle(item);
          break;
        } catch (err) {
          if (attempt >= this.options.attempts) {
            this.logger.error({ err, attempts: attempt }, 'queued work failed every try; dropped');
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, this.options.retryMs * 2 ** (attempt - 1)));
        }
      }
    }
  }
}
