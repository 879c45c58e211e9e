import type { InboundEvent, OutboundMessage } from '../../core/messages.js';
import type { Choice, ReplyKind } from '../../core/types.js';
import type { RenderedPart } from '../render.js';
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

/** One rendered part of an outbound message as the widget shows it. */
export function encode(message: OutboundMessage, part: RenderedPart): WidgetMessage {
  const choices = part.buttons ? { choices: part.buttons } : {};
  switch (message.type) {
    case 'text':
      return message.kind === 'agent'
        ? { author: 'agent', kind: 'text', text: part.text }
        : { author: 'bot', kind: message.kind, text: part.text, ...(message.faqId ? { faqId: message.faqId } : {}) };
    case 'choices':
      return { author: 'bot', kind: part.buttons ? 'choices' : 'system', text: part.text, ...choices };
    case 'image':
      return { author: 'bot', kind: 'system', text: part.text };
  }
}

/** What the web chat adapter publishes for a message core did not store (the socket forwards it as a `notice`). */
export interface WebchatOutboundPublished {
  type: 'outbound';
  message: WidgetMessage;
}
