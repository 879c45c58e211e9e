import type { Clock, DeliveryRecord, Logger, PubSub, Repositories } from '../../core/ports.js';
import type { ChannelId, StoredMessage } from '../../core/types.js';
import { RepeatedFailure } from '../../core/repeated-failure.js';
import { conversationTopic, toMessageView, type DeliveryUpdated, type MessagePublished } from '../../core/views.js';
import type { ChannelAdapter, ConversationReference } from '../channel-adapter.js';
import { ChannelError, describeFailure, isPermanentFailure } from '../channel-errors.js';

export interface OutboxWorkerOptions {
  /** How often the outbox is read when nothing wakes the worker earlier. */
  pollMs: number;
  /** Attempts before a message is given up on and agents are told. */
  maxAttempts: number;
  /** First retry delay; doubled after each failed attempt up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a picked row stays reserved for this worker; longer than the slowest send. */
  leaseMs: number;
  /** Most messages in flight at once. */
  concurrency: number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxWorkerOptions = {
  pollMs: 1000, maxAttempts: 8, retryBaseMs: 2000, retryMaxMs: 10 * 60_000, leaseMs: 120_000, concurrency: 50,
};

export interface OutboxWorkerDeps {
  repos: Pick<Repositories, 'deliveries' | 'conversations' | 'customers' | 'messages'>;
  /** The running adapter of a channel; undefined when the channel is switched off. */
  adapterFor(channel: ChannelId): ChannelAdapter | undefined;
  pubsub: PubSub;
  clock: Clock;
  logger: Logger;
  options?: Partial<OutboxWorkerOptions>;
}

/** Sends what the outbox holds through the channel adapters; retries with back-off; reports final failures to agents. */
const MIN_POLL_GAP_MS = 100;

export class OutboxWorker {
  private readonly options: OutboxWorkerOptions;
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private pollAgain = false;
  private stopped = true;
  private lastPollAt = 0;
  private delayed: NodeJS.Timeout | undefined;
  private readonly claims: RepeatedFailure;

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.options = { ...DEFAULT_OUTBOX_OPTIONS, ...deps.options };
    this.claims = new RepeatedFailure(deps.logger, 'could not read the outbox');
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.kick();
  }

  /**
   * Reads the outbox soon: coalesced with a read already running, and at most one read per `MIN_POLL_GAP_MS`, so a
   * burst of new messages (each one kicks) costs a few reads, not one each.
   */
  kick(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    const wait = this.lastPollAt + MIN_POLL_GAP_MS - Date.now();
    if (wait > 0) {
      this.delayed ??= setTimeout(() => {
        this.delayed = undefined;
        this.kick();
      }, wait);
      return;
    }
    this.polling = true;
    void this.poll().finally(() => {
      this.polling = false;
      this.lastPollAt = Date.now();
      if (this.pollAgain) {
        this.pollAgain = false;
        this.kick();
      }
    });
  }

  /** A channel is back (e.g. WeChat logged in again): what waits for a retry goes out now. */
  async channelUp(channel: ChannelId): Promise<void> {
    const count = await this.deps.repos.deliveries.rescheduleChannel(channel, this.deps.clock.now());
    if (count > 0) this.deps.logger.info({ channel, count }, 'channel is back: retrying queued messages now');
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.delayed);
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async poll(): Promise<void> {
    const room = this.options.concurrency - this.inFlight.size;
    if (room <= 0) return;
    const now = this.deps.clock.now();
    let rows: DeliveryRecord[];
    try {
      rows = await this.deps.repos.deliveries.claimDue({ now, leaseUntil: new Date(now.getTime() + this.options.leaseMs), limit: room });
      this.claims.succeeded();
    } catch (err) {
      this.claims.failed(err);
      return;
    }
    for (const row of rows) {
      if (this.inFlight.has(row.id)) continue;
      const work = this.process(row).finally(() => {
        this.inFlight.delete(row.id);
        this.kick();
      });
      this.inFlight.set(row.id, work);
    }
  }

  private async process(row: DeliveryRecord): Promise<void> {
    const log = this.deps.logger.child({ channel: row.channel, conversationId: row.conversationId, messageId: row.messageId });
    try {
      const adapter = this.deps.adapterFor(row.channel);
      if (!adapter) throw new ChannelError(row.channel, `the ${row.channel} channel is not enabled`, { permanent: true });
      await adapter.send(await this.referenceFor(row), row.payload);
      const sent = await this.deps.repos.deliveries.markSent(row.id, this.deps.clock.now());
      await this.publishStatus(sent);
      log.debug({ attempts: sent.attempts }, 'message delivered');
    } catch (error) {
      await this.failed(row, error, log).catch((err: unknown) => log.error({ err }, 'could not record a failed delivery'));
    }
  }

  private async referenceFor(row: DeliveryRecord): Promise<ConversationReference> {
    const conversation = await this.deps.repos.conversations.get(row.conversationId);
    if (!conversation) throw new ChannelError(row.channel, `conversation ${row.conversationId} is gone`, { permanent: true });
    const customer = await this.deps.repos.customers.get(conversation.customerId);
    const identity = customer?.identities.find((i) => i.channel === row.channel);
    return {
      conversationId: conversation.id,
      externalUserId: identity?.externalId ?? '',
      ...(conversation.channelRef ? { channelRef: conversation.channelRef } : {}),
    };
  }

  private async failed(row: DeliveryRecord, error: unknown, log: Logger): Promise<void> {
    const reason = describeFailure(error);
    const attempts = row.attempts + 1;
    if (!isPermanentFailure(error) && attempts < this.options.maxAttempts) {
      const backoff = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (attempts - 1));
      const asked = error instanceof ChannelError ? error.retryAfterMs ?? 0 : 0;
      const nextAttemptAt = new Date(this.deps.clock.now().getTime() + Math.max(backoff, asked));
      await this.deps.repos.deliveries.markRetry(row.id, { error: reason, nextAttemptAt });
      log.warn({ attempts, reason, nextAttemptAt }, 'delivery failed; will retry');
      return;
    }
    const failed = await this.deps.repos.deliveries.markFailed(row.id, { error: reason, at: this.deps.clock.now() });
    log.error({ attempts, reason }, 'delivery failed for good');
    await this.publishStatus(failed);
    await this.noteForAgents(failed);
  }

  /** A system message in the transcript, so the agent sees the customer did not get the reply. */
  private async noteForAgents(row: DeliveryRecord): Promise<void> {
    const { message } = await this.deps.repos.messages.append({
      conversationId: row.conversationId, direction: 'outbound', author: 'system', kind: 'system',
      text: `消息未能送达客户（${row.channel}，已尝试 ${row.attempts} 次）：${row.lastError ?? 'unknown error'}`,
      faqId: null, choices: null, channelMessageId: null, replyToId: row.messageId, createdAt: this.deps.clock.now(),
    });
    await this.publish(message);
  }

  private async publishStatus(row: DeliveryRecord): Promise<void> {
    const payload: DeliveryUpdated = {
      type: 'delivery', messageId: row.messageId, seq: row.seq, deliveryStatus: row.status, attempts: row.attempts,
      ...(row.lastError ? { lastError: row.lastError } : {}),
    };
    await this.deps.pubsub.publish(conversationTopic(row.conversationId), payload).catch(() => undefined);
  }

  private async publish(message: StoredMessage): Promise<void> {
    const payload: MessagePublished = { type: 'message', message: toMessageView(message) };
    await this.deps.pubsub.publish(conversationTopic(message.conversationId), payload).catch(() => undefined);
  }
}
