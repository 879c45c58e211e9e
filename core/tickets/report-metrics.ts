import { addDays, isoDate, localTime } from '../handoff/time-zone.js';
import type { ChannelId } from '../types.js';
import type { Survey, Ticket } from './ticket-types.js';

export const REPORT_GROUPS = ['day', 'agent', 'team', 'category', 'channel'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface DurationStats {
  count: number;
  avgMinutes: number | null;
  medianMinutes: number | null;
}

export interface Attainment {
  met: number;
  missed: number;
  /** met / (met + missed); targets still running are not counted. */
  rate: number | null;
}

export interface ReportRow {
  key: string;
  label: string;
  /** Tickets created (every ticket figure is about the tickets created in the period, by creation day). */
  tickets: number;
  resolved: number;
  resolutionRate: number | null;
  firstResponse: DurationStats;
  resolution: DurationStats;
  sla: { firstResponse: Attainment; resolution: Attainment; overall: Attainment };
  /** Surveys answered in the period: average score and the share of 4s and 5s (CSAT). */
  csat: { responses: number; average: number | null; satisfied: number; rate: number | null };
  /** Conversations started in the period that the bot handled alone; only by day and by channel. */
  deflection: { conversations: number; botOnly: number; rate: number | null } | null;
}

export interface ReportData {
  tickets: Ticket[];
  /** With the survey's ticket, when it has one. */
  surveys: Array<{ survey: Survey; ticket: Ticket | null }>;
  conversations: Array<{ channel: ChannelId; createdAt: Date; handedOff: boolean }>;
}

export interface ReportContext {
  groupBy: ReportGroup;
  from: Date;
  to: Date;
  now: Date;
  timeZone: string;
  names: ReadonlyMap<string, string>;
  teamsOf: ReadonlyMap<string, string[]>;
}

const NONE = '-';
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

function stats(values: number[]): DurationStats {
  if (values.length === 0) return { count: 0, avgMinutes: null, medianMinutes: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { count: values.length, avgMinutes: values.reduce((a, b) => a + b, 0) / values.length, medianMinutes: median };
}

/** Met, missed, or (null) still running. */
function outcome(due: Date | null, done: Date | null, breached: Date | null, now: Date): boolean | null {
  if (!due) return null;
  if (done) return done <= due;
  if (breached || now > due) return false;
  return null;
}

function attainment(outcomes: Array<boolean | null>): Attainment {
  const met = outcomes.filter((o) => o === true).length;
  const missed = outcomes.filter((o) => o === false).length;
  return { met, missed, rate: ratio(met, met + missed) };
}

function row(key: string, label: string, tickets: Ticket[], surveys: Survey[], conversations: ReportData['conversations'] | null, now: Date): ReportRow {
  const resolved = tickets.filter((t) => t.resolvedAt);
  const fr = tickets.map((t) => outcome(t.firstResponseDueAt, t.firstRespondedAt, t.firstResponseBreachedAt, now));
  const res = tickets.map((t) => outcome(t.resolutionDueAt, t.resolvedAt, t.resolutionBreachedAt, now));
  const scores = surveys.flatMap((s) => (s.score === null ? [] : [s.score]));
  const satisfied = scores.filter((s) => s >= 4).length;
  const botOnly = conversations?.filter((c) => !c.handedOff).length ?? 0;
  return {
    key, label, tickets: tickets.length, resolved: resolved.length, resolutionRate: ratio(resolved.length, tickets.length),
    firstResponse: stats(tickets.flatMap((t) => (t.firstRespondedAt ? [minutes(t.createdAt, t.firstRespondedAt)] : []))),
    resolution: stats(resolved.map((t) => minutes(t.createdAt, t.resolvedAt as Date))),
    sla: { firstResponse: attainment(fr), resolution: attainment(res), overall: attainment([...fr, ...res]) },
    csat: { responses: scores.length, average: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null, satisfied, rate: ratio(satisfied, scores.length) },
    deflection: conversations ? { conversations: conversations.length, botOnly, rate: ratio(botOnly, conversations.length) } : null,
  };
}

function groupOf<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** Every figure of the supervisors' report, per group and in total. Pure: the caller loads the data. */
export function buildReport(data: ReportData, ctx: ReportContext): { rows: ReportRow[]; totals: ReportRow } {
  const day = (d: Date) => isoDate(localTime(d, ctx.timeZone));
  const g = ctx.groupBy;
  const ticketKey = (t: Ticket): string =>
    g === 'day' ? day(t.createdAt) : g === 'agent' ? t.assigneeId ?? NONE : g === 'team' ? t.team ?? NONE : g === 'category' ? t.type : t.channel ?? NONE;
  const surveyKey = ({ survey: s, ticket }: ReportData['surveys'][number]): string =>
    g === 'day' ? day(s.answeredAt ?? s.sentAt) : g === 'agent' ? s.agentId ?? NONE
      : g === 'team' ? ticket?.team ?? (s.agentId ? ctx.teamsOf.get(s.agentId)?.[0] : undefined) ?? NONE
        : g === 'category' ? ticket?.type ?? 'conversation' : s.channel;
  const perConversation = g === 'day' || g === 'channel';
  const conversationKey = (c: ReportData['conversations'][number]): string | null => (g === 'day' ? day(c.createdAt) : g === 'channel' ? c.channel : null);

  const tickets = groupOf(data.tickets, ticketKey);
  const surveys = groupOf(data.surveys, surveyKey);
  const conversations = groupOf(data.conversations, conversationKey);
  const keys = new Set([...tickets.keys(), ...surveys.keys(), ...conversations.keys()]);
  if (g === 'day') for (const d of days(ctx.from, ctx.to, ctx.timeZone)) keys.add(d);
  const label = (k: string) =>
    k === NONE ? (g === 'agent' ? 'unassigned' : g === 'team' ? 'no team' : 'none') : g === 'agent' ? ctx.names.get(k) ?? k : k;
  const rows = [...keys].map((k) =>
    row(k, label(k), tickets.get(k) ?? [], (surveys.get(k) ?? []).map((s) => s.survey), perConversation ? conversations.get(k) ?? [] : null, ctx.now));
  rows.sort(g === 'day' ? (a, b) => a.key.localeCompare(b.key) : (a, b) => b.tickets - a.tickets || b.csat.responses - a.csat.responses || a.label.localeCompare(b.label));
  return { rows, totals: row('total', 'total', data.tickets, data.surveys.map((s) => s.survey), data.conversations, ctx.now) };
}

/** The local dates from `from` up to (not including) `to`. */
function days(from: Date, to: Date, timeZone: string): string[] {
  const out: string[] = [];
  const last = isoDate(localTime(new Date(to.getTime() - 1), timeZone));
  for (let d = addDays(localTime(from, timeZone), 0), n = 0; n < 400; d = addDays(d, 1), n++) {
    out.push(isoDate(d));
    if (isoDate(d) >= last) break;
  }
  return out;
}
