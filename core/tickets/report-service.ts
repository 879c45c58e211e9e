import { DomainError } from '../errors.js';
import { addDays, fromLocal, isoDate, localTime } from '../handoff/time-zone.js';
import type { Clock, Repositories } from '../ports.js';
import type { User } from '../types.js';
import { assertRole } from '../users/access.js';
import { buildReport, type ReportGroup, type ReportRow } from './report-metrics.js';
import type { Ticket } from './ticket-types.js';
import type { OrderChatTally } from '../orders/order-ports.js';

export interface ReportQuery {
  /** Local dates (YYYY-MM-DD), both included; default: the last 30 days up to today. */
  from?: string;
  to?: string;
  groupBy: ReportGroup;
}

export interface Report {
  from: string;
  to: string;
  groupBy: ReportGroup;
  timeZone: string;
  generatedAt: string;
  rows: ReportRow[];
  totals: ReportRow;
  /** Order questions asked in chat in the period: answered by the bot with the order's details, or handed to a person. */
  orderQuestions: OrderChatTally;
}

const MAX_DAYS = 366;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: string, name: string): { year: number; month: number; day: number } {
  const m = DATE.exec(value);
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!m || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new DomainError('invalid_input', `${name} must be a date YYYY-MM-DD`);
  return { year, month, day };
}

/** Supervisors' figures: response and resolution times, resolution rate, SLA attainment, CSAT and bot deflection. */
export class ReportService {
  constructor(private readonly repos: Repositories, private readonly clock: Clock, private readonly timeZone: string) {}

  async report(user: User, query: ReportQuery): Promise<Report> {
    assertRole(user, ['supervisor', 'admin']);
    const now = this.clock.now();
    const today = localTime(now, this.timeZone);
    const toDay = query.to ? parseDate(query.to, 'to') : today;
    const fromDay = query.from ? parseDate(query.from, 'from') : addDays(toDay, -29);
    const from = fromLocal(fromDay.year, fromDay.month, fromDay.day, 0, this.timeZone);
    const end = addDays(toDay, 1);
    const to = fromLocal(end.year, end.month, end.day, 0, this.timeZone);
    if (to <= from) throw new DomainError('invalid_input', '"from" must not be after "to"');
    if (to.getTime() - from.getTime() > (MAX_DAYS + 1) * 86_400_000) throw new DomainError('invalid_input', `a report covers at most ${MAX_DAYS} days`);

    const [tickets, surveys, conversations, users, teams, orderQuestions] = await Promise.all([
      this.repos.tickets.createdBetween(from, to), this.repos.surveys.answeredBetween(from, to), this.repos.analytics.conversationsSince(from),
      this.repos.users.list(), this.repos.teams.list(), this.repos.orderChats.tally(from, to),
    ]);
    const byId = new Map<string, Ticket | null>(tickets.map((t) => [t.id, t]));
    for (const s of surveys) if (s.ticketId && !byId.has(s.ticketId)) byId.set(s.ticketId, await this.repos.tickets.get(s.ticketId));
    const teamsOf = new Map<string, string[]>();
    for (const t of teams) for (const id of t.userIds) teamsOf.set(id, [...(teamsOf.get(id) ?? []), t.team]);
    const { rows, totals } = buildReport(
      { tickets, surveys: surveys.map((survey) => ({ survey, ticket: survey.ticketId ? byId.get(survey.ticketId) ?? null : null })), conversations: conversations.filter((c) => c.createdAt < to) },
      { groupBy: query.groupBy, from, to, now, timeZone: this.timeZone, names: new Map(users.map((u) => [u.id, u.displayName])), teamsOf },
    );
    return { from: isoDate(fromDay), to: isoDate(toDay), groupBy: query.groupBy, timeZone: this.timeZone, generatedAt: now.toISOString(), rows, totals, orderQuestions };
  }
}
