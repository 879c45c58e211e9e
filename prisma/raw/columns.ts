/**
 * The columns the hot statements read and write, per table, and which of them are DateTime (read back as Date by
 * queryRecords). Reads name their columns rather than `*`, so a column added later by a migration changes nothing here.
 */
export const CONVERSATION = {
  columns: ['id', 'customerId', 'channel', 'status', 'lang', 'lastSeq', 'fallbackStreak', 'createdAt', 'updatedAt', 'closedAt',
    'assigneeId', 'handoffReason', 'queuedAt', 'assignedAt', 'leftMessageAt', 'channelRef'],
  dates: ['createdAt', 'updatedAt', 'closedAt', 'queuedAt', 'assignedAt', 'leftMessageAt'],
} as const;

export const MESSAGE = {
  columns: ['id', 'conversationId', 'seq', 'direction', 'author', 'kind', 'text', 'faqId', 'choices', 'channel',
    'channelMessageId', 'replyToId', 'agentId', 'attachments', 'deliveryStatus', 'createdAt'],
  dates: ['createdAt'],
} as const;

export const DELIVERY = {
  columns: ['id', 'messageId', 'conversationId', 'seq', 'channel', 'payload', 'status', 'attempts', 'nextAttemptAt', 'lastError',
    'createdAt', 'updatedAt', 'sentAt'],
  dates: ['nextAttemptAt', 'createdAt', 'updatedAt', 'sentAt'],
} as const;

export const USER = {
  columns: ['id', 'email', 'displayName', 'role', 'presence', 'capacity', 'lastAssignedAt', 'status', 'createdAt'],
  dates: ['lastAssignedAt', 'createdAt'],
} as const;

export const SESSION = {
  columns: ['id', 'userId', 'csrfToken', 'createdAt', 'expiresAt'],
  dates: ['createdAt', 'expiresAt'],
} as const;
