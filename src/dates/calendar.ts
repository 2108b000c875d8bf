// Calendar arithmetic on plain {y, m, d} values: "2020-05-25" minus 3 days -> 2020-05-22, whatever TZ says.
import {
  addDays, addMonths, addYears, getDay, getISOWeek, getISOWeekYear, isValid, parse, setISOWeek, startOfISOWeek,
} from 'date-fns';

/** A calendar day with no time and no zone: month 1-12. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

// date-fns works on Date objects in local time; a local noon keeps every step clear of DST edges,
// and we read back only local year/month/day, so the result never depends on TZ.
function toLocal(day: Ymd): Date {
  return new Date(day.y, day.m - 1, day.d, 12, 0, 0, 0);
}
function fromLocal(date: Date): Ymd {
  return { y: date.getFullYear(), m: date.getMonth() + 1, d: date.getDate() };
}

/**
 * Parses `YYYY-MM-DD` with date-fns; null when it is not a real day.
 * @example parseYmd('2020-05-25') // { y: 2020, m: 5, d: 25 }
 */
export function parseYmd(text: string): Ymd | null {
  const hit = PARSED.get(text);
  if (hit !== undefined) return hit;
  const day = parseYmdUncached(text);
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(text, day);
  return day;
}

/** Days parsed so far (date-fns `parse` costs ~0.5 ms a call; a corpus has few distinct article dates). */
const PARSED = new Map<string, Ymd | null>();
const PARSED_MAX = 10_000;

function parseYmdUncached(text: string): Ymd | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = parse(`${text} 12`, 'yyyy-MM-dd HH', new Date(2000, 0, 1, 12));
  if (!isValid(date)) return null;
  const day = fromLocal(date);
  return formatYmd(day) === text ? day : null;
}

export function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = toLocal({ y, m, d });
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

export function plusDays(day: Ymd, n: number): Ymd {
  return fromLocal(addDays(toLocal(day), n));
}
export function plusMonths(day: Ymd, n: number): Ymd {
  return fromLocal(addMonths(toLocal(day), n));
}
export function plusYears(day: Ymd, n: number): Ymd {
  return fromLocal(addYears(toLocal(day), n));
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: Ymd): number {
  const wd = getDay(toLocal(day));
  return wd === 0 ? 7 : wd;
}

/** ISO week value: 2020-W21. */
export function isoWeekValue(day: Ymd): string {
  const local = toLocal(day);
  return `${pad(getISOWeekYear(local), 4)}-W${pad(getISOWeek(local), 2)}`;
}

/** Monday of an ISO week. */
export function mondayOfIsoWeek(isoYear: number, week: number): Ymd {
  const jan4 = toLocal({ y: isoYear, m: 1, d: 4 });
  return fromLocal(startOfISOWeek(setISOWeek(jan4, week)));
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(width, '0');
}

export function formatYmd(day: Ymd): string {
  return `${pad(day.y, 4)}-${pad(day.m, 2)}-${pad(day.d, 2)}`;
}
export function formatYm(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}
export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}
