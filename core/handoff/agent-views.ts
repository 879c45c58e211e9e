import type { ChannelId, Conversation, ConversationNote, ConversationStatus, Customer, HandoffReason, Lang, Presence, Role, User, UserStatus } from '../types.js';
import type { MessageView } from '../views.js';

/** Everything agents hear about, on one topic; each socket forwards what its user may see. */
export const AGENT_EVENTS_TOPIC = 'agents';
/** Internal notes of one conversation: agents only, never the customer's topic. */
export const notesTopic = (conversationId: string): string => `notes:${conversationId}`;

export type ConversationChange = 'queued' | 'left-message' | 'claimed' | 'assigned' | 'transferred' | 'closed' | 'message';

export type AgentEvent =
  | {
      type: 'conversation';
      change: ConversationChange;
      conversationId: string;
      status: ConversationStatus;
      assigneeId: string | null;
      /** Set on transfers, so the agent who handed it over hears of it too. */
      previousAssigneeId?: string | null;
    }
  | { type: 'presence'; userId: string; presence: Presence };

export interface NotePublished {
  type: 'note';
  note: NoteView;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  presence: Presence;
  capacity: number | null;
  status: UserStatus;
}

export interface NoteView {
  id: string;
  conversationId: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

export interface ConversationSummary {
  id: string;
  channel: ChannelId;
  status: ConversationStatus;
  lang: Lang;
  customer: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  handoffReason: HandoffReason | null;
  /** 1-based place in the queue, for queued conversations. */
  position?: number;
  queuedAt: string | null;
  assignedAt: string | null;
  leftMessageAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  lastSeq: number;
  lastMessage: Pick<MessageView, 'author' | 'text' | 'createdAt'> | null;
}

export interface CustomerProfile {
  id: string;
  name: string;
  identities: Customer['identities'];
  createdAt: string;
  /** Every conversation of this customer on any channel, newest first, with who has (or last had) it. */
  conversations: Array<Pick<ConversationSummary, 'id' | 'channel' | 'status' | 'createdAt' | 'closedAt' | 'assignee'> & { readable: boolean }>;
}

export const toUserView = (u: User): UserView => ({
  id: u.id, email: u.email, displayName: u.displayName, role: u.role, presence: u.presence, capacity: u.capacity, status: u.status,
});

/** How history shows a person: a removed account keeps its name, marked as former staff. */
export const staffName = (u: Pick<User, 'displayName' | 'status'>): string => (u.status === 'removed' ? `${u.displayName} (former staff)` : u.displayName);

export const staffNames = (users: readonly User[]): Map<string, string> => new Map(users.map((u) => [u.id, staffName(u)]));

/** Web chat visitors have no name: show the channel and the start of their id. */
export const customerName = (c: Customer | null): string =>
  c?.displayName ?? (c?.identities[0] ? `${c.identities[0].channel} ${c.identities[0].externalId.slice(0, 10)}` : 'customer');

export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function conversationEvent(c: Conversation, change: ConversationChange, previousAssigneeId?: string | null): AgentEvent {
  return {
    type: 'conversation', change, conversationId: c.id, status: c.status, assigneeId: c.assigneeId,
    ...(previousAssigneeId !== undefined ? { previousAssigneeId } : {}),
  };
}

export const toNoteView = (n: ConversationNote, authorName: string): NoteView => ({
  id: n.id, conversationId: n.conversationId, authorId: n.authorId, authorName, text: n.text, createdAt: n.createdAt.toISOString(),
});
