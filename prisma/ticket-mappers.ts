// Ticket rows ↔ core ticket types. Closed sets are checked here; tags and the complaint record are JSON text.
import { CHANNELS, type Lang } from '../core/types.js';
import { searchTextOf } from '../core/tickets/ticket-filter.js';
import {
  REVIEW_STATUSES, SLA_PHASES, SLA_TARGETS, SURVEY_STATUSES, TICKET_ACTIONS, TICKET_PRIORITIES, TICKET_SOURCES, TICKET_STATUSES, TICKET_TYPES,
  type ComplaintRecord, type FieldChange, type NewTicket, type SlaTimer, type Survey, type Ticket, type TicketEvent, type TicketPatch,
} from '../core/tickets/ticket-types.js';
import type {
  Prisma, SlaTimer as TimerRow, Survey as SurveyRow, Ticket as TicketRow, TicketEvent as EventRow,
} from './generated/sqlite/client.js';
import { oneOf } from './mappers.js';

const LANGS: readonly Lang[] = ['zh', 'en'];

export function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id, number: row.number,
    type: oneOf(TICKET_TYPES, row.type, 'Ticket.type'),
    priority: oneOf(TICKET_PRIORITIES, row.priority, 'Ticket.priority'),
    status: oneOf(TICKET_STATUSES, row.status, 'Ticket.status'),
    source: oneOf(TICKET_SOURCES, row.source, 'Ticket.source'),
    subject: row.subject, description: row.description,
    customerId: row.customerId, customerName: row.customerName, contact: row.contact, orderNumber: row.orderNumber,
    channel: row.channel === null ? null : oneOf(CHANNELS, row.channel, 'Ticket.channel'),
    lang: oneOf(LANGS, row.lang, 'Ticket.lang'),
    assigneeId: row.assigneeId, team: row.team, tags: JSON.parse(row.tags) as string[], createdById: row.createdById,
    firstResponseDueAt: row.firstResponseDueAt, resolutionDueAt: row.resolutionDueAt, firstRespondedAt: row.firstRespondedAt,
    firstResponseWarnedAt: row.firstResponseWarnedAt, firstResponseBreachedAt: row.firstResponseBreachedAt,
    resolutionWarnedAt: row.resolutionWarnedAt, resolutionBreachedAt: row.resolutionBreachedAt,
    slaPausedAt: row.slaPausedAt, escalatedAt: row.escalatedAt, resolvedAt: row.resolvedAt, closedAt: row.closedAt,
    complaint: row.complaint === null ? null : (JSON.parse(row.complaint) as ComplaintRecord),
    reviewStatus: row.reviewStatus === null ? null : oneOf(REVIEW_STATUSES, row.reviewStatus, 'Ticket.reviewStatus'),
    version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

/** A new ticket as row data, with its search text. */
export function newTicketData(ticket: NewTicket): Prisma.TicketUncheckedCreateInput {
  const { tags, complaint, ...rest } = ticket;
  return { ...rest, tags: JSON.stringify(tags), complaint: complaint === null ? null : JSON.stringify(complaint), searchText: searchTextOf(ticket) };
}

export function ticketPatchData(patch: TicketPatch): Prisma.TicketUncheckedUpdateManyInput {
  const { tags, complaint, ...rest } = patch;
  return {
    ...rest,
    ...(tags !== undefined ? { tags: JSON.stringify(tags) } : {}),
    ...(complaint !== undefined ? { complaint: complaint === null ? null : JSON.stringify(complaint) } : {}),
  };
}

export function toTicketEvent(row: EventRow): TicketEvent {
  return {
    id: row.id, ticketId: row.ticketId, actor: { id: row.actorId, name: row.actorName },
    action: oneOf(TICKET_ACTIONS, row.action, 'TicketEvent.action'),
    changes: row.changes === null ? [] : (JSON.parse(row.changes) as FieldChange[]),
    text: row.text, createdAt: row.createdAt,
  };
}

export function eventData(ticketId: string, e: Omit<TicketEvent, 'id' | 'ticketId'>): Prisma.TicketEventUncheckedCreateInput {
  return {
    ticketId, actorId: e.actor.id, actorName: e.actor.name, action: e.action,
    changes: e.changes.length > 0 ? JSON.stringify(e.changes) : null, text: e.text, createdAt: e.createdAt,
  };
}

export function toSlaTimer(row: TimerRow): SlaTimer {
  return {
    id: row.id, ticketId: row.ticketId, target: oneOf(SLA_TARGETS, row.target, 'SlaTimer.target'),
    phase: oneOf(SLA_PHASES, row.phase, 'SlaTimer.phase'), dueAt: row.dueAt, firedAt: row.firedAt,
  };
}

export function toSurvey(row: SurveyRow): Survey {
  return {
    id: row.id, ticketId: row.ticketId, conversationId: row.conversationId, customerId: row.customerId, agentId: row.agentId,
    channel: oneOf(CHANNELS, row.channel, 'Survey.channel'), lang: oneOf(LANGS, row.lang, 'Survey.lang'),
    status: oneOf(SURVEY_STATUSES, row.status, 'Survey.status'), score: row.score, comment: row.comment,
    sentAt: row.sentAt, answeredAt: row.answeredAt, expiresAt: row.expiresAt,
  };
}
