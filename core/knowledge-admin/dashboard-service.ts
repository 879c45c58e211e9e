import { DomainError } from '../errors.js';
import type { AnalyticsRepository, Clock, FaqRepository, FeedbackRepository, UnansweredRepository } from '../ports.js';
import { CHANNELS, type ChannelId, type UnansweredReason } from '../types.js';

export interface DashboardQuery {
  /** Whole local days, today included: 1–90. */
  days: number;
  /** The viewer's `Date#getTimezoneOffset()` (minutes, UTC − local), so hours and days are theirs. */
  tzOffset: number;
}

type PerChannel = Record<ChannelId, number>;

export interface Dashboard {
  range: { from: string; to: string; days: number; tzOffset: number };
  conversations: {
    total: number;
    byChannel: PerChannel;
    /** Hour of day 0–23 (viewer's time), per channel, over the whole range. */
    byHour: PerChannel[];
    byDay: { day: string; total: number; handedOff: number }[];
  };
  /** Conversations the bot handled alone (never queued for a person) ÷ all conversations. */
  deflection: { botOnly: number; handedOff: number; rate: number | null; byChannel: { channel: ChannelId; total: number; rate: number | null }[] };
  topFaqs: { faqId: string; question: string | null; count: number }[];
  unanswered: { total: number; byDay: { day: string; count: number }[]; byReason: Partial<Record<UnansweredReason, number>> };
  /** 👍/👎 on bot answers: the only satisfaction signal until surveys exist. */
  satisfaction: { source: 'answer-ratings'; up: number; down: number; ratio: number | null; byDay: { day: string; up: number; down: number }[] };
}

export interface DashboardDeps {
  analytics: AnalyticsRepository;
  unanswered: UnansweredRepository;
  feedback: FeedbackRepository;
  faqs: FaqRepository;
  clock: Clock;
}

const DAY = 86_400_000;
const zeroChannels = (): PerChannel => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as PerChannel;
const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The numbers behind the admin dashboard, bucketed in the viewer's time zone. */
export class DashboardService {
  constructor(private readonly deps: DashboardDeps) {}

  async summary(query: DashboardQuery): Promise<Dashboard> {
    if (!Number.isInteger(query.days) || query.days < 1 || query.days > 90) throw invalid('days must be a whole number from 1 to 90');
    if (!Number.isInteger(query.tzOffset) || Math.abs(query.tzOffset) > 14 * 60) throw invalid('tzOffset must be minutes between -840 and 840');
    const shift = -query.tzOffset * 60_000;
    const now = this.deps.clock.now().getTime();
    const todayStart = Math.floor((now + shift) / DAY) * DAY - shift;
    const since = new Date(todayStart - (query.days - 1) * DAY);
    const days = Array.from({ length: query.days }, (_, i) => new Date(since.getTime() + shift + i * DAY).toISOString().slice(0, 10));
    const dayOf = (d: Date) => new Date(d.getTime() + shift).toISOString().slice(0, 10);
    const hourOf = (d: Date) => new Date(d.getTime() + shift).getUTCHours();

    const [conversations, hits, unanswered, ratings, faqs] = await Promise.all([
      this.deps.analytics.conversationsSince(since),
      this.deps.analytics.faqHits(since, 10),
      this.deps.unanswered.listSince(since),
      this.deps.feedback.listSince(since),
      this.deps.faqs.list(),
    ]);

    const byChannel = zeroChannels();
    const byHour = Array.from({ length: 24 }, zeroChannels);
    const convDays = new Map(days.map((d) => [d, { day: d, total: 0, handedOff: 0 }]));
    const handed = zeroChannels();
    for (const c of conversations) {
      byChannel[c.channel] += 1;
      (byHour[hourOf(c.createdAt)] as PerChannel)[c.channel] += 1;
      const day = convDays.get(dayOf(c.createdAt));
      if (day) {
        day.total += 1;
        if (c.handedOff) day.handedOff += 1;
      }
      if (c.handedOff) handed[c.channel] += 1;
    }
    const handedOff = Object.values(handed).reduce((a, b) => a + b, 0);

    const unansweredDays = new Map(days.map((d) => [d, 0]));
    const byReason: Partial<Record<UnansweredReason, number>> = {};
    for (const q of unanswered) {
      const d = dayOf(q.createdAt);
      if (unansweredDays.has(d)) unansweredDays.set(d, (unansweredDays.get(d) ?? 0) + 1);
      byReason[q.reason] = (byReason[q.reason] ?? 0) + 1;
    }

    const ratingDays = new Map(days.map((d) => [d, { day: d, up: 0, down: 0 }]));
    let up = 0;
    for (const r of ratings) {
      if (r.rating === 'up') up += 1;
      const day = ratingDays.get(dayOf(r.updatedAt));
      if (day) day[r.rating] += 1;
    }
    const questions = new Map(faqs.map((f) => [f.id, f.question]));

    return {
      range: { from: since.toISOString(), to: new Date(now).toISOString(), days: query.days, tzOffset: query.tzOffset },
      conversations: { total: conversations.length, byChannel, byHour, byDay: [...convDays.values()] },
      deflection: {
        botOnly: conversations.length - handedOff,
        handedOff,
        rate: ratio(conversations.length - handedOff, conversations.length),
        byChannel: CHANNELS.filter((c) => byChannel[c] > 0).map((channel) => ({
          channel, total: byChannel[channel], rate: ratio(byChannel[channel] - handed[channel], byChannel[channel]),
        })),
      },
      topFaqs: hits.map((h) => ({ ...h, question: questions.get(h.faqId) ?? null })),
      unanswered: { total: unanswered.length, byDay: [...unansweredDays].map(([day, count]) => ({ day, count })), byReason },
      satisfaction: { source: 'answer-ratings', up, down: ratings.length - up, ratio: ratio(up, ratings.length), byDay: [...ratingDays.values()] },
    };
  }
}

const invalid = (message: string) => new DomainError('invalid_input', message, { userMessage: message });
