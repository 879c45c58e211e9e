import type { Lang } from '../types.js';
import { addDays, assertTimeZone, fromLocal, hhmm, isoDate, localTime } from './time-zone.js';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const ZH_DAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Segment {
  /** Day groups as written, each one day or a range: [[1, 5]] for Mon-Fri. */
  groups: Array<[number, number]>;
  from: number;
  to: number;
}

export interface BusinessHoursConfig {
  /** e.g. "Mon-Fri 09:00-18:00; Sat 10:00-16:00" (segments separated by ";" or ","). */
  hours: string;
  timeZone: string;
  /** Local dates (YYYY-MM-DD) with no service. */
  holidays?: string[];
}

const SEGMENT = /([a-z]+(?:\s*[-,/]\s*[a-z]+)*)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})/gi;

function day(name: string, spec: string): number {
  const i = DAYS.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAYS)[number]);
  if (i < 0) throw new Error(`unknown day "${name}" in "${spec}" (use Mon, Tue, … Sun)`);
  return i;
}

function parseSegments(spec: string): Segment[] {
  const segments: Segment[] = [];
  const leftover = spec.replace(SEGMENT, (_m, days: string, h1: string, m1: string, h2: string, m2: string) => {
    const from = Number(h1) * 60 + Number(m1);
    const to = Number(h2) * 60 + Number(m2);
    if (Number(m1) > 59 || Number(m2) > 59 || from >= to || to > 24 * 60) throw new Error(`"${h1}:${m1}-${h2}:${m2}" is not a time range within one day`);
    const groups = days.split(/\s*[,/]\s*/).map((g): [number, number] => {
      const [a, b] = g.split(/\s*-\s*/);
      return [day(a ?? '', spec), day(b ?? a ?? '', spec)];
    });
    segments.push({ groups, from, to });
    return ';';
  });
  if (segments.length === 0 || !/^[\s;,]*$/.test(leftover)) throw new Error(`cannot read business hours "${spec}" (example: "Mon-Fri 09:00-18:00; Sat 10:00-16:00")`);
  return segments;
}

/** Service hours in a time zone: is it open now, and when does it open next. Pure; the caller passes the time. */
export class BusinessHours {
  /** Per weekday (0 = Sunday), open intervals in minutes since local midnight. */
  private readonly week: Array<Array<[number, number]>> = DAYS.map(() => []);
  private readonly segments: Segment[];
  private readonly holidays: Set<string>;
  readonly timeZone: string;

  constructor(config: BusinessHoursConfig) {
    assertTimeZone(config.timeZone);
    this.timeZone = config.timeZone;
    this.segments = parseSegments(config.hours);
    for (const s of this.segments) {
      for (const [a, b] of s.groups) for (let d = a, n = 0; n < 7; d = (d + 1) % 7, n++) {
        this.week[d]?.push([s.from, s.to]);
        if (d === b) break;
      }
    }
    for (const intervals of this.week) intervals.sort((x, y) => x[0] - y[0]);
    for (const h of config.holidays ?? []) if (!/^\d{4}-\d{2}-\d{2}$/.test(h)) throw new Error(`holiday "${h}" is not a YYYY-MM-DD date`);
    this.holidays = new Set(config.holidays ?? []);
  }

  isOpen(at: Date): boolean {
    const t = localTime(at, this.timeZone);
    if (this.holidays.has(isoDate(t))) return false;
    return (this.week[t.weekday] ?? []).some(([from, to]) => t.minutes >= from && t.minutes < to);
  }

  /** `at` itself when open; otherwise the next opening within a year, or null when there is none. */
  nextOpening(at: Date): Date | null {
    if (this.isOpen(at)) return at;
    const today = localTime(at, this.timeZone);
    for (let offset = 0; offset <= 366; offset++) {
      const date = addDays(today, offset);
      if (this.holidays.has(isoDate(date))) continue;
      const opening = (this.week[date.weekday] ?? []).find(([from]) => offset > 0 || from > today.minutes);
      if (opening) return fromLocal(date.year, date.month, date.day, opening[0], this.timeZone);
    }
    return null;
  }

  /** Open periods in time order from `from` on (the current one starts at `from`), for up to a year: SLA arithmetic. */
  *openPeriods(from: Date): Generator<{ start: Date; end: Date }> {
    const first = localTime(from, this.timeZone);
    let last = from;
    for (let offset = 0; offset <= 366; offset++) {
      const date = addDays(first, offset);
      if (this.holidays.has(isoDate(date))) continue;
      for (const [open, close] of this.week[date.weekday] ?? []) {
        const end = fromLocal(date.year, date.month, date.day, close, this.timeZone);
        if (end <= last) continue;
        // Overlapping segments ("Mon-Fri 09:00-18:00; Mon 12:00-20:00") count once.
        const start = fromLocal(date.year, date.month, date.day, open, this.timeZone);
        yield { start: start < last ? last : start, end };
        last = end;
      }
    }
  }

  /** The hours as a customer reads them: "周一至周五 09:00-18:00" / "Mon-Fri 09:00-18:00". */
  describe(lang: Lang): string {
    const names = lang === 'zh' ? ZH_DAYS : EN_DAYS;
    const range = lang === 'zh' ? '至' : '-';
    return this.segments
      .map((s) => `${s.groups.map(([a, b]) => (a === b ? names[a] : `${names[a]}${range}${names[b]}`)).join(lang === 'zh' ? '、' : ', ')} ${hhmm(s.from)}-${hhmm(s.to)}`)
      .join(lang === 'zh' ? '；' : '; ');
  }

  /** A local time relative to `now`: "今天 14:00", "明天 09:00", "12月1日（周一）09:00" / "today at 14:00", "Mon 1 Dec at 09:00". */
  formatMoment(moment: Date, now: Date, lang: Lang): string {
    const t = localTime(moment, this.timeZone);
    const today = localTime(now, this.timeZone);
    const time = hhmm(t.minutes);
    if (isoDate(t) === isoDate(today)) return lang === 'zh' ? `今天 ${time}` : `today at ${time}`;
    if (isoDate(t) === isoDate(addDays(today, 1))) return lang === 'zh' ? `明天 ${time}` : `tomorrow at ${time}`;
    return lang === 'zh' ? `${t.month}月${t.day}日（${ZH_DAYS[t.weekday]}）${time}` : `${EN_DAYS[t.weekday]} ${t.day} ${EN_MONTHS[t.month - 1]} at ${time}`;
  }
}
