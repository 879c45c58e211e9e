import type { AttachmentInfo } from './messages.js';

export const CHANNELS = ['webchat', 'telegram', 'wechat', 'botframework', 'wecom'] as const;
export type ChannelId = (typeof CHANNELS)[number];

export type ConversationStatus = 'bot' | 'queued' | 'agent' | 'closed';
export type AuthorKind = 'customer' | 'bot' | 'agent' | 'system';
export type Direction = 'inbound' | 'outbound';
/** What a bot reply is; customer and agent messages are plain `text`. */
export type ReplyKind = 'answer' | 'choices' | 'fallback' | 'smalltalk' | 'system';
export type MessageKind = ReplyKind | 'text';
export type Lang = 'zh' | 'en';
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

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
  /** The agent who has (or last had) the conversation; cleared when it is queued again. */
  assigneeId: string | null;
  handoffReason: HandoffReason | null;
  /** When it entered the waiting queue; the queue is served oldest first. */
  queuedAt: Date | null;
  assignedAt: Date | null;
  /** Set when the customer asked for a person outside service hours: a left message for the next agent. */
  leftMessageAt: Date | null;
  /** Adapter-specific JSON saying where replies go after the turn (chat id, conversation reference…); null for web chat. */
  channelRef: string | null;
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
  /** For agent messages: the user who wrote it. */
  agentId?: string;
  /** Images, stickers, voice and files the customer sent (the bot cannot read them; agents see them listed). */
  attachments?: AttachmentInfo[];
  /** For messages handed to a channel adapter through the outbox; absent when no channel delivery applies. */
  deliveryStatus?: DeliveryStatus;
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
  /** Who made the newest versioned change (display name); absent before the first one. */
  updatedBy?: string | null;
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

/** Why a conversation went to a person: the customer asked, the bot kept failing, or the customer is upset. */
/** `order_check`: the customer could not prove they own the order they asked about. */
export type HandoffReason = 'request' | 'fallbacks' | 'complaint' | 'order_check';

export const ROLES = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof ROLES)[number];
export const PRESENCES = ['online', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];
/** Active; disabled (cannot sign in, not routed, may be enabled again); removed (former staff, kept for the history). */
export const USER_STATUSES = ['active', 'disabled', 'removed'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Someone who signs in to the agent console. */
export interface User {
  id: string;
  /** Lower-cased. */
  email: string;
  displayName: string;
  role: Role;
  presence: Presence;
  /** Conversations handled at once; null means the configured default. */
  capacity: number | null;
  lastAssignedAt: Date | null;
  status: UserStatus;
  createdAt: Date;
}

export interface Session {
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Visible to agents only, never to the customer. */
export interface ConversationNote {
  id: string;
  conversationId: string;
  authorId: string;
  text: string;
  createdAt: Date;
}

export interface CannedReply {
  id: string;
  /** Typed after "/" in the console ("退货" for "/退货"); unique among the team's replies and among each agent's own. */
  shortcut: string;
  /** Groups replies on the management screen and in the picker; "" for none. */
  category: string;
  title: string;
  /** May hold variables filled in when the reply is used: {客户名}, {订单号}, {客服名}. */
  text: string;
  /** null for a team reply; the agent's id for their own. */
  ownerId: string | null;
  updatedAt: Date;
}

/** What one version of an FAQ entry holds: everything but its id and bookkeeping. */
export type FaqContent = Pick<FaqEntry, 'question' | 'alternates' | 'answer' | 'category' | 'tags' | 'enabled'>;

export const FAQ_ACTIONS = ['baseline', 'create', 'update', 'delete', 'rollback', 'import'] as const;
/** How a version came to be; `baseline` records an entry as it was before its first versioned change. */
export type FaqAction = (typeof FAQ_ACTIONS)[number];

/** Who changed something: a signed-in user (id set), or a tool such as `cli` or `system` (id null). */
export interface Actor {
  id: string | null;
  name: string;
}

/** One entry of an FAQ's history, with the whole entry as it was after the change (for `delete`: as it was deleted). */
export interface FaqVersion {
  faqId: string;
  version: number;
  action: FaqAction;
  content: FaqContent;
  actor: Actor;
  note: string | null;
  createdAt: Date;
}

/** One line of the knowledge-base audit log. */
export interface AuditEntry {
  id: string;
  actor: Actor;
  /** `faq.create`, `faq.update`, `faq.delete`, `faq.rollback`, `faq.import`, `synonyms.replace`, `unanswered.resolve`… */
  action: string;
  /** `faq:<id>`, `faqs`, `synonyms`, `unanswered`. */
  target: string;
  summary: string;
  details: unknown;
  createdAt: Date;
}

export const UNANSWERED_REASONS = ['fallback', 'choices', 'low_confidence', 'downvote'] as const;
export type UnansweredReason = (typeof UNANSWERED_REASONS)[number];
export const UNANSWERED_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type UnansweredStatus = (typeof UNANSWERED_STATUSES)[number];

/** A customer message the bot handled badly, kept so an admin can teach the knowledge base. */
export interface UnansweredQuestion {
  id: string;
  conversationId: string;
  /** The customer's message. */
  messageId: string;
  channel: ChannelId;
  text: string;
  reason: UnansweredReason;
  bestScore: number | null;
  bestFaqId: string | null;
  lang: Lang;
  status: UnansweredStatus;
  resolvedFaqId: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export const RATINGS = ['up', 'down'] as const;
export type Rating = (typeof RATINGS)[number];

/** A customer's 👍/👎 on one bot answer. */
export interface AnswerFeedback {
  conversationId: string;
  /** The rated bot message. */
  messageId: string;
  faqId: string | null;
  rating: Rating;
  createdAt: Date;
  updatedAt: Date;
}

/** One word of the domain lexicon: a synonym group and/or is-a links to broader terms of the same kind. */
export interface LexiconEntry {
  kind: string;
  term: string;
  synonyms: string[];
  isa: string[];
}

/** A standard customer-service need of online retail, with the ways customers phrase it. */
export interface LibraryIntent {
  id: string;
  domain: string;
  title: { zh: string; en: string };
  phrasings: { zh: string[]; en: string[] };
}
