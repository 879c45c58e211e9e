import { EventEmitter } from 'node:events';
import type { PubSub, Unsubscribe } from '../ports.js';

/** The single-instance pub/sub: delivery within this process only. */
export class InProcessPubSub implements PubSub {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, payload: unknown): Promise<void> {
    this.emitter.emit(topic, payload);
  }

  subscribe(topic: string, handler: (payload: unknown) => void): Unsubscribe {
    this.emitter.on(topic, handler);
    return () => this.emitter.off(topic, handler);
  }
}
