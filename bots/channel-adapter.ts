import type { RequestHandler } from 'express';
import type { ReceiveResult } from '../core/conversation-service.js';
import type { InboundEvent, OutboundMessage } from '../core/messages.js';
import type { ChannelId } from '../core/types.js';

/** What a channel can show, read at send time by `render` (bots/render.ts) and by the outbox. */
export interface ChannelCapabilities {
  /** Choices as tappable buttons; without, a numbered list answered with the number. */
  buttons: boolean;
  /** Pictures as media; without, a link under the caption. */
  images: boolean;
  /** Longer texts go out in several messages. */
  maxTextLength: number;
  /** Shows stored messages by itself (web chat's socket): the outbox sends it nothing. */
  selfDelivering: boolean;
}

/** Where to deliver a message after the customer's turn is over (an agent may answer minutes later). */
export interface ConversationReference {
  conversationId: string;
  externalUserId: string;
  /** The adapter's own JSON from `InboundEvent.channelRef`, as stored on the conversation (chat id, service URL…). */
  channelRef?: string;
}

/** What an adapter gets from whoever runs it (the supervisor in app/channels.ts; a test harness). */
export interface ChannelContext {
  /**
   * Hands a decoded customer event to core and resolves with what core stored. Replies come back through `send`
   * (core's outbox calls it), except on web chat, which answers its own HTTP request with them.
   */
  receive(event: InboundEvent): Promise<ReceiveResult>;
  /** The platform session changed after start (e.g. WeChat logged out and waits for a scan, or polling came back). */
  setStatus?(status: 'up' | 'down', reason?: string): void;
  /** The adapter cannot go on by itself: the supervisor stops it and starts it again with back-off. */
  fail?(error: unknown): void;
}

/** The one contract every channel implements: inbound as `InboundEvent`, outbound as `OutboundMessage`. */
export interface ChannelAdapter {
  readonly channel: ChannelId;
  readonly capabilities: ChannelCapabilities;
  /** HTTP endpoints the platform calls (webhooks), mounted by the composition root; absent when it needs none. */
  readonly routes?: RequestHandler;
  /** Connects to the platform; rejects when it cannot (the supervisor reports it and retries with back-off). */
  start(ctx: ChannelContext): Promise<void>;
  /** Delivers one message; throws `ChannelError` (the platform refused) or `TransportError` (the network failed). */
  send(ref: ConversationReference, message: OutboundMessage): Promise<void>;
  stop(): Promise<void>;
}
