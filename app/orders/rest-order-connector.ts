import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../../core/errors.js';
import { canonicalOrderNumber } from '../../core/orders/order-number.js';
import type { OrderPort } from '../../core/orders/order-ports.js';
import type { Order } from '../../core/orders/order-types.js';
import type { Clock, Logger } from '../../core/ports.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { signOrderRequest } from './order-signature.js';
import { parseRestOrder } from './rest-order-schema.js';

export interface RestOrderSettings {
  url: string;
  secret: string;
  timeoutMs: number;
  /** Further tries after a 5xx or a refused connection (not after a timeout: the store is slow, not gone). */
  retries: number;
  retryDelayMs: number;
  breaker: { threshold: number; openMs: number };
  /** How long an answer (an order, or "no such order") is reused. */
  cacheMs: number;
}

export const DEFAULT_REST_SETTINGS: Omit<RestOrderSettings, 'url' | 'secret' | 'timeoutMs'> = {
  retries: 2, retryDelayMs: 200, breaker: { threshold: 5, openMs: 30_000 }, cacheMs: 30_000,
};

const MAX_CACHED = 1000;
const unavailable = (message: string, cause?: unknown) =>
  new DomainError('unavailable', message, { userMessage: 'The order system is not available right now', cause });

/** A failed attempt: `retry` when another attempt may help. */
class AttemptFailed extends Error {
  constructor(message: string, readonly retry: boolean) {
    super(message);
  }
}

/** The `rest` connector: any store backend implementing docs/orders-api.md. Logs status codes, never order data. */
export class RestOrderConnector implements OrderPort {
  private readonly breaker: CircuitBreaker;
  private readonly cache = new Map<string, { order: Order | null; until: number }>();

  constructor(private readonly settings: RestOrderSettings, private readonly clock: Clock, private readonly logger: Logger) {
    this.breaker = new CircuitBreaker(clock, settings.breaker);
  }

  async find(number: string): Promise<Order | null> {
    const key = canonicalOrderNumber(number);
    const now = this.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return structuredClone(cached.order);
    if (!this.breaker.allows()) throw unavailable('order store circuit open');
    let order: Order | null;
    try {
      order = await this.fetchOrder(key);
      this.breaker.succeeded();
    } catch (err) {
      this.breaker.failed();
      if (this.breaker.state === 'open') this.logger.warn({ orderStore: 'rest' }, 'order store failing: calls paused');
      throw err instanceof DomainError ? err : unavailable('order store request failed', err);
    }
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { order, until: this.clock.now().getTime() + this.settings.cacheMs });
    return structuredClone(order);
  }

  private async fetchOrder(key: string): Promise<Order | null> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.attempt(`/orders/${encodeURIComponent(key)}`);
      } catch (err) {
        const retry = err instanceof AttemptFailed && err.retry && attempt < this.settings.retries;
        if (!retry) throw unavailable(err instanceof Error ? err.message : 'order store request failed', err);
        await sleep(this.settings.retryDelayMs * 2 ** attempt);
      }
    }
  }

  private async attempt(path: string): Promise<Order | null> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.url}${path}`, {
        headers: { accept: 'application/json', 'x-kefu-signature': signOrderRequest(this.settings.secret, '', this.clock.now()) },
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      throw new AttemptFailed(timedOut ? `order store timed out after ${this.settings.timeoutMs} ms` : 'order store unreachable', !timedOut);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      this.logger.warn({ orderStore: 'rest', status: response.status }, 'order store answered with a server error');
      throw new AttemptFailed(`order store answered ${response.status}`, true);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      this.logger.warn({ orderStore: 'rest', status: response.status }, 'order store refused the request');
      throw new AttemptFailed(`order store answered ${response.status}`, false);
    }
    const order = parseRestOrder(await response.json().catch(() => null));
    if (!order) throw new AttemptFailed('order store answered with something that is not an order', false);
    return order;
  }
}
