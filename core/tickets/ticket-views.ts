import type { Actor } from '../types.js';
import { isActive } from './ticket-transitions.js';
import type { ComplaintRecord, FieldChange, Survey, Ticket, TicketEvent } from './ticket-types.js';

export type SlaState = 'none' | 'running' | 'warning' | 'paused' | 'breached' | 'met' | 'missed';

export interface SlaView {
  dueAt: string | null;
  state: SlaState;
}

/** A ticket as the API returns it (JSON-safe); names resolved. */
export interface TicketView {
  id: string;
  number: string;
  type: Ticket['type'];
  priority: Ticket['priority'];
  status: Ticket['status'];
  source: Ticket['source'];
  subject: string;
  description: string;
  customerId: string | null;
  customerName: string | null;
  contact: string | null;
  orderNumber: string | null;
  channel: Ticket['channel'];
  lang: Ticket['lang'];
  assignee: { id: string; name: string } | null;
  team: string | null;
  tags: string[];
  createdBy: { id: string; name: string } | null;
  sla: { firstResponse: SlaView; resolution: SlaView };
  firstRespondedAt: string | null;
  escalatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  complaint: ComplaintRecord | null;
  reviewStatus: Ticket['reviewStatus'];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TicketEventView {
  id: string;
  action: TicketEvent['action'];
  actor: Actor;
  changes: FieldChange[];
  text: string | null;
  createdAt: string;
}

export interface SurveyView {
  id: string;
  status: Survey['status'];
  score: number | null;
  comment: string | null;
  agentId: string | null;
  channel: Survey['channel'];
  sentAt: string;
  answeredAt: string | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function slaOf(due: Date | null, done: Date | null, warned: Date | null, breached: Date | null, paused: boolean, active: boolean): SlaView {
  const dueAt = iso(due);
  if (done) return { dueAt, state: due && done > due ? 'missed' : 'met' };
  if (breached) return { dueAt, state: 'breached' };
  if (!due || !active) return { dueAt, state: 'none' };
  if (paused) return { dueAt, state: 'paused' };
  return { dueAt, state: warned ? 'warning' : 'running' };
}

export function toTicketView(t: Ticket, names: ReadonlyMap<string, string>): TicketView {
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? 'agent' } : null);
  const active = isActive(t.status);
  return {
    id: t.id, number: t.number, type: t.type, priority: t.priority, status: t.status, source: t.source, subject: t.subject, description: t.description,
    customerId: t.customerId, customerName: t.customerName, contact: t.contact, orderNumber: t.orderNumber, channel: t.channel, lang: t.lang,
    assignee: person(t.assigneeId), team: t.team, tags: t.tags, createdBy: person(t.createdById),
    sla: {
      firstResponse: slaOf(t.firstResponseDueAt, t.firstRespondedAt, t.firstResponseWarnedAt, t.firstResponseBreachedAt, false, active),
      resolution: slaOf(t.resolutionDueAt, t.resolvedAt, t.resolutionWarnedAt, t.resolutionBreachedAt, t.slaPausedAt !== null, active),
    },
    firstRespondedAt: iso(t.firstRespondedAt), escalatedAt: iso(t.escalatedAt), resolvedAt: iso(t.resolvedAt), closedAt: iso(t.closedAt),
    complaint: t.complaint, reviewStatus: t.reviewStatus, version: t.version, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
  };
}

export const toEventView = (e: TicketEvent): TicketEventView => ({
  id: e.id, action: e.action, actor: e.actor, changes: e.changes, text: e.text, createdAt: e.createdAt.toISOString(),
});

export const toSurveyView = (s: Survey): SurveyView => ({
  id: s.id, status: s.status, score: s.score, comment: s.comment, agentId: s.agentId, channel: s.channel, sentAt: s.sentAt.toISOString(), answeredAt: iso(s.answeredAt),
});
