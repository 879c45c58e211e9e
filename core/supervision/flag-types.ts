import type { WordHit } from './word-matcher.js';

/** block: an agent's reply was refused; warn: it was sent and waits for review; abuse: a customer's message. */
export const FLAG_KINDS = ['block', 'warn', 'abuse'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export const FLAG_STATUSES = ['open', 'reviewed'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** A message the word list caught: the QA review queue for agents' replies, and abuse for supervisors. */
export interface MessageFlag {
  id: string;
  kind: FlagKind;
  conversationId: string;
  /** The stored message; null for a refused reply, which was never stored. */
  messageId: string | null;
  /** The agent who wrote (or tried to send) it; null for a customer's message. */
  agentId: string | null;
  hits: WordHit[];
  /** The text as written (a refused reply is kept only here, for the reviewer). */
  text: string;
  status: FlagStatus;
  reviewerId: string | null;
  reviewNote: string | null;
  createdAt: Date;
  reviewedAt: Date | null;
}

export type NewMessageFlag = Omit<MessageFlag, 'id' | 'status' | 'reviewerId' | 'reviewNote' | 'reviewedAt'>;

export interface FlagFilter {
  status?: FlagStatus;
  kinds?: FlagKind[];
  agentId?: string;
  limit?: number;
}
