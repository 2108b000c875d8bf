// Anchoring: picks the year/day a partial expression means, from the article date and the clause's tense.
// "Friday" + PAST on 2020-05-25 -> 2020-05-22; "January" + PAST in May 2020 -> 2020-01.
import type { Tense } from './tense.js';
import {
  formatYm, formatYmd, isoWeekday, isoWeekValue, pad, plusDays, plusMonths, plusYears, quarterOf, type Ymd,
} from './calendar.js';

/** Which way an unanchored expression points; NONE picks the nearest, leaning to the past (news reports). */
export function direction(tense: Tense): 'PAST' | 'FUTURE' | 'NONE' {
  if (tense === 'PAST' || tense === 'FUTURE') return tense;
  return 'NONE';
}

/** The weekday `wd` (1 = Monday) relative to `dct`: past -> on or before, future -> on or after. */
export function resolveWeekday(wd: number, dct: Ymd, tense: Tense, rel?: 'last' | 'next' | 'this'): Ymd {
  const today = isoWeekday(dct);
  const back = (today - wd + 7) % 7;
  const fwd = (wd - today + 7) % 7;
  if (rel === 'last') return plusDays(dct, -(back === 0 ? 7 : back));
  if (rel === 'next') return plusDays(dct, fwd === 0 ? 7 : fwd);
  const dir = direction(tense);
  if (dir === 'PAST') return plusDays(dct, -back);
  if (dir === 'FUTURE') return plusDays(dct, fwd);
  return back <= fwd + 1 ? plusDays(dct, -back) : plusDays(dct, fwd);
}

/** How far a tense pulls: a candidate on the wrong side of the article date counts this much further away. */
const MONTH_PENALTY = 4;
/** Future cues are written out ("will", "expected", "scheduled"); past ones are partly guessed (-ed): trust them more. */
const FUTURE_MONTH_PENALTY = 12;
const DAY_PENALTY = 60;

/** Year for a month named without one: "in January" in a past clause of May 2020 -> 2020. */
export function yearForMonth(m: number, dct: Ymd, tense: Tense, rel?: 'last' | 'next' | 'this', strict = false): number {
  if (rel === 'this') return dct.y;
  // "last February" said in March means a year ago; "last November" in May is the one just gone.
  if (rel === 'last') return m < dct.m - 1 ? dct.y : dct.y - 1;
  if (rel === 'next') return m > dct.m ? dct.y : dct.y + 1;
  const dir = direction(tense);
  let best = dct.y;
  let bestScore = Infinity;
  for (const y of [dct.y - 1, dct.y, dct.y + 1]) {
    const diff = (y - dct.y) * 12 + (m - dct.m);
    const wrongSide = (dir === 'PAST' && diff > 0) || (dir === 'FUTURE' && diff < 0);
    // With no cue, news leans to the past: a future month must be clearly nearer.
    const score = Math.abs(diff) + (wrongSide ? (strict ? 24 : dir === 'FUTURE' ? FUTURE_MONTH_PENALTY : MONTH_PENALTY) : 0) + (dir === 'NONE' && diff > 0 ? 0.5 : 0);
    if (score < bestScore) { bestScore = score; best = y; }
  }
  return best;
}

/** Year for a month-day without one: "on May 22" in a story of 2020-05-25 -> 2020. */
/** `strict`: the tense is certain (a past verb right before the date), so the wrong side is never chosen. */
export function yearForMonthDay(m: number, d: number, dct: Ymd, tense: Tense, strict = false): number {
  const dir = direction(tense);
  let best = dct.y;
  let bestScore = Infinity;
  for (const y of [dct.y - 1, dct.y, dct.y + 1]) {
    const diff = ((y - dct.y) * 12 + (m - dct.m)) * 30.44 + (d - dct.d);
    const wrongSide = (dir === 'PAST' && diff > 0) || (dir === 'FUTURE' && diff < 0);
    const score = Math.abs(diff) + (wrongSide ? (strict ? 732 : DAY_PENALTY) : 0) + (dir === 'NONE' && diff > 0 ? 1 : 0);
    if (score < bestScore) { bestScore = score; best = y; }
  }
  return best;
}

/** Year of an ordinal quarter: "the fourth quarter" in January 1998 (reporting results) -> 1997. */
export function yearForQuarter(q: number, dct: Ymd, tense: Tense): number {
  const cur = quarterOf(dct.m);
  if (q <= cur) return dct.y;
  return direction(tense) === 'FUTURE' ? dct.y : dct.y - 1;
}

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'year'
  | 'decade' | 'century';

export function unitOf(raw: string): Unit | null {
  const w = raw.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  const known: Record<string, Unit> = {
    second: 'second', minute: 'minute', hour: 'hour', day: 'day', week: 'week', weekend: 'weekend',
    month: 'month', quarter: 'quarter', half: 'half', year: 'year', decade: 'decade', century: 'century',
    centurie: 'century', centuri: 'century',
  };
  return known[w] ?? null;
}

/** A point moved by `n` units from `day`, written at the unit's granularity: ('month', -1) -> 2020-04. */
export function shiftedValue(day: Ymd, unit: Unit, n: number): string | null {
  switch (unit) {
    case 'day':
      return formatYmd(plusDays(day, n));
    case 'week':
      return isoWeekValue(plusDays(day, 7 * n));
    case 'weekend':
      return `${isoWeekValue(plusDays(day, 7 * n))}-WE`;
    case 'month': {
      const x = plusMonths({ y: day.y, m: day.m, d: 1 }, n);
      return formatYm(x.y, x.m);
    }
    case 'quarter': {
      const x = plusMonths({ y: day.y, m: day.m, d: 1 }, 3 * n);
      return `${pad(x.y, 4)}-Q${quarterOf(x.m)}`;
    }
    case 'half': {
      const x = plusMonths({ y: day.y, m: day.m, d: 1 }, 6 * n);
      return `${pad(x.y, 4)}-H${x.m <= 6 ? 1 : 2}`;
    }
    case 'year':
      return pad(plusYears(day, n).y, 4);
    case 'decade':
      return `${pad(Math.floor((day.y + 10 * n) / 10), 3)}X`;
    case 'century':
      return pad(Math.floor((day.y - 1 + 100 * n) / 100), 2);
    default:
      return null;
  }
}

/** Season holding `day` (winter = Dec-Feb, named by the year of its January). */
export function seasonOf(day: Ymd): { y: number; s: string } {
  const m = day.m;
  if (m >= 3 && m <= 5) return { y: day.y, s: 'SP' };
  if (m >= 6 && m <= 8) return { y: day.y, s: 'SU' };
  if (m >= 9 && m <= 11) return { y: day.y, s: 'FA' };
  return { y: m === 12 ? day.y + 1 : day.y, s: 'WI' };
}

const SEASON_ORDER = ['WI', 'SP', 'SU', 'FA'];

/** "last summer", "this fall", "in the spring" -> 2019-SU, 2020-FA ... */
export function resolveSeason(s: string, dct: Ymd, tense: Tense, rel?: 'last' | 'next' | 'this'): string {
  const cur = seasonOf(dct);
  const curIdx = SEASON_ORDER.indexOf(cur.s);
  const idx = SEASON_ORDER.indexOf(s);
  if (rel === 'this') return `${cur.y}-${s}`;
  const dir = rel === 'last' ? 'PAST' : rel === 'next' ? 'FUTURE' : direction(tense);
  const strict = rel !== undefined;
  if (dir === 'FUTURE' || (dir === 'NONE' && idx > curIdx)) {
    const y = idx > curIdx || (idx === curIdx && !strict) ? cur.y : cur.y + 1;
    return `${y}-${s}`;
  }
  const y = idx < curIdx || (idx === curIdx && !strict) ? cur.y : cur.y - 1;
  return `${y}-${s}`;
}

/** Duration value: (2, 'year') -> P2Y, (5, 'hour') -> PT5H, ('X', 'month') -> PXM, (1.5, 'year') -> P18M. */
export function durationValue(n: number | 'X', unit: Unit): string | null {
  const letters: Partial<Record<Unit, [string, boolean]>> = {
    second: ['S', true], minute: ['M', true], hour: ['H', true], day: ['D', false], week: ['W', false],
    weekend: ['D', false], month: ['M', false], quarter: ['Q', false], year: ['Y', false],
  };
  if (n === 'X') {
    if (unit === 'decade') return 'PXE';
    if (unit === 'century') return 'PXC';
    const l = letters[unit];
    if (!l) return null;
    return l[1] ? `PTX${l[0]}` : `PX${l[0]}`;
  }
  if (unit === 'decade') return durationValue(n * 10, 'year');
  if (unit === 'century') return durationValue(n * 100, 'year');
  if (unit === 'weekend') return `P${2 * n}D`;
  if (unit === 'half') return durationValue(n * 6, 'month');
  if (!Number.isInteger(n)) {
    // "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "a minute and a half" -> PT1M30S.
    const down: Partial<Record<Unit, [number, Unit]>> = {
      year: [12, 'month'], month: [30, 'day'], week: [7, 'day'], day: [24, 'hour'], hour: [60, 'minute'],
      minute: [60, 'second'], quarter: [3, 'month'],
    };
    const d = down[unit];
    if (!d) return null;
    const whole = Math.floor(n);
    const rest = durationValue(Math.round((n - whole) * d[0]), d[1]);
    if (!rest) return null;
    if (whole === 0) return rest;
    const head = durationValue(whole, unit)!;
    const restBody = rest.slice(1);
    if (head.startsWith('PT')) return head + restBody.replace(/^T/, '');
    return head + restBody;
  }
  const l = letters[unit];
  if (!l) return null;
  return l[1] ? `PT${n}${l[0]}` : `P${n}${l[0]}`;
}
