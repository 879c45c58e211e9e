import type { Actor, ChannelId, Lang } from '../types.js';

export const TICKET_TYPES = ['inquiry', 'complaint', 'return_exchange', 'logistics', 'suggestion', 'other'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
/** new → open → pending_customer → resolved → closed; resolved and closed tickets can be reopened. */
export const TICKET_STATUSES = ['new', 'open', 'pending_customer', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** How the ticket came to be: a message left outside service hours, a complaint in chat, an agent, or by hand. */
export const TICKET_SOURCES = ['left_message', 'complaint', 'conversation', 'manual'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export const SLA_TARGETS = ['first_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];
export const SLA_PHASES = ['warning', 'breach'] as const;
export type SlaPhase = (typeof SLA_PHASES)[number];

/** The store's complaint process, in order. */
export const COMPLAINT_STEPS = ['verify', 'analyse', 'propose', 'agree', 'track', 'root_cause'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ComplaintStepRecord {
  text: string;
  by: Actor;
  at: string;
}

/** Where a complaint stands in the process, and what each step recorded. */
export interface ComplaintRecord {
  /** The next step to complete; 'review' once the root cause is in, 'done' after a supervisor approved. */
  step: ComplaintStep | 'review' | 'done';
  steps: Partial<Record<ComplaintStep, ComplaintStepRecord>>;
  solution: string | null;
  rootCause: string | null;
  improvement: string | null;
  review: { decision: 'approved' | 'rejected'; by: Actor; at: string; comment: string | null } | null;
}

export interface Ticket {
  id: string;
  /** T-20261126-0001 */
  number: string;
  type: TicketType;
  priority: TicketPriority;
  status: TicketStatus;
  source: TicketSource;
  subject: string;
  description: string;
  customerId: string | null;
  customerName: string | null;
  contact: string | null;
  orderNumber: string | null;
  /** Where the customer can be reached; null for a ticket created by hand without a conversation. */
  channel: ChannelId | null;
  lang: Lang;
  assigneeId: string | null;
  team: string | null;
  tags: string[];
  createdById: string | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  firstResponseWarnedAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionWarnedAt: Date | null;
  resolutionBreachedAt: Date | null;
  /** Set while the ticket waits for the customer: the resolution clock stands still. */
  slaPausedAt: Date | null;
  escalatedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  complaint: ComplaintRecord | null;
  reviewStatus: ReviewStatus | null;
  /** Bumped by every change; updates are conditional on it. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewTicket = Omit<Ticket, 'id' | 'version'>;
export type TicketPatch = Partial<Omit<Ticket, 'id' | 'number' | 'source' | 'createdById' | 'createdAt' | 'version'>>;

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export const TICKET_ACTIONS = [
  'created', 'updated', 'status', 'assigned', 'note', 'reply', 'first_response', 'linked', 'customer_wrote',
  'complaint_step', 'review', 'sla_warning', 'sla_breach', 'survey_sent', 'survey_answered', 'survey_expired',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** One line of a ticket's history: who changed what and when (`changes`), or a note, reply or SLA event (`text`). */
export interface TicketEvent {
  id: string;
  ticketId: string;
  actor: Actor;
  action: TicketAction;
  changes: FieldChange[];
  text: string | null;
  createdAt: Date;
}

export type NewTicketEvent = Omit<TicketEvent, 'id' | 'ticketId'>;

export interface TicketFilter {
  statuses?: TicketStatus[];
  types?: TicketType[];
  priorities?: TicketPriority[];
  /** A user id, or null for unassigned tickets. */
  assigneeId?: string | null;
  team?: string;
  customerId?: string;
  /** Case-insensitive text in the number, subject, description, customer name, contact or order number. */
  search?: string;
  /** 'warning': a target is close and not met yet; 'breached': a target was missed. */
  sla?: 'warning' | 'breached';
  escalated?: boolean;
  reviewStatus?: ReviewStatus;
  /** Only what an agent may see: their own tickets, and unassigned ones of their teams or of no team. */
  visibleTo?: { userId: string; teams: string[] };
  limit?: number;
  offset?: number;
}

/** Replaces a ticket's SLA timers that have not fired for the given targets. */
export interface TimerPlan {
  targets: SlaTarget[];
  timers: Array<{ target: SlaTarget; phase: SlaPhase; dueAt: Date }>;
}

export interface SlaTimer {
  id: string;
  ticketId: string;
  target: SlaTarget;
  phase: SlaPhase;
  dueAt: Date;
  firedAt: Date | null;
}

/** pending: waiting for 1-5; scored: waiting for an optional comment; answered; expired (no answer in time). */
export const SURVEY_STATUSES = ['pending', 'scored', 'answered', 'expired'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** A satisfaction survey (回访) sent to the customer's channel after a ticket or an agent conversation was resolved. */
export interface Survey {
  id: string;
  ticketId: string | null;
  conversationId: string;
  customerId: string;
  /** The agent being rated. */
  agentId: string | null;
  channel: ChannelId;
  lang: Lang;
  status: SurveyStatus;
  score: number | null;
  comment: string | null;
  sentAt: Date;
  answeredAt: Date | null;
  /** Pending: when it expires unanswered. Scored: until when a comment is taken. */
  expiresAt: Date;
}

export type NewSurvey = Omit<Survey, 'id' | 'status' | 'score' | 'comment' | 'answeredAt'>;
