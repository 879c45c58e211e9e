import { Redis } from 'ioredis';
import type { Logger, PubSub, Unsubscribe } from '../core/ports.js';

type Handler = (payload: unknown) => void;

/**
 * Fan-out across instances through Redis PUBLISH/SUBSCRIBE. Payloads travel as JSON, which is what every
 * subscriber forwards to its sockets anyway. One subscriber connection per process, one Redis channel per topic.
 */
export class RedisPubSub implements PubSub {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<Handler>>();

  private constructor(url: string, private readonly prefix: string, private readonly logger: Logger) {
    const options = { maxRetriesPerRequest: 3, lazyConnect: true };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, options);
    this.sub.on('message', (channel: string, raw: string) => this.dispatch(channel, raw));
    for (const conn of [this.pub, this.sub]) conn.on('error', (err: Error) => this.logger.warn({ err: err.message }, 'redis pub/sub error'));
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
    await this.pub.publish(this.prefix + topic, JSON.stringify(payload));
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

  async close(): Promise<void> {
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
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
