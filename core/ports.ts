/** Everything core needs from the outside world. Adapters (prisma/, app/, bots/) implement these. */
import type {
  CannedReply, ChannelId, Conversation, ConversationNote, ConversationStatus, Customer, FaqEntry, FaqInput, HandoffReason, Lang,
  NewMessage, Role, Session, StoredMessage, User, DeliveryStatus,
} from './types.js';
import type { Actor, AnswerFeedback, AuditEntry, FaqAction, FaqContent, FaqVersion, Rating, UnansweredQuestion, UnansweredReason } from './types.js';
import type { Reply } from './types.js';
import type { CustomerCommand, OutboundMessage } from './messages.js';
import type { OrderChatRepository, StoreOrderRepository } from './orders/order-ports.js';
import type {
  CustomerChange, CustomerFields, CustomerFilter, CustomerRecord, CustomerSuggestion, ErasureCounts, NewCustomerChange, SuggestionStatus,
} from './customers/customer-types.js';
import type {
  NewSurvey, NewTicket, NewTicketEvent, SlaTimer, Survey, SurveyStatus, Ticket, TicketEvent, TicketFilter, TicketPatch, TimerPlan,
} from './tickets/ticket-types.js';
import type { FlagFilter, MessageFlag, NewMessageFlag } from './supervision/flag-types.js';
import type { SensitiveWord, WordList } from './supervision/word-list.js';

export interface CustomerRepository {
  /** Finds the customer owning this channel identity, creating both if new. Safe under concurrent calls. */
  findOrCreateByIdentity(channel: ChannelId, externalId: string, displayName?: string): Promise<Customer>;
  get(id: string): Promise<Customer | null>;
}

/** Customer records (issue #15): profiles, their history, captured details, merges, erasure and retention. */
export interface CustomerRecordRepository {
  get(id: string): Promise<CustomerRecord | null>;
  /** Newest activity first, with the count of all matches; erased customers are left out. */
  search(filter: CustomerFilter): Promise<{ customers: CustomerRecord[]; total: number }>;
  /** Only while the record is at `version`: applies the fields (version + 1) and records the change. Null otherwise. */
  update(id: string, version: number, fields: CustomerFields, change: NewCustomerChange): Promise<CustomerRecord | null>;
  /** Newest first. */
  history(id: string): Promise<CustomerChange[]>;
  /** Stores a pending suggestion; false when that value was suggested (or decided) before. */
  suggest(input: Omit<CustomerSuggestion, 'id' | 'status'>): Promise<boolean>;
  /** Oldest first. */
  suggestions(customerId: string, status?: SuggestionStatus): Promise<CustomerSuggestion[]>;
  /** pending → accepted or dismissed; null when it was decided already or does not exist. */
  decide(id: string, status: 'accepted' | 'dismissed'): Promise<CustomerSuggestion | null>;
  /**
   * Moves everything of `fromId` (identities, conversations, tickets, surveys, suggestions, history) to `intoId`,
   * adds its lists to the record, records the change and deletes `fromId`; one transaction.
   */
  merge(intoId: string, fromId: string, change: NewCustomerChange): Promise<CustomerRecord>;
  /**
   * Erases the customer's data in one transaction: messages (with their attachments), notes, unanswered questions,
   * suggestions, history and identities are deleted; tickets lose their personal fields; the conversations get new
   * ids (so every web chat token naming them stops working) and stay, empty, for reports; the record is wiped.
   */
  erase(id: string, at: Date): Promise<ErasureCounts>;
  /** Deletes the messages and notes of conversations closed (or left with the bot) before `before`; returns how many messages. */
  purgeBefore(before: Date): Promise<number>;
}

export interface ConversationRepository {
  create(input: { customerId: string; channel: ChannelId; lang?: Lang }): Promise<Conversation>;
  get(id: string): Promise<Conversation | null>;
  /** The customer's newest conversation on that channel that is not closed. */
  findOpen(customerId: string, channel: ChannelId): Promise<Conversation | null>;
  update(id: string, patch: Partial<Pick<Conversation, 'status' | 'lang' | 'fallbackStreak' | 'closedAt' | 'channelRef'>>): Promise<Conversation>;
  listByCustomer(customerId: string): Promise<Conversation[]>;
  listByStatus(status: ConversationStatus): Promise<Conversation[]>;
}

export interface AppendResult {
  message: StoredMessage;
  /** True when a message with the same channelMessageId already existed: nothing new was stored. */
  duplicate: boolean;
}

/** Fields of a conversation that a customer message may change; stored with it. */
export type ConversationPatch = Partial<Pick<Conversation, 'status' | 'lang' | 'fallbackStreak' | 'closedAt' | 'channelRef'>>;

/**
 * An outbound message stored with the customer message it answers (a null `replyToId` becomes that message's id),
 * with its outbox row when the channel needs one.
 */
export interface TurnReply {
  message: NewMessage;
  outbox?: { channel: ChannelId; payload: OutboundMessage };
}

/** A customer message and everything that answers it, for `MessageRepository.storeTurn`. */
export interface NewTurn {
  conversationId: string;
  /** The customer's message; or the stored one when it is answered later (a retry, or recovery after a crash). */
  inbound: NewMessage | StoredMessage;
  replies: TurnReply[];
  patch: ConversationPatch;
  /** What the answer was decided on: stored only while the conversation still has this status and last seq. */
  expect: { status: ConversationStatus; lastSeq: number };
  at: Date;
}

export type TurnResult =
  | { outcome: 'stored'; inbound: StoredMessage; replies: StoredMessage[]; lastSeq: number }
  /** The channel message id was stored already (nothing new was stored): the stored message. */
  | { outcome: 'duplicate'; inbound: StoredMessage }
  /** The conversation moved on since `expect` (another message, a handoff…): nothing was stored; decide again. */
  | { outcome: 'stale' };

export interface MessageRepository {
  /** Stores the message with the conversation's next sequence number (atomic, no gaps, no duplicates). */
  append(message: NewMessage): Promise<AppendResult>;
  /**
   * Stores a turn in one transaction: the inbound message (unless already stored), the replies after it (next seqs,
   * no gaps), their outbox rows, and the conversation patch. All or nothing, so a crash never leaves a customer
   * message without the answer that was decided for it. Throws DomainError('not_found') for an unknown conversation.
   */
  storeTurn(turn: NewTurn): Promise<TurnResult>;
  /**
   * Customer messages created within [since, before) in conversations the bot holds that were never answered: no
   * reply points to them and no agent or system message came after them. Oldest first.
   */
  listUnanswered(input: { since: Date; before: Date; limit: number }): Promise<StoredMessage[]>;
  listByConversation(conversationId: string, options?: { afterSeq?: number; limit?: number }): Promise<StoredMessage[]>;
  /** Bot replies stored for one inbound message, in order. */
  listReplies(messageId: string): Promise<StoredMessage[]>;
  /** The newest outbound bot message in the conversation, if any. */
  lastBotMessage(conversationId: string): Promise<StoredMessage | null>;
  /** The message stored under this channel message id, if any: the original of an idempotent resend. */
  findByChannelKey(channel: ChannelId, channelMessageId: string): Promise<StoredMessage | null>;
}

export interface FaqImportResult {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
}

export interface FaqRepository {
  list(options?: { enabledOnly?: boolean }): Promise<FaqEntry[]>;
  get(id: string): Promise<FaqEntry | null>;
  count(): Promise<number>;
  /** Upserts by external id; bumps `version` only when content changed. With `replace`, entries not given are deleted. */
  upsertMany(entries: FaqInput[], options?: { replace?: boolean }): Promise<FaqImportResult>;
  /** Increases on every change to the knowledge base, across processes. */
  revision(): Promise<number>;
  /**
   * Applies the changes in one transaction. Each change that alters its entry gets the next version number and a
   * FaqVersion row (an entry changed for the first time also gets a `baseline` row of how it was); if anything
   * changed, `audit` is logged and the revision bumped once. Changes that alter nothing are skipped. If an
   * `expectedVersion` does not hold, throws DomainError('conflict') and applies nothing. Returns the versions written.
   */
  applyChanges(changes: FaqChange[], audit: AuditInput): Promise<FaqVersion[]>;
  /** The entry's versions, newest first; kept after the entry is deleted. */
  history(id: string): Promise<FaqVersion[]>;
  /** For every entry deleted now: its `delete` version, newest first. */
  listDeleted(): Promise<FaqVersion[]>;
}

/** One change to an FAQ entry, for `FaqRepository.applyChanges`. */
export interface FaqChange {
  id: string;
  /** The entry after the change; null deletes it. */
  content: FaqContent | null;
  action: FaqAction;
  /** Apply only while the stored version is this one (null: only while no such entry exists); else conflict. */
  expectedVersion?: number | null;
  note?: string;
}

/** An audit-log line to write; the repository stamps the time. */
export interface AuditInput {
  actor: Actor;
  action: string;
  target: string;
  summary: string;
  details?: unknown;
}

export interface AuditRepository {
  record(entry: AuditInput): Promise<AuditEntry>;
  /** Newest first. `target` matches exactly, or by prefix when it ends with `*` (`faq:*`). */
  list(options?: { limit?: number; before?: Date; target?: string }): Promise<AuditEntry[]>;
}

/** The matcher's synonym groups, editable by admins; a change bumps the knowledge-base revision. */
export interface SynonymRepository {
  /** Null until groups were first stored: the caller then uses the built-in list. */
  get(): Promise<{ groups: string[][]; version: number } | null>;
  /** Replaces every group; with `expectedVersion`, only while the stored version is that (else conflict). */
  replace(groups: string[][], audit: AuditInput, expectedVersion?: number): Promise<{ groups: string[][]; version: number }>;
}

export type NewUnanswered = Omit<UnansweredQuestion, 'id' | 'status' | 'resolvedFaqId' | 'resolvedAt'>;

export interface UnansweredRepository {
  /** Stores one question; a second one for the same message and reason is ignored. */
  record(question: NewUnanswered): Promise<void>;
  /** Open questions, newest first. */
  listOpen(options?: { since?: Date; limit?: number }): Promise<UnansweredQuestion[]>;
  /** Marks open questions resolved or dismissed; returns how many changed. */
  close(ids: readonly string[], input: { status: 'resolved' | 'dismissed'; faqId: string | null; at: Date }): Promise<number>;
  /** Drops the open question recorded for this message and reason (a 👎 taken back). */
  withdraw(messageId: string, reason: UnansweredReason): Promise<void>;
  /** Every question collected since `since` (any status), oldest first, for trends. */
  listSince(since: Date): Promise<Pick<UnansweredQuestion, 'reason' | 'status' | 'createdAt'>[]>;
}

export interface FeedbackRepository {
  /** Stores or replaces the rating of one message; returns the rating it had before, if any. */
  rate(feedback: Omit<AnswerFeedback, 'createdAt' | 'updatedAt'> & { at: Date }): Promise<Rating | null>;
  /** Ratings given or changed since `since`. */
  listSince(since: Date): Promise<Pick<AnswerFeedback, 'rating' | 'faqId' | 'updatedAt'>[]>;
}

/** Read-only counts for the admin dashboard. */
export interface AnalyticsRepository {
  /** Conversations started since `since`, each with whether it was ever handed to a person. */
  conversationsSince(since: Date): Promise<{ channel: ChannelId; createdAt: Date; handedOff: boolean }[]>;
  /** Bot answers per FAQ since `since`, most first. */
  faqHits(since: Date, limit: number): Promise<{ faqId: string; count: number }[]>;
}

/** What the bot made of one customer text message; observed to learn what it could not answer. */
export interface BotTurn {
  conversationId: string;
  channel: ChannelId;
  messageId: string;
  text: string;
  lang: Lang;
  decision: 'answer' | 'choices' | 'fallback';
  bestScore: number | null;
  bestFaqId: string | null;
  at: Date;
}

export interface BotTurnObserver {
  /** Called after the bot replied; must be cheap (it runs on every matched message). */
  observe(turn: BotTurn): Promise<void>;
}

/**
 * Sees every customer text first, before handoff triggers and FAQ matching: survey answers, "my ticket" questions.
 * It decides by the conversation's status what it takes. Cheap when it has nothing to say: it runs on every text.
 */
export interface CustomerTextHandler {
  /** Replies to send instead of the bot's, or null to let the conversation go on as usual. */
  handle(input: { conversation: Conversation; text: string; lang: Lang }): Promise<Reply[] | null>;
}

/** Answers the commands core leaves to a feature (`ticket`: the ticket module lists or opens the customer's tickets). */
export interface CustomerCommandHandler {
  /** Replies in `lang`, or null when this handler does not take the command. */
  command(input: { conversation: Conversation; command: CustomerCommand; lang: Lang }): Promise<Reply[] | null>;
}

export interface Clock {
  now(): Date;
}

export type Unsubscribe = () => void;

/** Real-time fan-out. The in-process default serves one instance; a shared broker serves several. */
export interface PubSub {
  /** May return before the payload reached other instances: publishing must never hold up a reply. */
  publish(topic: string, payload: unknown): Promise<void>;
  subscribe(topic: string, handler: (payload: unknown) => void): Unsubscribe;
  /** Whether fan-out across instances works; absent for in-process pub/sub, which cannot fail. */
  health?(timeoutMs: number): Promise<DependencyHealth>;
  close?(): Promise<void>;
}

/** An outside service as the readiness check reports it. */
export interface DependencyHealth {
  status: 'up' | 'down';
  error?: string;
  [detail: string]: unknown;
}

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * Hands a stored outbound message (bot, agent or system) to the conversation's channel, after the turn if need be.
 * Delivery failures are recorded and retried by the implementation, never thrown at the caller.
 */
export interface OutboundDelivery {
  deliver(conversation: Conversation, message: StoredMessage): Promise<void>;
  /**
   * The outbox payload for a message of this conversation when its channel is served through the durable outbox
   * (a turn then stores the outbox row in its own transaction and calls `queued()` after commit); absent otherwise.
   */
  outboxFor?(conversation: Conversation, message: NewMessage): { channel: ChannelId; payload: OutboundMessage } | undefined;
  queued?(): void;
}

/** For channels whose replies travel another way (web chat: the HTTP response and the socket). */
export const noDelivery: OutboundDelivery = { deliver: async () => undefined };

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  passwordHash: string;
}

export type UserPatch = Partial<Pick<User, 'displayName' | 'role' | 'presence' | 'capacity' | 'lastAssignedAt' | 'status'>> & { passwordHash?: string };

export interface UserRepository {
  /** Throws DomainError('conflict') when the e-mail address is taken. */
  create(input: NewUser): Promise<User>;
  get(id: string): Promise<User | null>;
  /** With the password hash, for signing in; `email` is matched lower-cased. */
  findByEmail(email: string): Promise<{ user: User; passwordHash: string } | null>;
  /** Oldest first. */
  list(): Promise<User[]>;
  count(): Promise<number>;
  update(id: string, patch: UserPatch): Promise<User>;
}

export interface SessionRepository {
  create(session: Session): Promise<void>;
  get(id: string): Promise<Session | null>;
  extend(id: string, expiresAt: Date): Promise<void>;
  delete(id: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
  /** Ends every session of the user; returns the ids ended (their sockets are told). */
  deleteForUser(userId: string): Promise<string[]>;
}

/**
 * The queue and assignment. Every state change is one conditional update, so concurrent callers (on any instance)
 * cannot both win: the loser gets null and nothing changes.
 */
export interface HandoffRepository {
  /** bot/closed → queued (assignee cleared, fallback streak reset); null when it was queued or with an agent already. */
  enqueue(id: string, input: { reason: HandoffReason; at: Date; leftMessage: boolean }): Promise<Conversation | null>;
  /**
   * queued and unassigned → agent, assigned to `agentId`; null when someone else got it first, it left the queue, or
   * another agent has one of the same customer's conversations open (one customer, one agent).
   */
  claim(id: string, agentId: string, at: Date): Promise<Conversation | null>;
  /** queued or agent → agent, assigned to `toId`; with `fromId`, only while it is with that agent. */
  assign(id: string, toId: string, at: Date, fromId?: string): Promise<Conversation | null>;
  /** queued or agent → closed; with `assigneeId`, only while it is with that agent. The assignee stays for the record. */
  close(id: string, at: Date, assigneeId?: string): Promise<Conversation | null>;
  /** Queued conversations, longest waiting first. */
  listQueued(): Promise<Conversation[]>;
  /** Conversations assigned to the agent, newest activity first. */
  listAssigned(agentId: string, status?: ConversationStatus): Promise<Conversation[]>;
  /** Open (status 'agent') conversations per assignee id. */
  activeLoad(): Promise<Record<string, number>>;
  addNote(note: Omit<ConversationNote, 'id'>): Promise<ConversationNote>;
  listNotes(conversationId: string): Promise<ConversationNote[]>;
}

export type CannedReplyInput = Pick<CannedReply, 'shortcut' | 'category' | 'title' | 'text' | 'ownerId'>;
export type CannedReplyPatch = Partial<Pick<CannedReply, 'shortcut' | 'category' | 'title' | 'text'>>;

export interface CannedReplyRepository {
  /** The team's replies and, with an owner, that user's own; ordered by shortcut, the team's first on a tie. */
  list(ownerId?: string): Promise<CannedReply[]>;
  get(id: string): Promise<CannedReply | null>;
  /** Throws DomainError('conflict') when the shortcut is taken. */
  create(input: CannedReplyInput): Promise<CannedReply>;
  /** Throws DomainError('not_found') or ('conflict'). */
  update(id: string, patch: CannedReplyPatch): Promise<CannedReply>;
  /** Throws DomainError('not_found'). */
  delete(id: string): Promise<void>;
}

/** One outbox row: a stored message on its way to a channel. */
export interface DeliveryRecord {
  id: string;
  messageId: string;
  conversationId: string;
  /** The message's seq: a conversation's messages go out in this order. */
  seq: number;
  channel: ChannelId;
  payload: OutboundMessage;
  status: DeliveryStatus;
  /** Attempts made so far (successful or not). */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** The durable outbox behind OutboundDelivery; each change also sets the message's `deliveryStatus`. */
export interface DeliveryRepository {
  /** Queues a stored message, due at `at`. Idempotent per message: a second call returns the existing row. */
  enqueue(input: { message: StoredMessage; channel: ChannelId; payload: OutboundMessage; at: Date }): Promise<DeliveryRecord>;
  /**
   * Leases up to `limit` due rows, taking only the oldest pending row of each conversation (so messages go out in
   * order): each one's `nextAttemptAt` moves to `leaseUntil`, so no other worker picks it up meanwhile.
   */
  claimDue(input: { now: Date; leaseUntil: Date; limit: number }): Promise<DeliveryRecord[]>;
  markSent(id: string, at: Date): Promise<DeliveryRecord>;
  /** Records a failed attempt and when to try again. */
  markRetry(id: string, input: { error: string; nextAttemptAt: Date }): Promise<DeliveryRecord>;
  /** Records the last failed attempt and gives up. */
  markFailed(id: string, input: { error: string; at: Date }): Promise<DeliveryRecord>;
  /** The channel is back: its pending rows waiting after a failed attempt become due at `at`. Returns how many. */
  rescheduleChannel(channel: ChannelId, at: Date): Promise<number>;
  getByMessage(messageId: string): Promise<DeliveryRecord | null>;
  /** Oldest first. */
  listByStatus(status: DeliveryStatus, options?: { limit?: number }): Promise<DeliveryRecord[]>;
}

// ---- Tickets, SLA timers, satisfaction surveys and teams (issue #5) ----

export interface TicketRepository {
  /** The next number of that day's sequence (1, 2, …): unique across concurrent callers and instances. */
  nextNumber(day: string): Promise<number>;
  /** Stores the ticket with its first history event, its linked conversation and SLA timers, in one transaction. */
  create(ticket: NewTicket, event: NewTicketEvent, options?: { conversationId?: string; timers?: TimerPlan }): Promise<Ticket>;
  get(id: string): Promise<Ticket | null>;
  getByNumber(number: string): Promise<Ticket | null>;
  /**
   * Only while the ticket is at `version`: applies the patch (version + 1), records the events and replaces the
   * timers of `timers.targets`, in one transaction. Null when the ticket changed meanwhile (or does not exist).
   */
  update(id: string, version: number, patch: TicketPatch, events: NewTicketEvent[], timers?: TimerPlan): Promise<Ticket | null>;
  /** Newest activity first, with the count of all matches. */
  list(filter: TicketFilter): Promise<{ tickets: Ticket[]; total: number }>;
  addEvent(ticketId: string, event: NewTicketEvent): Promise<TicketEvent>;
  /** Oldest first. */
  events(ticketId: string): Promise<TicketEvent[]>;
  /** False when the conversation was linked already. */
  link(ticketId: string, conversationId: string, at: Date): Promise<boolean>;
  /** Conversation ids, first linked first. */
  conversationsOf(ticketId: string): Promise<string[]>;
  /** Tickets linked to the conversation, newest first. */
  ticketsOfConversation(conversationId: string): Promise<Ticket[]>;
  /** Tickets created within [from, to): what reports count. */
  createdBetween(from: Date, to: Date): Promise<Ticket[]>;
}

export interface SlaTimerRepository {
  /**
   * Leases up to `limit` timers due at `now` that have not fired: each one's due time moves to `leaseUntil`, so no
   * other instance takes it meanwhile; one the caller never marks fired comes back after the lease.
   */
  claimDue(input: { now: Date; leaseUntil: Date; limit: number }): Promise<SlaTimer[]>;
  markFired(id: string, at: Date): Promise<void>;
  /** Oldest due first. */
  list(ticketId: string): Promise<SlaTimer[]>;
}

export interface SurveyRepository {
  create(survey: NewSurvey): Promise<Survey>;
  get(id: string): Promise<Survey | null>;
  /** The customer's newest survey that is pending or scored. */
  openForCustomer(customerId: string): Promise<Survey | null>;
  /** Only while the survey has status `from`; null otherwise. */
  transition(id: string, from: SurveyStatus, patch: Partial<Pick<Survey, 'status' | 'score' | 'comment' | 'answeredAt' | 'expiresAt'>>): Promise<Survey | null>;
  /** Surveys whose `expiresAt` passed while pending or scored, oldest first. */
  listExpired(now: Date, limit: number): Promise<Survey[]>;
  listByTicket(ticketId: string): Promise<Survey[]>;
  /** Surveys answered (scored or answered) within [from, to). */
  answeredBetween(from: Date, to: Date): Promise<Survey[]>;
}

export interface TeamRepository {
  /** Every team with its members' user ids, by team name. */
  list(): Promise<Array<{ team: string; userIds: string[] }>>;
  teamsOf(userId: string): Promise<string[]>;
  /** Replaces the team's members; an empty list removes the team. */
  setMembers(team: string, userIds: string[], at: Date): Promise<void>;
}

// ---- Supervision: sensitive words and flagged messages (issue #16) ----

export interface SensitiveWordRepository {
  /** Null until an admin first saved a list: the caller then uses the default one. */
  get(): Promise<WordList | null>;
  /** Replaces the list and logs `audit`; with `expectedVersion`, only while the stored version is that (else conflict). */
  replace(words: SensitiveWord[], audit: AuditInput, expectedVersion?: number): Promise<WordList>;
}

export interface MessageFlagRepository {
  create(flag: NewMessageFlag): Promise<MessageFlag>;
  /** Newest first. */
  list(filter: FlagFilter): Promise<MessageFlag[]>;
  /** Open → reviewed; null when it is not open (reviewed already, or unknown). */
  review(id: string, input: { reviewerId: string; note: string | null; at: Date }): Promise<MessageFlag | null>;
}

export interface Repositories {
  customers: CustomerRepository;
  customerRecords: CustomerRecordRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  faqs: FaqRepository;
  users: UserRepository;
  sessions: SessionRepository;
  handoff: HandoffRepository;
  cannedReplies: CannedReplyRepository;
  deliveries: DeliveryRepository;
  audit: AuditRepository;
  synonyms: SynonymRepository;
  unanswered: UnansweredRepository;
  feedback: FeedbackRepository;
  analytics: AnalyticsRepository;
  tickets: TicketRepository;
  slaTimers: SlaTimerRepository;
  surveys: SurveyRepository;
  teams: TeamRepository;
  sensitiveWords: SensitiveWordRepository;
  messageFlags: MessageFlagRepository;
  /** The demo store's orders (KEFU_ORDERS=demo). */
  storeOrders: StoreOrderRepository;
  orderChats: OrderChatRepository;
}

export const systemClock: Clock = { now: () => new Date() };
