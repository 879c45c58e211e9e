import { localTime } from '../handoff/time-zone.js';

/** The day key of a ticket number: the local date in the store's time zone, "20261126". */
export function numberDay(at: Date, timeZone: string): string {
  const t = localTime(at, timeZone);
  return `${t.year}${String(t.month).padStart(2, '0')}${String(t.day).padStart(2, '0')}`;
}

/** T-20261126-0001; past 9999 tickets a day the sequence simply grows a digit. */
export const formatTicketNumber = (day: string, seq: number): string => `T-${day}-${String(seq).padStart(4, '0')}`;

const NUMBER = /\bT-?\s?(\d{8})-?(\d{4,})\b/i;

/** A ticket number written the way customers type it ("t20261126-0001", "T-20261126-0001") → canonical; else null. */
export function findTicketNumber(text: string): string | null {
  const m = NUMBER.exec(text.normalize('NFKC'));
  return m ? formatTicketNumber(m[1] ?? '', Number(m[2])) : null;
}
