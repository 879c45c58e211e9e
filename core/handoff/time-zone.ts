/** Wall-clock arithmetic in an IANA time zone with nothing but Intl.DateTimeFormat. */

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for a zone the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

function fields(date: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(date)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

export function localTime(date: Date, timeZone: string): LocalTime {
  const f = fields(date, timeZone);
  const [year, month, day] = [f.year ?? 0, f.month ?? 1, f.day ?? 1];
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(), minutes: (f.hour ?? 0) * 60 + (f.minute ?? 0) };
}

/** Local time minus UTC at that instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const f = fields(new Date(instant), timeZone);
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant when the wall clock in `timeZone` shows that date and time (the later one across a DST change). */
export function fromLocal(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  let instant = wall - offsetAt(wall, timeZone);
  const corrected = wall - offsetAt(instant, timeZone);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** The calendar date `days` after the given one, with its weekday. */
export function addDays(t: Pick<LocalTime, 'year' | 'month' | 'day'>, days: number): Omit<LocalTime, 'minutes'> {
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

export const isoDate = (t: Pick<LocalTime, 'year' | 'month' | 'day'>): string =>
  `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;

export const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "2026-03-02 18:04:05" on the wall clock of `timeZone`. */
export function formatLocal(date: Date, timeZone: string): string {
  const f = fields(date, timeZone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return `${f.year}-${two(f.month)}-${two(f.day)} ${two(f.hour)}:${two(f.minute)}:${two(f.second)}`;
}
