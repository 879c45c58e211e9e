import { Redis } from 'ioredis';
import type { DependencyHealth, Logger, PubSub, Unsubscribe } from '../core/ports.js';

type Handler = (payload: unknown) => void;

/** Publishes sent and not yet answered; beyond this, new ones are dropped rather than queued without bound. */
const MAX_PENDING = 1000;
/** A publish unanswered this long is given up (Redis hanging): it only ever delays live updates, never a reply. */
const PUBLISH_TIMEOUT_MS = 2000;

/**
 * Fan-out across instances through Redis PUBLISH/SUBSCRIBE. Payloads travel as JSON, which is what every
 * subscriber forwards to its sockets anyway. One subscriber connection per process, one Redis channel per topic.
 *
 * Publishing is fire-and-forget: a message is stored before it is published, and sockets that missed a live update
 * catch up by seq when they reconnect, so a Redis outage degrades fan-out but never holds up a customer's reply. No
 * offline queue and no retries on the publishing connection; what cannot be sent at once is dropped and counted.
 */
export class RedisPubSub implements PubSub {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<Handler>>();
  private pending = 0;
  private dropped = 0;

  private constructor(url: string, private readonly prefix: string, private readonly logger: Logger) {
    this.pub = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: PUBLISH_TIMEOUT_MS });
    // The subscriber keeps ioredis's offline queue: it re-subscribes by itself after a reconnect.
    this.sub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.sub.on('message', (channel: string, raw: string) => this.dispatch(channel, raw));
    for (const [name, conn] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      // ioredis retries every couple of seconds while Redis is away: one line when it goes, one when it is back.
      let down = false;
      conn.on('error', (err: Error) => {
        if (!down) this.logger.warn({ connection: name, err: err.message }, 'redis unreachable; live updates across instances paused');
        down = true;
      });
      conn.on('ready', () => {
        if (down) this.logger.info({ connection: name }, 'redis reachable again');
        down = false;
      });
    }
  }

  /** Connects both connections first, so a wrong REDIS_URL stops start-up instead of failing later. */
  static async connect(url: string, logger: Logger, prefix = 'kefu:'): Promise<RedisPubSub> {
    const pubsub = new RedisPubSub(url, prefix, logger);
    try {
      await Promise.all([pubsub.pub.connect(), pubsub.sub.connect()]);
    } catch (err) {
      pubsub.pub.disconnect();
      pubsub.sub.disconnect();
      throw new Error(`cannot reach Redis at REDIS_URL: ${err instanceof Error ? err.message : String(err)}`);
    }
    return pubsub;
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    if (this.pending >= MAX_PENDING) {
      this.dropped += 1;
      return;
    }
    this.pending += 1;
    this.pub.publish(this.prefix + topic, JSON.stringify(payload)).then(
      () => (this.pending -= 1),
      () => {
        this.pending -= 1;
        this.dropped += 1;
      },
    );
  }

  subscribe(topic: string, handler: Handler): Unsubscribe {
    const channel = this.prefix + topic;
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.sub.subscribe(channel).catch((err: Error) => this.logger.error({ err: err.message, topic }, 'redis subscribe failed'));
    }
    set.add(handler);
    return () => {
      if (!set.delete(handler) || set.size > 0) return;
      this.handlers.delete(channel);
      this.sub.unsubscribe(channel).catch(() => undefined);
    };
  }

  /** Resolves once every SUBSCRIBE sent so far is active (Redis answers commands on one connection in order). */
  async ready(): Promise<void> {
    await this.sub.ping();
  }

  /** Up when both connections are ready and Redis answers a PING within `timeoutMs`. */
  async health(timeoutMs: number): Promise<DependencyHealth> {
    const details = { pendingPublishes: this.pending, droppedPublishes: this.dropped };
    if (this.pub.status !== 'ready' || this.sub.status !== 'ready') {
      return { status: 'down', error: `connection ${this.pub.status === 'ready' ? this.sub.status : this.pub.status}`, ...details };
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.pub.ping(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs))),
      ]);
      return { status: 'up', ...details };
    } catch (err) {
      return { status: 'down', error: err instanceof Error && err.message.startsWith('no answer') ? err.message : 'ping failed', ...details };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    // quit() waits for Redis to answer; a Redis that hangs must not hold up shutdown.
    const quit = Promise.allSettled([this.pub.quit(), this.sub.quit()]);
    const timer = setTimeout(() => {
      this.pub.disconnect();
      this.sub.disconnect();
    }, PUBLISH_TIMEOUT_MS);
    await quit;
    clearTimeout(timer);
  }

  private dispatch(channel: string, raw: string): void {
    const set = this.handlers.get(channel);
    if (!set) return;
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      this.logger.warn({ channel }, 'ignored a pub/sub message that is not JSON');
      return;
    }
    for (const handler of set) handler(payload);
  }
}
