import { AGENT_EVENTS_TOPIC } from './handoff/agent-views.js';
import type { ConversationRepository, PubSub, Unsubscribe } from './ports.js';
import type { Conversation } from './types.js';

/**
 * The conversations this process has seen lately, so a customer message costs no read. An entry may be stale (another
 * instance changed the conversation): `MessageRepository.storeTurn` checks status and last seq in its transaction and
 * answers 'stale', and the service reloads. Agent events (queued, claimed, closed…, published on every instance
 * through the shared pub/sub) drop entries early, so a stale one rarely costs that retry.
 */
export class ConversationCache {
  private readonly entries = new Map<string, Conversation>();
  /** `channel:externalId` → the customer's open conversation on that channel, for channels that send no conversation id. */
  private readonly byIdentity = new Map<string, string>();
  private readonly unsubscribe: Unsubscribe | undefined;

  constructor(
    private readonly repo: ConversationRepository,
    pubsub?: PubSub,
    private readonly maxEntries = 20_000,
  ) {
    this.unsubscribe = pubsub?.subscribe(AGENT_EVENTS_TOPIC, (event) => {
      const id = (event as { conversationId?: unknown } | null)?.conversationId;
      if (typeof id === 'string') this.entries.delete(id);
    });
  }

  async get(id: string): Promise<Conversation | null> {
    const known = this.entries.get(id);
    if (known) return known;
    const loaded = await this.repo.get(id);
    if (loaded) this.set(loaded);
    return loaded;
  }

  /** The open conversation last seen for this channel identity, if this process knows it. */
  async forIdentity(channel: string, externalId: string): Promise<Conversation | null> {
    const id = this.byIdentity.get(`${channel}:${externalId}`);
    const conversation = id ? await this.get(id) : null;
    return conversation && conversation.status !== 'closed' ? conversation : null;
  }

  rememberIdentity(channel: string, externalId: string, conversation: Conversation): void {
    const key = `${channel}:${externalId}`;
    this.byIdentity.delete(key);
    this.byIdentity.set(key, conversation.id);
    if (this.byIdentity.size > this.maxEntries) {
      const oldest = this.byIdentity.keys().next().value;
      if (oldest !== undefined) this.byIdentity.delete(oldest);
    }
    this.set(conversation);
  }

  forgetIdentity(channel: string, externalId: string): void {
    this.byIdentity.delete(`${channel}:${externalId}`);
  }

  /** Always from storage (after a 'stale' answer). */
  async reload(id: string): Promise<Conversation | null> {
    this.entries.delete(id);
    return this.get(id);
  }

  set(conversation: Conversation): void {
    this.entries.delete(conversation.id);
    this.entries.set(conversation.id, conversation);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  close(): void {
    this.unsubscribe?.();
  }
}
