import type { InboundEvent, OutboundMessage } from '../../core/messages.js';
import type { Choice, ReplyKind } from '../../core/types.js';
import type { SendMessageBody } from './webchat-schemas.js';

/** A message as the widget renders it. */
export interface WidgetMessage {
  author: 'bot' | 'agent';
  kind: ReplyKind | 'text';
  text: string;
  faqId?: string;
  choices?: Choice[];
}

export interface DecodeContext {
  conversationId: string;
  visitorId: string;
  receivedAt: Date;
}

/** Web chat message ids are only unique per conversation; the stored key must be unique per channel. */
export const webchatMessageKey = (conversationId: string, clientMessageId: string): string =>
  `${conversationId}:${clientMessageId}`;

export function decode(body: SendMessageBody, ctx: DecodeContext): InboundEvent {
  const base = {
    channel: 'webchat' as const,
    sender: { externalId: ctx.visitorId },
    conversationId: ctx.conversationId,
    ...(body.clientMessageId ? { channelMessageId: webchatMessageKey(ctx.conversationId, body.clientMessageId) } : {}),
    receivedAt: ctx.receivedAt,
  };
  if (body.command) return { ...base, type: 'command', command: body.command, ...(body.text ? { label: body.text } : {}) };
  return { ...base, type: 'text', text: body.text ?? '' };
}

export function encode(message: OutboundMessage): WidgetMessage {
  switch (message.type) {
    case 'text':
      return message.kind === 'agent'
        ? { author: 'agent', kind: 'text', text: message.text }
        : { author: 'bot', kind: message.kind, text: message.text, ...(message.faqId ? { faqId: message.faqId } : {}) };
    case 'choices':
      return { author: 'bot', kind: 'choices', text: message.text, choices: message.choices };
    default:
      return unreachable(message);
  }
}

function unreachable(message: never): never {
  throw new Error(`web chat cannot encode ${JSON.stringify(message)}`);
}

/** What the web chat adapter publishes for a message core did not store (the socket forwards it as a `notice`). */
export interface WebchatOutboundPublished {
  type: 'outbound';
  message: WidgetMessage;
}
