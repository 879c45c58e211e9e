import type { MessageView } from '../../core/views.js';

export interface DeliveryDeps {
  /** Stored messages with seq > afterSeq, oldest first. */
  fetchAfter(afterSeq: number): Promise<MessageView[]>;
  send(message: MessageView): void;
  /** How long to wait for a missing seq before skipping past it (it may still be committing). */
  gapWaitMs: number;
  onSkip?(fromSeq: number, toSeq: number): void;
}

/**
 * Delivers a conversation's messages to one viewer exactly once and in seq order, whichever way each arrives: from the
 * backlog fetch or from a live publication. All work runs on one promise chain, so nothing interleaves.
 */
export class OrderedDelivery {
  private lastSent: number;
  private readonly pending = new Map<number, MessageView>();
  private chain: Promise<void> = Promise.resolve();
  private gapTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(afterSeq: number, private readonly deps: DeliveryDeps) {
    this.lastSent = afterSeq;
  }

  get lastSeq(): number {
    return this.lastSent;
  }

  /** Sends everything stored after the starting seq; call after subscribing to live publications. */
  catchUp(): Promise<void> {
    return this.enqueue(() => this.fetchAndFlush());
  }

  offer(message: MessageView): Promise<void> {
    return this.enqueue(async () => {
      this.add([message]);
      if (!this.flush()) await this.fetchAndFlush();
    });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.gapTimer);
    this.pending.clear();
  }

  /** The returned promise rejects when the task fails; the chain itself keeps going. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(() => (this.closed ? undefined : task()));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async fetchAndFlush(): Promise<void> {
    this.add(await this.deps.fetchAfter(this.lastSent));
    if (!this.flush()) this.waitForGap();
  }

  private add(messages: MessageView[]): void {
    for (const m of messages) if (m.seq > this.lastSent) this.pending.set(m.seq, m);
  }

  /** Sends the contiguous run after lastSent; true when nothing is left waiting behind a gap. */
  private flush(): boolean {
    for (let next = this.pending.get(this.lastSent + 1); next && !this.closed; next = this.pending.get(this.lastSent + 1)) {
      this.pending.delete(next.seq);
      this.lastSent = next.seq;
      this.deps.send(next);
    }
    if (this.pending.size === 0) clearTimeout(this.gapTimer);
    return this.pending.size === 0;
  }

  private waitForGap(): void {
    if (this.gapTimer || this.closed) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      void this.enqueue(async () => {
        this.add(await this.deps.fetchAfter(this.lastSent));
        if (this.flush() || this.closed) return;
        const lowest = Math.min(...this.pending.keys());
        this.deps.onSkip?.(this.lastSent + 1, lowest - 1);
        this.lastSent = lowest - 1;
        if (!this.flush()) this.waitForGap();
      }).catch(() => this.waitForGap());
    }, this.deps.gapWaitMs);
  }
}
