import type { AttachmentInfo } from './messages.js';
import type { AuthorKind, Choice, DeliveryStatus, MessageKind, Reply, ReplyKind, StoredMessage } from './types.js';

/** A stored message as APIs, sockets and pub/sub carry it (JSON-safe). */
export interface MessageView {
  id: string;
  seq: number;
  author: AuthorKind;
  kind: MessageKind;
  text: string;
  faqId?: string;
  choices?: Choice[];
  /** What the customer sent besides text (images, stickers, voice, files), by channel file id. */
  attachments?: AttachmentInfo[];
  /** For messages sent through a channel adapter: whether it reached the customer ('failed' after the last retry). */
  deliveryStatus?: DeliveryStatus;
  /** For agent messages: the user who wrote it. */
  agentId?: string;
  createdAt: string;
}

export interface MessagePublished {
  type: 'message';
  message: MessageView;
}

/** A message's delivery to its channel changed (published on the conversation's topic). */
export interface DeliveryUpdated {
  type: 'delivery';
  messageId: string;
  seq: number;
  deliveryStatus: DeliveryStatus;
  attempts: number;
  lastError?: string;
}

export const conversationTopic = (conversationId: string): string => `conversation:${conversationId}`;

export function toMessageView(m: StoredMessage): MessageView {
  return {
    id: m.id,
    seq: m.seq,
    author: m.author,
    kind: m.kind,
    text: m.text,
    ...(m.faqId ? { faqId: m.faqId } : {}),
    ...(m.choices ? { choices: m.choices } : {}),
    ...(m.attachments?.length ? { attachments: m.attachments } : {}),
    ...(m.deliveryStatus ? { deliveryStatus: m.deliveryStatus } : {}),
    ...(m.agentId ? { agentId: m.agentId } : {}),
    createdAt: m.createdAt.toISOString(),
  };
}

export function toReply(m: StoredMessage): Reply {
  const kind: ReplyKind = m.kind === 'text' ? 'system' : m.kind;
  return {
    kind,
    text: m.text,
    ...(m.faqId ? { faqId: m.faqId } : {}),
    ...(m.choices ? { choices: m.choices } : {}),
  };
}
