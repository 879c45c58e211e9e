// Prisma rows → core types. Columns holding closed sets are plain strings in the database (no enums, for
// portability); they are checked here so a bad value fails loudly instead of spreading through core.
import { DomainError } from '../core/errors.js';
import type { AttachmentInfo } from '../core/messages.js';
import {
  CHANNELS, DELIVERY_STATUSES, PRESENCES, ROLES, USER_STATUSES, type AuthorKind, type CannedReply, type Choice, type Conversation, type ConversationNote, type ConversationStatus,
  type Customer, type Direction, type FaqEntry, type HandoffReason, type Lang, type MessageKind, type Session, type StoredMessage, type User,
} from '../core/types.js';
import type {
  CannedReply as CannedReplyRow, Conversation as ConversationRow, ConversationNote as NoteRow, CustomerIdentity as IdentityRow,
  Customer as CustomerRow, Faq as FaqRow, Message as MessageRow, Session as SessionRow, User as UserRow,
} from './generated/sqlite/client.js';

const STATUSES: readonly ConversationStatus[] = ['bot', 'queued', 'agent', 'closed'];
const LANGS: readonly Lang[] = ['zh', 'en'];
const DIRECTIONS: readonly Direction[] = ['inbound', 'outbound'];
const AUTHORS: readonly AuthorKind[] = ['customer', 'bot', 'agent', 'system'];
const KINDS: readonly MessageKind[] = ['answer', 'choices', 'fallback', 'smalltalk', 'system', 'text'];
const REASONS: readonly HandoffReason[] = ['request', 'fallbacks', 'complaint', 'order_check'];

export function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainError('internal', `Unexpected value "${value}" in column ${column}`);
}

export function toCustomer(row: Pick<CustomerRow, 'id' | 'displayName' | 'createdAt'> & { identities: Pick<IdentityRow, 'channel' | 'externalId'>[] }): Customer {
  return {
    id: row.id,
    displayName: row.displayName,
    identities: row.identities.map((identity) => ({
      channel: oneOf(CHANNELS, identity.channel, 'CustomerIdentity.channel'),
      externalId: identity.externalId,
    })),
    createdAt: row.createdAt,
  };
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    customerId: row.customerId,
    channel: oneOf(CHANNELS, row.channel, 'Conversation.channel'),
    status: oneOf(STATUSES, row.status, 'Conversation.status'),
    lang: oneOf(LANGS, row.lang, 'Conversation.lang'),
    lastSeq: row.lastSeq,
    fallbackStreak: row.fallbackStreak,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
    assigneeId: row.assigneeId,
    handoffReason: row.handoffReason === null ? null : oneOf(REASONS, row.handoffReason, 'Conversation.handoffReason'),
    queuedAt: row.queuedAt,
    assignedAt: row.assignedAt,
    leftMessageAt: row.leftMessageAt,
    channelRef: row.channelRef,
  };
}

export function toMessage(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    direction: oneOf(DIRECTIONS, row.direction, 'Message.direction'),
    author: oneOf(AUTHORS, row.author, 'Message.author'),
    kind: oneOf(KINDS, row.kind, 'Message.kind'),
    text: row.text,
    faqId: row.faqId,
    choices: row.choices === null ? null : (JSON.parse(row.choices) as Choice[]),
    channelMessageId: row.channelMessageId,
    replyToId: row.replyToId,
    ...(row.agentId ? { agentId: row.agentId } : {}),
    ...(row.attachments === null ? {} : { attachments: JSON.parse(row.attachments) as AttachmentInfo[] }),
    ...(row.deliveryStatus === null ? {} : { deliveryStatus: oneOf(DELIVERY_STATUSES, row.deliveryStatus, 'Message.deliveryStatus') }),
    createdAt: row.createdAt,
  };
}

export function toFaqEntry(row: FaqRow): FaqEntry {
  return {
    id: row.key,
    question: row.question,
    alternates: JSON.parse(row.alternates) as string[],
    answer: row.answer,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    enabled: row.enabled,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** What a user row needs to become a User: never the password hash. */
export type UserFields = Omit<UserRow, 'passwordHash' | 'updatedAt'>;

export function toUser(row: UserFields): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: oneOf(ROLES, row.role, 'User.role'),
    presence: oneOf(PRESENCES, row.presence, 'User.presence'),
    capacity: row.capacity,
    lastAssignedAt: row.lastAssignedAt,
    status: oneOf(USER_STATUSES, row.status, 'User.status'),
    createdAt: row.createdAt,
  };
}

export function toSession(row: SessionRow): Session {
  return { id: row.id, userId: row.userId, csrfToken: row.csrfToken, createdAt: row.createdAt, expiresAt: row.expiresAt };
}

export function toNote(row: NoteRow): ConversationNote {
  return { id: row.id, conversationId: row.conversationId, authorId: row.authorId, text: row.text, createdAt: row.createdAt };
}

export function toCannedReply(row: CannedReplyRow): CannedReply {
  return {
    id: row.id, shortcut: row.shortcut, category: row.category, title: row.title, text: row.text, ownerId: row.ownerId || null, updatedAt: row.updatedAt,
  };
}
