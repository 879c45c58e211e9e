import { randomUUID } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { SlaTimerRepository, SurveyRepository, TeamRepository, TicketRepository } from '../ports.js';
import { matchesTicketFilter } from '../tickets/ticket-filter.js';
import type { SlaTimer, Survey, Ticket, TicketEvent, TimerPlan } from '../tickets/ticket-types.js';

const copy = (t: Ticket): Ticket => structuredClone(t);

/** Tickets, SLA timers, surveys and teams in memory; each conditional change checks and writes in one synchronous step. */
export function createInMemoryTickets(): { tickets: TicketRepository; slaTimers: SlaTimerRepository; surveys: SurveyRepository; teams: TeamRepository } {
  const tickets = new Map<string, Ticket>();
  const events: TicketEvent[] = [];
  const links: Array<{ ticketId: string; conversationId: string; at: Date }> = [];
  const sequences = new Map<string, number>();
  const timers = new Map<string, SlaTimer>();
  const surveys = new Map<string, Survey>();
  const members = new Map<string, Set<string>>();

  const plan = (ticketId: string, p: TimerPlan | undefined) => {
    if (!p) return;
    for (const [id, t] of timers) if (t.ticketId === ticketId && t.firedAt === null && p.targets.includes(t.target)) timers.delete(id);
    for (const t of p.timers) {
      const id = randomUUID();
      timers.set(id, { id, ticketId, ...t, firedAt: null });
    }
  };
  const addEvent = (ticketId: string, e: Omit<TicketEvent, 'id' | 'ticketId'>): TicketEvent => {
    const event: TicketEvent = { ...structuredClone(e), id: randomUUID(), ticketId };
    events.push(event);
    return structuredClone(event);
  };

  const ticketRepo: TicketRepository = {
    async nextNumber(day) {
      const next = (sequences.get(day) ?? 0) + 1;
      sequences.set(day, next);
      return next;
    },
    async create(input, event, options = {}) {
      if ([...tickets.values()].some((t) => t.number === input.number)) throw new DomainError('conflict', `ticket number ${input.number} taken`);
      const ticket: Ticket = { ...structuredClone(input), id: randomUUID(), version: 1 };
      tickets.set(ticket.id, ticket);
      addEvent(ticket.id, event);
      if (options.conversationId) links.push({ ticketId: ticket.id, conversationId: options.conversationId, at: input.createdAt });
      plan(ticket.id, options.timers);
      return copy(ticket);
    },
    async get(id) {
      const t = tickets.get(id);
      return t ? copy(t) : null;
    },
    async getByNumber(number) {
      const t = [...tickets.values()].find((x) => x.number === number);
      return t ? copy(t) : null;
    },
    async update(id, version, patch, newEvents, timerPlan) {
      const t = tickets.get(id);
      if (!t || t.version !== version) return null;
      Object.assign(t, structuredClone(patch), { version: version + 1 });
      for (const e of newEvents) addEvent(id, e);
      plan(id, timerPlan);
      return copy(t);
    },
    async list(filter) {
      const all = [...tickets.values()].filter((t) => matchesTicketFilter(t, filter))
        .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.number.localeCompare(a.number));
      const offset = filter.offset ?? 0;
      return { tickets: all.slice(offset, offset + (filter.limit ?? 50)).map(copy), total: all.length };
    },
    async addEvent(ticketId, event) {
      return addEvent(ticketId, event);
    },
    async events(ticketId) {
      return events.filter((e) => e.ticketId === ticketId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((e) => structuredClone(e));
    },
    async link(ticketId, conversationId, at) {
      if (links.some((l) => l.ticketId === ticketId && l.conversationId === conversationId)) return false;
      links.push({ ticketId, conversationId, at });
      return true;
    },
    async conversationsOf(ticketId) {
      return links.filter((l) => l.ticketId === ticketId).sort((a, b) => a.at.getTime() - b.at.getTime()).map((l) => l.conversationId);
    },
    async ticketsOfConversation(conversationId) {
      const ids = new Set(links.filter((l) => l.conversationId === conversationId).map((l) => l.ticketId));
      return [...tickets.values()].filter((t) => ids.has(t.id)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map(copy);
    },
    async createdBetween(from, to) {
      return [...tickets.values()].filter((t) => t.createdAt >= from && t.createdAt < to).map(copy);
    },
  };

  const timerRepo: SlaTimerRepository = {
    async claimDue({ now, leaseUntil, limit }) {
      const due = [...timers.values()].filter((t) => t.firedAt === null && t.dueAt <= now).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).slice(0, limit);
      for (const t of due) t.dueAt = leaseUntil;
      return due.map((t) => ({ ...t }));
    },
    async markFired(id, at) {
      const t = timers.get(id);
      if (t && t.firedAt === null) t.firedAt = at;
    },
    async list(ticketId) {
      return [...timers.values()].filter((t) => t.ticketId === ticketId).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).map((t) => ({ ...t }));
    },
  };

  const surveyRepo: SurveyRepository = {
    async create(input) {
      const survey: Survey = { ...input, id: randomUUID(), status: 'pending', score: null, comment: null, answeredAt: null };
      surveys.set(survey.id, survey);
      return { ...survey };
    },
    async get(id) {
      const s = surveys.get(id);
      return s ? { ...s } : null;
    },
    async openForCustomer(customerId) {
      const open = [...surveys.values()].filter((s) => s.customerId === customerId && (s.status === 'pending' || s.status === 'scored'));
      open.sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime());
      return open[0] ? { ...open[0] } : null;
    },
    async transition(id, from, patch) {
      const s = surveys.get(id);
      if (!s || s.status !== from) return null;
      Object.assign(s, patch);
      return { ...s };
    },
    async listExpired(now, limit) {
      return [...surveys.values()].filter((s) => (s.status === 'pending' || s.status === 'scored') && s.expiresAt <= now)
        .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime()).slice(0, limit).map((s) => ({ ...s }));
    },
    async listByTicket(ticketId) {
      return [...surveys.values()].filter((s) => s.ticketId === ticketId).sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime()).map((s) => ({ ...s }));
    },
    async answeredBetween(from, to) {
      return [...surveys.values()].filter((s) => s.answeredAt && s.score !== null && s.answeredAt >= from && s.answeredAt < to).map((s) => ({ ...s }));
    },
  };

  const teamRepo: TeamRepository = {
    async list() {
      return [...members.entries()].filter(([, ids]) => ids.size > 0).sort(([a], [b]) => a.localeCompare(b)).map(([team, ids]) => ({ team, userIds: [...ids].sort() }));
    },
    async teamsOf(userId) {
      return [...members.entries()].filter(([, ids]) => ids.has(userId)).map(([team]) => team).sort();
    },
    async setMembers(team, userIds) {
      members.set(team, new Set(userIds));
    },
  };

  return { tickets: ticketRepo, slaTimers: timerRepo, surveys: surveyRepo, teams: teamRepo };
}
