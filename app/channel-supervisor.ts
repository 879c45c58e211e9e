import type { ReceiveResult } from '../core/conversation-service.js';
import type { InboundEvent } from '../core/messages.js';
import type { Logger } from '../core/ports.js';
import type { ChannelId } from '../core/types.js';
import type { ChannelAdapter, ChannelContext } from '../bots/channel-adapter.js';
import { describeFailure } from '../bots/channel-errors.js';

/** One channel as /readyz reports it. */
export interface ChannelHealth {
  status: 'up' | 'down' | 'off';
  lastError?: string;
  since: string;
  /** When the next start attempt is due, while a failed channel waits out its back-off. */
  nextRetryAt?: string;
}

export interface SupervisorDeps {
  adapters: readonly ChannelAdapter[];
  /** Channels not configured: reported as 'off'. */
  off: readonly ChannelId[];
  receive(event: InboundEvent): Promise<ReceiveResult>;
  /** A channel came up (again): the outbox can send what waited for it. */
  onUp(channel: ChannelId): void;
  /** A channel failed: once per outage (its first failure after it was up, or at start-up), not on every retry. */
  onDown?(channel: ChannelId, reason: string): void;
  retry: { baseMs: number; maxMs: number };
  logger: Logger;
  now?: () => Date;
}

interface Slot {
  adapter: ChannelAdapter;
  health: ChannelHealth;
  failures: number;
  /** Bumped on every (re)start: a context of an earlier run can no longer change anything. */
  run: number;
  timer?: NodeJS.Timeout;
}

/**
 * Starts each channel on its own and keeps it going: a channel that fails to start, or reports that it cannot go on,
 * is marked down and started again with exponential back-off. It never stops the other channels or the web server.
 */
export class ChannelSupervisor {
  private readonly slots = new Map<ChannelId, Slot>();
  private readonly off: Map<ChannelId, ChannelHealth>;
  private stopped = false;

  constructor(private readonly deps: SupervisorDeps) {
    const since = this.now();
    for (const adapter of deps.adapters) this.slots.set(adapter.channel, { adapter, health: { status: 'down', since }, failures: 0, run: 0 });
    this.off = new Map(deps.off.map((channel) => [channel, { status: 'off' as const, since }]));
  }

  start(): void {
    for (const slot of this.slots.values()) void this.launch(slot);
  }

  /** The configured adapter of a channel, running or not; undefined when the channel is off. */
  adapterFor(channel: ChannelId): ChannelAdapter | undefined {
    return this.slots.get(channel)?.adapter;
  }

  health(): Record<string, ChannelHealth> {
    const all: Record<string, ChannelHealth> = {};
    for (const [channel, health] of this.off) all[channel] = { ...health };
    for (const [channel, slot] of this.slots) all[channel] = { ...slot.health };
    return all;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.slots.values()].map(async (slot) => {
      clearTimeout(slot.timer);
      slot.run += 1;
      await slot.adapter.stop();
    }));
  }

  private async launch(slot: Slot): Promise<void> {
    const run = ++slot.run;
    const current = () => run === slot.run && !this.stopped;
    let reported = false;
    const ctx: ChannelContext = {
      receive: (event) => this.deps.receive(event),
      setStatus: (status, reason) => {
        if (!current()) return;
        reported = true;
        this.mark(slot, status, reason);
      },
      fail: (error) => {
        if (current()) this.retryLater(slot, error);
      },
    };
    try {
      await slot.adapter.start(ctx);
      if (!current()) return;
      slot.failures = 0;
      // An adapter that reported during start (WeChat: "waiting for a scan") knows its status better.
      if (!reported) this.mark(slot, 'up');
    } catch (error) {
      if (current()) this.retryLater(slot, error);
    }
  }

  private retryLater(slot: Slot, error: unknown): void {
    slot.run += 1;
    slot.failures += 1;
    const delay = Math.min(this.deps.retry.maxMs, this.deps.retry.baseMs * 2 ** (slot.failures - 1));
    const reason = describeFailure(error);
    this.mark(slot, 'down', reason);
    slot.health.nextRetryAt = new Date(Date.now() + delay).toISOString();
    this.deps.logger.warn({ channel: slot.adapter.channel, reason, retryInMs: delay, failures: slot.failures }, 'channel is down; restarting it later');
    if (slot.failures === 1) this.deps.onDown?.(slot.adapter.channel, reason);
    slot.timer = setTimeout(() => {
      void slot.adapter.stop().catch(() => undefined).then(() => {
        if (!this.stopped) return this.launch(slot);
      });
    }, delay);
  }

  private mark(slot: Slot, status: 'up' | 'down', reason?: string): void {
    const changed = slot.health.status !== status;
    slot.health = {
      status,
      since: changed ? this.now() : slot.health.since,
      ...(status === 'down' && reason ? { lastError: reason } : {}),
    };
    if (!changed) return;
    const channel = slot.adapter.channel;
    if (status === 'up') {
      this.deps.logger.info({ channel }, 'channel is up');
      this.deps.onUp(channel);
    } else {
      this.deps.logger.warn({ channel, reason }, 'channel is down');
    }
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }
}
