export const CHANNELS = ['webchat', 'telegram', 'wechat', 'botframework'] as const;
export type ChannelId = (typeof CHANNELS)[number];

export type ConversationStatus = 'bot' | 'queued' | 'agent' | 'closed';
export type AuthorKind = 'customer' | 'bot' | 'agent' | 'system';
export type Direction = 'inbound' | 'outbound';
/** What a bot reply is; customer and agent messages are plain `text`. */
export type ReplyKind = 'answer' | 'choices' | 'fallback' | 'smalltalk' | 'system';
export type MessageKind = ReplyKind | 'text';
export type Lang = 'zh' | 'en';

export interface CustomerIdentity {
  channel: ChannelId;
  externalId: string;
}

export interface Customer {
  id: string;
  displayName: string | null;
  identities: CustomerIdentity[];
  createdAt: Date;
}

export interface Conversation {
  id: string;
  customerId: string;
  channel: ChannelId;
  status: ConversationStatus;
  lang: Lang;
  /** Sequence number of the newest message; messages are numbered 1, 2, 3… per conversation. */
  lastSeq: number;
  /** Bot fallbacks in a row, reset by any confident answer. */
  fallbackStreak: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface Choice {
  faqId: string;
  question: string;
}

export interface StoredMessage {
  id: string;
  conversationId: string;
  seq: number;
  direction: Direction;
  author: AuthorKind;
  kind: MessageKind;
  text: string;
  faqId: string | null;
  choices: Choice[] | null;
  /** Unique per channel; the key that makes re-delivered messages harmless. */
  channelMessageId: string | null;
  /** For bot replies: the customer message they answer. */
  replyToId: string | null;
  createdAt: Date;
}

export type NewMessage = Omit<StoredMessage, 'id' | 'seq' | 'createdAt'> & { createdAt?: Date };

export interface FaqEntry {
  /** External, human-chosen key (e.g. "return-policy"); stable across imports. */
  id: string;
  question: string;
  alternates: string[];
  answer: string;
  category: string | null;
  tags: string[];
  enabled: boolean;
  version: number;
  updatedAt: Date;
}

export type FaqInput = Pick<FaqEntry, 'id' | 'question' | 'answer'> &
  Partial<Pick<FaqEntry, 'alternates' | 'category' | 'tags' | 'enabled'>>;

/** A reply as the customer-facing APIs return it. */
export interface Reply {
  kind: ReplyKind;
  text: string;
  faqId?: string;
  choices?: Choice[];
}
