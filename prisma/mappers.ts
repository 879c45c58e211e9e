// Prisma rows → core types. Columns holding closed sets are plain strings in the database (no enums, for
// portability); they are checked here so a bad value fails loudly instead of spreading through core.
import { DomainError } from '../core/errors.js';
import { CHANNELS, type AuthorKind, type Choice, type Conversation, type ConversationStatus, type Customer, type Direction, type FaqEntry, type Lang, type MessageKind, type StoredMessage } from '../core/types.js';
import type { Conversation as ConversationRow, CustomerIdentity as IdentityRow, Customer as CustomerRow, Faq as FaqRow, Message as MessageRow } from './generated/sqlite/client.js';

const STATUSES: readonly ConversationStatus[] = ['bot', 'queued', 'agent', 'closed'];
const LANGS: readonly Lang[] = ['zh', 'en'];
const DIRECTIONS: readonly Direction[] = ['inbound', 'outbound'];
const AUTHORS: readonly AuthorKind[] = ['customer', 'bot', 'agent', 'system'];
const KINDS: readonly MessageKind[] = ['answer', 'choices', 'fallback', 'smalltalk', 'system', 'text'];

function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainError('internal', `Unexpected value "${value}" in column ${column}`);
}

export function toCustomer(row: CustomerRow & { identities: IdentityRow[] }): Customer {
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
  };
}
