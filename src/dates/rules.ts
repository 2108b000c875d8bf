// The TimeML grammar: regex rules that find a temporal expression and say what it means.
// "two years ago" -> DATE 2018 (article 2020-05-25), "the third quarter" -> DATE 2020-Q3, "daily" -> SET P1D.
import type { TimexType } from '../model/types.js';
import { pastVerbBefore, type Tense } from './tense.js';
import {
  formatYm, formatYmd, isRealDay, isoWeekValue, isoWeekday as isoWeekdayOf, pad, parseYmd, plusDays, plusYears, quarterOf, type Ymd,
} from './calendar.js';
import {
  FULL_MONTH_RE, MONTHS, MONTH_RE, NUM_RE, ORDINALS, PART_OF_DAY, SEASONS, WEEKDAYS, WEEKDAY_RE, parseNumber,
} from './lexicon.js';
import {
  durationValue, resolveSeason, resolveWeekday, shiftedValue, unitOf, yearForMonth, yearForMonthDay,
  yearForQuarter, type Unit,
} from './resolve.js';

/** An earlier expression that a relative one ("two days later") can hang on. */
export interface PrevPoint {
  readonly index: number;
  readonly value: string;
  /** The rule that found it (none for chrono's), and its text: "a year ago" restated as "a year earlier". */
  readonly rule?: string;
  readonly text?: string;
}

/** The last reporting period named before this expression, of any type. */
export interface PrevPeriod {
  readonly index: number;
  readonly value: string;
  readonly kind: 'quarter' | 'months' | 'year';
}

/** What a rule may ask while it resolves one match. */
export interface Env {
  readonly text: string;
  readonly dct: Ymd;
  tense(): Tense;
  /** A past-tense verb (by its POS tag) governs the expression in its clause: its time is on or before the article date. */
  pastGoverned(): boolean;
  /** A present-tense verb of action right before it ("meet Monday"): the news present of a scheduled event. */
  presentSchedules(): boolean;
  /** The last calendar-valued expression before this one in the same paragraph. */
  paragraphPrev(): PrevPoint | null;
  /** The last calendar-valued expression before this one anywhere in the text. */
  documentPrev(): PrevPoint | null;
  /** The last quarter named before this one ("the third quarter ... the year-ago quarter"). */
  quarterPrev(): PrevPoint | null;
  /** The last quarter, run of months or year named before this one. */
  periodPrev(): PrevPeriod | null;
}

export interface Resolved {
  readonly type: TimexType;
  readonly value: string;
  /** 'article', or the index of the earlier record it hangs on. */
  readonly anchor?: 'article' | number;
  /** false when the direction was a guess (no tense cue). */
  readonly certain?: boolean;
  /** A quarter computed from another ("the year-ago quarter"): it does not become the story's quarter. */
  readonly derived?: boolean;
  /** false: a guess from the article date ("overnight") that later expressions ("the previous Friday") do not hang on. */
  readonly point?: boolean;
}

export interface Rule {
  readonly name: string;
  readonly re: RegExp;
  /** Context check at find time; false drops the match. */
  accept?(m: RegExpExecArray, text: string): boolean;
  resolve(m: RegExpExecArray, env: Env): Resolved | null;
}

const L = '(?<![\\w$£€\\u2019\'-])';
const R = '(?![\\w-])';
const UNITS = '(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies))';
const APPROX =
  '(?:(?:about|nearly|almost|roughly|around|approximately|more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|' +
  'at\\s+most|up\\s+to|some|only|just|barely|well\\s+over|close\\s+to|under|over)\\s+)?';
const MOD = '(?:(?:early|mid|late|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of)[\\s-]+)?';
const TEMPORAL_PREPS = new Set([
  'in', 'since', 'until', 'till', 'by', 'of', 'during', 'through', 'before', 'after', 'from', 'to', 'early', 'late',
  'mid', 'last', 'next', 'this', 'on', 'between', 'and', 'or', 'throughout', 'into', 'around', 'that', 'each',
  'every', 'late-', 'mid-', 'early-', 'about', 'for', 'as', 'at',
]);
const COUNT_NOUNS = new Set([
  'people', 'persons', 'troops', 'soldiers', 'workers', 'jobs', 'shares', 'copies', 'units', 'cases', 'dollars',
  'deaths', 'members', 'employees', 'votes', 'tons', 'miles', 'feet', 'meters', 'kilometers', 'acres', 'cars',
  'homes', 'students', 'refugees', 'residents', 'points', 'barrels', 'pounds', 'children', 'men', 'women', 'rooms',
  'beds', 'vehicles', 'planes', 'ships', 'companies', 'firms', 'pages', 'words', 'sq', 'square', 'yards', 'seats',
]);

function rx(source: string, flags = 'gi'): RegExp {
  return new RegExp(L + '(?:' + source + ')' + R, flags);
}

function wordBefore(text: string, start: number): string {
  const m = /([A-Za-z$\d.,'-]+)\s*$/.exec(text.slice(Math.max(0, start - 40), start));
  return m ? m[1]!.toLowerCase() : '';
}
function wordAfter(text: string, end: number): string {
  const m = /^\s*([A-Za-z%\d]+)/.exec(text.slice(end, end + 40));
  return m ? m[1]!.toLowerCase() : '';
}
function isCapitalised(s: string): boolean {
  return /^[A-Z]/.test(s);
}
function monthNumber(raw: string): number | null {
  return MONTHS[raw.toLowerCase()] ?? MONTHS[raw.toLowerCase().replace(/\.$/, '')] ?? null;
}
function relOf(raw: string | undefined): 'last' | 'next' | 'this' | undefined {
  if (!raw) return undefined;
  const w = raw.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ');
  if (w === 'last' || w === 'past' || w === 'previous' || w === 'this past') return 'last';
  if (w === 'next' || w === 'coming') return 'next';
  if (w === 'this' || w === 'current') return 'this';
  return undefined;
}
function guessed(env: Env): boolean {
  const t = env.tense();
  return t === 'PAST' || t === 'FUTURE';
}
/** The day a prev point starts on, when it names a day, month or year. */
function dayOfValue(value: string): Ymd | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (d) return parseYmd(`${d[1]}-${d[2]}-${d[3]}`);
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: 1 };
  const y = /^(\d{4})$/.exec(value);
  if (y) return { y: Number(y[1]), m: 7, d: 1 };
  return null;
}
/**
 * "a year earlier" in earnings copy: the story's quarter a year back when the period just named is a quarter;
 * the year before the article's when it was a run of months ("the nine months") or a year; null outside such copy.
 */
function yearBeforePeriod(env: Env): Resolved | null {
  const q = env.quarterPrev();
  if (!q) return null;
  const p = env.periodPrev();
  if (p && p.kind !== 'quarter') {
    const y = p.kind === 'year' && Number(p.value) < env.dct.y ? Number(p.value) : env.dct.y - 1;
    return { type: 'DATE', value: pad(y, 4), anchor: p.kind === 'year' ? p.index : 'article' };
  }
  const mq = /^(\d{4})-Q(\d)$/.exec(q.value)!;
  return { type: 'DATE', value: quarterValue(Number(mq[1]) - 1, Number(mq[2])), anchor: q.index, derived: true };
}
function quarterValue(y: number, q: number): string {
  return `${pad(y, 4)}-Q${q}`;
}
/** The quarter a financial story is about: the last one named, else the last one completed. */
function contextQuarter(env: Env): { y: number; q: number; index?: number } {
  const prev = env.quarterPrev();
  if (prev) {
    const m = /^(\d{4})-Q(\d)$/.exec(prev.value);
    if (m) return { y: Number(m[1]), q: Number(m[2]), index: prev.index };
  }
  const cur = quarterOf(env.dct.m);
  return cur === 1 ? { y: env.dct.y - 1, q: 4 } : { y: env.dct.y, q: cur - 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Rules. Order matters only for ties between matches of the same extent (the earlier rule wins).

const ORDINAL_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORDINAL_TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth',
  'seventeenth', 'eighteenth', 'nineteenth'];
const ORDINAL_DAY_RE = `(?:(?:twenty|thirty)[- ](?:${ORDINAL_UNITS.join('|')})|twentieth|thirtieth|${ORDINAL_TEENS.join('|')}|${ORDINAL_UNITS.join('|')})`;
/** "twenty-third" -> 23; 0 when it is not a day ordinal. */
function ordinalDay(raw: string): number {
  const w = raw.toLowerCase().replace(/\s+/g, '-');
  const unit = (x: string): number => ORDINAL_UNITS.indexOf(x) + 1;
  if (ORDINAL_UNITS.includes(w)) return unit(w);
  if (ORDINAL_TEENS.includes(w)) return 10 + ORDINAL_TEENS.indexOf(w);
  if (w === 'twentieth') return 20;
  if (w === 'thirtieth') return 30;
  const m = /^(twenty|thirty)-([a-z]+)$/.exec(w);
  return m && unit(m[2]!) > 0 ? (m[1] === 'twenty' ? 20 : 30) + unit(m[2]!) : 0;
}
const explicitDay: Rule = {
  // "Friday, May 22", "Nov. 21", "March 3, 1998", "3 March 1998"
  name: 'explicit-day',
  re: rx(
    `(?:(?<wd>${WEEKDAY_RE}),?\\s+)?(?:(?<mod>early|mid|late)[\\s-]+)?(?<mon>${MONTH_RE})\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:,.]\\d)` +
    // "March 15 next year": the year said in words.
    `(?:,?\\s+(?<year>(?:1[6-9]|20)\\d{2})|\\s+(?<ry>this|last|next)\\s+year)?` +
    `|(?<day2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon2>${MONTH_RE}),?(?:\\s+(?<year2>(?:1[6-9]|20)\\d{2}))?` +
    // "the first of January", "the twenty-third of May"
    `|the\\s+(?<dayw>${ORDINAL_DAY_RE})\\s+of\\s+(?<mon3>${MONTH_RE}),?(?:\\s+(?<year3>(?:1[6-9]|20)\\d{2}))?`,
  ),
  accept: (m) => isCapitalised(m.groups!['mon'] ?? m.groups!['mon2'] ?? m.groups!['mon3'] ?? ''),
  resolve(m, env) {
    const g = m.groups!;
    const mon = monthNumber(g['mon'] ?? g['mon2'] ?? g['mon3']!);
    const day = g['dayw'] ? ordinalDay(g['dayw']) : Number(g['day'] ?? g['day2']);
    if (!mon || day < 1 || day > 31) return null;
    // "May 3 to 5, 1998", "Aug. 26 to Oct. 20, 1989": a range's first point shares the year written at its end.
    const rangeYear = RANGE_YEAR.exec(env.text.slice(m.index + m[0].length, m.index + m[0].length + 40))?.[1];
    const ry = g['ry']?.toLowerCase();
    const wordYear = ry ? String(env.dct.y + (ry === 'last' ? -1 : ry === 'next' ? 1 : 0)) : undefined;
    const yearText = g['year'] ?? g['year2'] ?? g['year3'] ?? wordYear ?? rangeYear;
    const y = yearText ? Number(yearText) : yearForDay(mon, day, m.index, env);
    if (!isRealDay(y, mon, day)) return null;
    return {
      type: 'DATE', value: formatYmd({ y, m: mon, d: day }),
      ...(yearText && !wordYear ? {} : { anchor: 'article' as const, certain: Boolean(wordYear) || guessed(env) || isCloseTo(env.dct, y, mon, day) }),
    };
  },
};
/** Year of a month-day written without one; a past verb right before it ("ended March 31") settles the side. */
function yearForDay(mon: number, day: number, start: number, env: Env): number {
  if (pastVerbBefore(env.text, start)) return yearForMonthDay(mon, day, env.dct, 'PAST', true);
  return yearForMonthDay(mon, day, env.dct, env.tense());
}
const RANGE_YEAR = new RegExp(
  `^\\s*(?:and|or|to|through|until|-|\u2013)\\s*(?:${MONTH_RE}\\s+)?\\d{1,2}(?:st|nd|rd|th)?,?\\s+((?:1[6-9]|20)\\d{2})(?!\\d)`,
);
/** "April 24 and 25", "May 3 to 5": the second day of a pair is its own TIMEX3, in the first one's month. */
const conjoinedDay: Rule = {
  name: 'conjoined-day',
  re: rx(
    `(?=\\d)(?<=(?<mon>${MONTH_RE})\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\s*(?:and|or|to|through|until|-|\u2013)\\s*)` +
    '(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:.]\\d|\\s*(?:%|percent|a\\.m|p\\.m))(?:,?\\s+(?<year>(?:1[6-9]|20)\\d{2}))?',
  ),
  accept: (m) => isCapitalised(m.groups!['mon']!) && Number(m.groups!['day']) > Number(m.groups!['d1']),
  resolve(m, env) {
    const g = m.groups!;
    const mon = monthNumber(g['mon']!);
    const day = Number(g['day']);
    if (!mon || day < 1 || day > 31) return null;
    // The year is the first day's: written after the pair ("April 24 and 25, 1999") or read as it was.
    const y = g['year'] ? Number(g['year']) : yearForDay(mon, Number(g['d1']), m.index - (g['d1']!.length + 1), env);
    if (!isRealDay(y, mon, day)) return null;
    return { type: 'DATE', value: formatYmd({ y, m: mon, d: day }), ...(g['year'] ? {} : { anchor: 'article' as const }) };
  },
};
function isCloseTo(dct: Ymd, y: number, m: number, d: number): boolean {
  const diff = Math.abs((y - dct.y) * 372 + (m - dct.m) * 31 + (d - dct.d));
  return diff < 93;
}

const numericDay: Rule = {
  // "2020-05-22", "5/22/2020"
  name: 'numeric-day',
  re: rx('(?<y>(?:19|20)\\d{2})-(?<m>\\d{2})-(?<d>\\d{2})|(?<m2>\\d{1,2})/(?<d2>\\d{1,2})/(?<y2>(?:19|20)?\\d{2})'),
  resolve(m) {
    const g = m.groups!;
    let y = Number(g['y'] ?? g['y2']);
    if (y < 100) y += y < 50 ? 2000 : 1900;
    const mon = Number(g['m'] ?? g['m2']);
    const d = Number(g['d'] ?? g['d2']);
    if (!isRealDay(y, mon, d)) return null;
    return { type: 'DATE', value: formatYmd({ y, m: mon, d }) };
  },
};

const monthYear: Rule = {
  // "July 1999", "late November 1998", "January this year", "the end of March"
  name: 'month-year',
  re: rx(
    `${MOD}(?<mon>${MONTH_RE}),?\\s+(?:of\\s+)?(?:(?<year>(?:1[6-9]|20)\\d{2})(?!\\s*(?:%|percent))|(?<rel>this|last|next)\\s+year)`,
  ),
  accept: (m) => isCapitalised(m.groups!['mon']!) && !/^\w{3}\.?$/i.test(m.groups!['mon']!) || /\.$/.test(m.groups!['mon']!),
  resolve(m, env) {
    const g = m.groups!;
    const mon = monthNumber(g['mon']!);
    if (!mon) return null;
    const rel = g['rel']?.toLowerCase();
    const y = g['year'] ? Number(g['year']) : env.dct.y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
    return { type: 'DATE', value: formatYm(y, mon), ...(g['year'] ? {} : { anchor: 'article' as const }) };
  },
};

const bareMonth: Rule = {
  // "in January", "last April", "late November", "mid-March"
  name: 'month',
  re: rx(
    `(?:(?<mod>early|mid|late)[\\s-]+|(?<mod2>the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of)\\s+)?` +
    `(?:(?<rel>last|this|next|past|coming)\\s+)?(?<mon>${FULL_MONTH_RE})(?!\\s+\\d)`,
  ),
  accept(m, text) {
    const g = m.groups!;
    const mon = g['mon']!;
    if (!isCapitalised(mon)) return false;
    const before = wordBefore(text, m.index);
    const cued = Boolean(g['mod'] || g['mod2'] || g['rel']) || TEMPORAL_PREPS.has(before) || (before === 'the' && mon !== 'May');
    const next = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // "March on Washington", "March for Life": a march, unless a preposition makes it a time ("in March for health reasons").
    if (mon === 'March' && /^\s+(?:on|against|for|through)\b/.test(next) && !g['rel'] && !g['mod'] && !g['mod2']
      && !['in', 'since', 'until', 'till', 'by', 'during', 'early', 'late', 'mid', 'before', 'after'].includes(before)) return false;
    if (mon === 'May' || mon === 'March') {
      if (!cued) return false;
      // "will March on" / "to March": a verb after a modal or "to" is never a month.
      // "from January to March" ends a range of months, which "to March" as a verb never does.
      const rangeEnd = before === 'to' && new RegExp(`\\bfrom\\s+(?:(?:early|mid|late)[\\s-]+)?${MONTH_RE}(?:\\s+\\d{1,2})?(?:,?\\s+\\d{4})?\\s+to\\s+$`).test(text.slice(Math.max(0, m.index - 40), m.index));
      if (!g['rel'] && !g['mod'] && !g['mod2'] && !rangeEnd && ['to', 'will', 'would', 'may', 'might', 'could'].includes(before)) return false;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (mon === 'May' && /^\s+(?:be|have|not|also|well|still|never|go|come|need|want|take|make|seek|face|lose|get|try)\b/.test(after)) return false;
    }
    if (/^\s+\d/.test(text.slice(m.index + m[0].length))) return false;
    return true;
  },
  resolve(m, env) {
    const g = m.groups!;
    const mon = monthNumber(g['mon']!)!;
    const rel = relOf(g['rel']);
    // A past verb right before it ("founded in January"), or a fronted "In January," opening a past-tense sentence:
    // the month's own event is told as past, so it is the one on or before the article date.
    const fronted = /(?:^|[.!?]["'\u201d]?\s+|\n\s*)In\s+$/.test(env.text.slice(Math.max(0, m.index - 8), m.index))
      && /^,/.test(env.text.slice(m.index + m[0].length)) && env.tense() === 'PAST';
    const y = !rel && (fronted || pastVerbBefore(env.text, m.index) || env.pastGoverned())
      ? yearForMonth(mon, env.dct, 'PAST', rel, true) : yearForMonth(mon, env.dct, env.tense(), rel);
    return { type: 'DATE', value: formatYm(y, mon), anchor: 'article', certain: Boolean(rel) || guessed(env) };
  },
};

const weekday: Rule = {
  // "Friday", "last Tuesday", "Monday morning", "early Friday", "Tuesday nights" (a SET)
  name: 'weekday',
  re: rx(
    `(?:(?<mod>early|late|earlier|later)\\s+)?(?:(?<rel>last|this|next|coming|past)\\s+|the\\s+(?<arel>following|previous|preceding)\\s+)?(?<wd>${WEEKDAY_RE})(?<pl>s)?` +
    `(?:\\s+(?<part>morning|afternoon|evening|night)(?<ppl>s)?)?`,
  ),
  accept: (m) => isCapitalised(m.groups!['wd']!),
  resolve(m, env) {
    const g = m.groups!;
    const wd = WEEKDAYS[g['wd']!.toLowerCase()]!;
    const part = g['part'] ? PART_OF_DAY[g['part'].toLowerCase()]! : '';
    // "Tuesdays", "Tuesday nights": every such day (night); "on Monday and Tuesday nights": the plural covers both.
    const sharedPlural = !g['pl'] && !g['ppl'] && !g['part'] && !g['rel']
      && new RegExp(`^\\s+(?:and|or)\\s+${WEEKDAY_RE}(?:s|\\s+(?:morning|afternoon|evening|night)s)\\b`).exec(env.text.slice(m.index + m[0].length, m.index + m[0].length + 30));
    if (sharedPlural) {
      const p = /(morning|afternoon|evening|night)s\b/i.exec(sharedPlural[0]);
      return { type: 'SET', value: `XXXX-WXX-${wd}${p ? 'T' + PART_OF_DAY[p[1]!.toLowerCase()] : ''}` };
    }
    if (g['pl'] || g['ppl']) return { type: 'SET', value: `XXXX-WXX-${wd}${part ? 'T' + part : ''}` };
    // "The talks began March 3. The following Monday ...": the first such day after (before) the last day named.
    if (g['arel']) {
      const prev = env.documentPrev();
      const base = prev && /^\d{4}-\d{2}-\d{2}/.test(prev.value) ? dayOfValue(prev.value)! : env.dct;
      const after = g['arel'].toLowerCase() === 'following';
      const day = resolveWeekday(wd, base, after ? 'FUTURE' : 'PAST', after ? 'next' : 'last');
      const value = part ? `${formatYmd(day)}T${part}` : formatYmd(day);
      return { type: part ? 'TIME' : 'DATE', value, anchor: prev && base !== env.dct ? prev.index : 'article' };
    }
    const rel = relOf(g['rel']);
    // "Wednesday's ruling" names a day by its event, outside the clause's tense: the nearest such day.
    const possessive = /^['\u2019]s\b/.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    let tense = possessive && !part ? 'NONE' : env.tense();
    if ((tense === 'NONE' || tense === 'PRESENT') && !possessive && !rel && env.presentSchedules()) tense = 'FUTURE';
    // "Earlier Sunday" in a story dated Sunday is that day.
    const day = resolveWeekday(wd, env.dct, tense, rel);
    const certain = Boolean(rel) || tense === 'PAST' || tense === 'FUTURE';
    if (part) return { type: 'TIME', value: `${formatYmd(day)}T${part}`, anchor: 'article', certain };
    return { type: 'DATE', value: formatYmd(day), anchor: 'article', certain };
  },
};

const DAY_WORDS = `${WEEKDAY_RE}|today|yesterday|tomorrow|tonight`;
const clockTime: Rule = {
  // "10 p.m. Wednesday", "about 10:35 a.m.", "noon Thursday", "Friday at 5 p.m."
  name: 'clock-time',
  re: rx(
    `(?:(?<day0>${DAY_WORDS})\\s+at\\s+)?(?:(?:about|around|approximately|shortly\\s+(?:before|after)|just\\s+(?:before|after))\\s+)?` +
    `(?:(?<h>\\d{1,2})(?::(?<min>[0-5]\\d))?\\s*(?<mer>a\\.m\\.?|p\\.m\\.?|am|pm)|(?<noon>noon|midday|midnight))` +
    `(?:\\s+(?<tz>[A-Z][DS]?T|GMT|UTC))?(?:,?\\s+(?:on\\s+)?(?<day>${DAY_WORDS}))?`,
  ),
  accept(m) {
    const g = m.groups!;
    for (const k of ['day0', 'day']) if (g[k] && /^[a-z]/.test(g[k]!) && WEEKDAYS[g[k]!.toLowerCase()]) return false;
    if (g['h'] && (Number(g['h']) < 1 || Number(g['h']) > 12)) return false;
    if (g['mer'] && /^(am|pm)$/.test(g['mer']) && !/\d\s*$/.test(m[0].slice(0, m[0].indexOf(g['mer'])))) return false;
    return true;
  },
  resolve(m, env) {
    const g = m.groups!;
    let hour: number;
    let minute = 0;
    // Midnight closes the day it is named with: "midnight Friday" is Friday T24:00 (ISO 8601, as TimeML writes it).
    if (g['noon']) hour = g['noon'].toLowerCase() === 'midnight' ? 24 : 12;
    else {
      hour = Number(g['h']) % 12;
      if (/^p/i.test(g['mer']!)) hour += 12;
      minute = g['min'] ? Number(g['min']) : 0;
    }
    const day = namedDay((g['day'] ?? g['day0'])?.toLowerCase(), env);
    return { type: 'TIME', value: `${formatYmd(day)}T${pad(hour, 2)}:${pad(minute, 2)}`, anchor: 'article' };
  },
};
/** The day a clock time is told with ("yesterday", "Friday"); the article's day when none is. */
function namedDay(word: string | undefined, env: Env): Ymd {
  if (word === 'yesterday') return plusDays(env.dct, -1);
  if (word === 'tomorrow') return plusDays(env.dct, 1);
  if (word && WEEKDAYS[word]) return resolveWeekday(WEEKDAYS[word]!, env.dct, env.tense());
  return env.dct;
}
/** "0735 GMT", "1400 UTC Monday": wire copy's 24-hour clock; the zone tells it from a count ("1400 troops"). */
const zonedClock: Rule = {
  name: 'zoned-clock',
  re: rx(`(?<h>[01]\\d|2[0-3])(?<min>[0-5]\\d)\\s+(?:GMT|UTC)(?:,?\\s+(?:on\\s+)?(?<day>${DAY_WORDS}))?`, 'g'),
  accept: (m) => !m.groups!['day'] || !/^[a-z]/.test(m.groups!['day']) || !WEEKDAYS[m.groups!['day']],
  resolve(m, env) {
    const g = m.groups!;
    const day = namedDay(g['day']?.toLowerCase(), env);
    return { type: 'TIME', value: `${formatYmd(day)}T${g['h']}:${g['min']}`, anchor: 'article' };
  },
};

/** "mid-afternoon yesterday", "the morning of Friday", "at dawn Saturday": a part of a named day is a TIME. */
const partOfNamedDay: Rule = {
  name: 'part-of-named-day',
  re: rx(
    `(?:(?<mod>early|late|mid)[\\s-]+)?(?:the\\s+)?(?<part>morning|afternoon|evening|night|dawn|daybreak|dusk)\\s+(?:of\\s+)?(?<day>${WEEKDAY_RE}|yesterday|today|tomorrow)`,
  ),
  accept(m, text) {
    const g = m.groups!;
    // "the night of Friday, Oct. 23": the written date is the expression; the part of day is left outside it.
    if (new RegExp(`^,?\\s+${MONTH_RE}\\s+\\d`).test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return false;
    return !WEEKDAYS[g['day']!.toLowerCase()] || isCapitalised(g['day']!);
  },
  resolve(m, env) {
    const g = m.groups!;
    const w = g['day']!.toLowerCase();
    const partWord = g['part']!.toLowerCase();
    const part = PART_OF_DAY[partWord] ?? (partWord === 'dusk' ? 'EV' : 'MO');
    return { type: 'TIME', value: `${formatYmd(namedDay(w, env))}T${part}`, anchor: 'article' };
  },
};
/** "4 in the morning", "three in the afternoon", "10 o'clock at night": a clock time told with its part of day. */
const clockPartOfDay: Rule = {
  name: 'clock-part-of-day',
  re: rx(
    '(?<h>\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::(?<min>[0-5]\\d))?\\s+(?:o[\'\\u2019]clock\\s+)?' +
    '(?:in\\s+the\\s+(?<part>morning|afternoon|evening)|at\\s+(?<night>night))',
  ),
  // A clock reading follows "at", "by", "until" ...; "2 in the morning classes" counts something.
  accept: (m, text) => ['at', 'by', 'until', 'till', 'around', 'about', 'before', 'after', 'from', 'to', 'since', 'and', 'or']
    .includes(wordBefore(text, m.index)),
  resolve(m, env) {
    const g = m.groups!;
    const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
    const h0 = /^\d+$/.test(g['h']!) ? Number(g['h']) : words.indexOf(g['h']!.toLowerCase()) + 1;
    if (h0 < 1 || h0 > 12) return null;
    const part = (g['part'] ?? 'night').toLowerCase();
    // Morning hours as written (12 -> 0); afternoon and evening after noon; "at night" after 6 p.m., else small hours.
    const hour = part === 'morning' ? h0 % 12 : part === 'night' ? (h0 >= 6 && h0 < 12 ? h0 + 12 : h0 % 12) : (h0 % 12) + 12;
    const minute = g['min'] ? Number(g['min']) : 0;
    return { type: 'TIME', value: `${formatYmd(env.dct)}T${pad(hour, 2)}:${pad(minute, 2)}`, anchor: 'article' };
  },
};
/** "Shares fell Friday. Dealers placed orders in the morning": a part of the day last named. */
const partOfThatDay: Rule = {
  name: 'part-of-that-day',
  re: rx('the\\s+(?<part>morning|afternoon|evening)'),
  accept(m, text) {
    const before = wordBefore(text, m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    return ['in', 'during', 'by', 'until', 'till', 'through'].includes(before) && !/^\s*(?:of|after|before)\b/.test(after);
  },
  resolve(m, env) {
    // News paragraphs are a sentence or two: the day may be named in the paragraph before.
    const prev = env.paragraphPrev() ?? env.documentPrev();
    if (!prev || !/^\d{4}-\d{2}-\d{2}$/.test(prev.value)) return null; // no day to hang on: left unmarked
    return { type: 'TIME', value: `${prev.value}T${PART_OF_DAY[m.groups!['part']!.toLowerCase()]}`, anchor: prev.index };
  },
};
const dayWord: Rule = {
  // "today", "yesterday", "late yesterday", "this morning", "last night", "tonight", "yesterday afternoon"
  name: 'day-word',
  re: rx(
    '(?:(?<mod>early|late|earlier|later)\\s+)?(?:(?<w>today|yesterday|tomorrow|tonight)(?:\\s+(?<part>morning|afternoon|evening|night))?' +
    '|(?<w2>this|last|tomorrow|yesterday)\\s+(?<part2>morning|afternoon|evening|night)|the\\s+day\\s+(?<ba>before\\s+yesterday|after\\s+tomorrow))',
  ),
  resolve(m, env) {
    const g = m.groups!;
    const w = (g['w'] ?? g['w2'] ?? '').toLowerCase();
    let part = g['part'] ?? g['part2'];
    let day = env.dct;
    if (w === 'yesterday') day = plusDays(env.dct, -1);
    if (w === 'tomorrow') day = plusDays(env.dct, 1);
    if (w === 'last') day = plusDays(env.dct, g['part2']?.toLowerCase() === 'night' ? -1 : -1);
    if (w === 'tonight') part = 'night';
    if (g['ba']) day = plusDays(env.dct, g['ba'].toLowerCase().startsWith('before') ? -2 : 2);
    if (w === 'today' && !part && !g['mod'] && isGenericToday(m, env.text)) {
      return { type: 'DATE', value: 'PRESENT_REF', anchor: 'article' };
    }
    if (part) return { type: 'TIME', value: `${formatYmd(day)}T${PART_OF_DAY[part.toLowerCase()]}`, anchor: 'article' };
    return { type: 'DATE', value: formatYmd(day), anchor: 'article' };
  },
};
/** "today's world", "the companies of today": generic present, not the day. */
function isGenericToday(m: RegExpExecArray, text: string): boolean {
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 10);
  return /^['\u2019]s\s+(?:world|society|economy|youth|generation|standards|children|market|technology)/i.test(after);
}

/** "a year ago" and "a year earlier" -> "1 year": the stretch an ago/earlier expression counts back. */
function amountOf(text: string): string | null {
  const m = new RegExp(`(${NUM_RE})\\s+(?:more\\s+)?(${UNITS})\\s+(?:ago|earlier|before)\\b`, 'i').exec(text);
  if (!m) return null;
  return `${parseNumber(m[1]!)} ${unitOf(m[2]!)}`;
}
const agoLater: Rule = {
  // "two years ago", "a year earlier", "three days later", "nearly four years ago", "a few years ago"
  name: 'ago-later',
  re: rx(
    `(?<approx>${APPROX})(?:(?<num>${NUM_RE})(?:\\s+or\\s+so)?\\s+(?:more\\s+)?|(?<bare>))(?<unit>${UNITS})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|from\\s+now|hence)` +
    '(?=\\s*(?:[.,;:)\\u201d"\'!?]|$|and\\b|but\\b|when\\b|as\\b|in\\b|on\\b|at\\b|to\\b|the\\b|he\\b|she\\b|they\\b|it\\b|we\\b|I\\b|a\\b|with\\b|by\\b|for\\b|of\\b|that\\b|[A-Z]))',
  ),
  accept(m) {
    const g = m.groups!;
    const dir = g['dir']!.toLowerCase();
    if ((dir === 'before' || dir === 'after') && g['bare'] !== undefined) return false;
    return true;
  },
  resolve(m, env) {
    const g = m.groups!;
    const unit = unitOf(g['unit']!);
    if (!unit) return null;
    const dir = g['dir']!.toLowerCase().replace(/\s+/g, ' ');
    const back = dir === 'ago' || dir === 'earlier' || dir === 'before';
    const n = g['num'] !== undefined ? parseNumber(g['num']) : 'X';
    if (n === null) return null;
    if (n === 'X' || unit === 'hour' || unit === 'minute' || unit === 'second') {
      if (n === 'X') {
        // "years ago" / "weeks from now" point from the article date: PAST_REF / FUTURE_REF. "A few days later" and
        // "weeks earlier" count from another event, not from now: an unspecified stretch, DURATION PXD/PXW.
        if (dir === 'ago' || dir === 'from now' || dir === 'hence') return { type: 'DATE', value: back ? 'PAST_REF' : 'FUTURE_REF', anchor: 'article' };
        return { type: 'DURATION', value: durationValue('X', unit)! };
      }
      return { type: 'DURATION', value: durationValue(n, unit)! };
    }
    if (!Number.isInteger(n)) return null;
    const relativeToPrev = dir === 'earlier' || dir === 'later' || dir === 'before' || dir === 'after';
    const prev = relativeToPrev ? env.paragraphPrev() : null;
    const sign = back ? -1 : 1;
    // Earnings copy: "a year earlier" compares with the period just named: a quarter -> that quarter a year before.
    if (unit === 'year' && n === 1 && back) {
      const y = yearBeforePeriod(env);
      if (y) return y;
    }
    // "C$2.3 million a year ago. Sales were C$348 million against C$307 million a year earlier": the same stretch
    // back, restated; it names the same time, not one a year before that.
    if (prev && back && prev.rule === 'ago-later' && amountOf(prev.text ?? '') === amountOf(m[0])) {
      return { type: 'DATE', value: prev.value, anchor: prev.index };
    }
    const base = prev ? dayOfValue(prev.value) : null;
    const anchorDay = base ?? env.dct;
    // "a decade ago" is a year (2009), not a decade: TimeML keeps the granularity of a year count.
    const value = unit === 'decade' || unit === 'century'
      ? shiftedValue(anchorDay, 'year', sign * n * (unit === 'decade' ? 10 : 100))
      : shiftedValue(anchorDay, unit, sign * n);
    if (!value) return null;
    return { type: 'DATE', value, anchor: base && prev ? prev.index : 'article' };
  },
};

const anaphoric: Rule = {
  // "the next day", "that day", "the following week", "later that year", "the previous month"
  name: 'anaphoric',
  re: rx(
    '(?:(?<mod>earlier|later|early|late)\\s+)?(?<rel>that\\s+same|that|the\\s+same|the\\s+next|the\\s+following|the\\s+previous|the\\s+preceding|the\\s+prior)' +
    '\\s+(?<unit>day|morning|afternoon|evening|night|week|weekend|month|year)' +
    // "The day before, crowds gathered": standing alone (no event after it), it counts from the last date named.
    '|(?<the2>the)\\s+(?<unit2>day|week|month|year)\\s+(?<ba>before|after|earlier|later)(?=\\s*[,.;:]|\\s+(?:he|she|they|it|we|police|officials)\\b)',
  ),
  accept(m, text) {
    // "that day" as a demonstrative inside "the day that day-care ..." is rare; "that year's" is fine.
    return !/^\s*(?:of|when|in which)\b/.test(text.slice(m.index + m[0].length)) || /day|year/.test(m.groups!['unit']!);
  },
  resolve(m, env) {
    const g = m.groups!;
    const ba = g['ba']?.toLowerCase();
    const rel = ba ? (ba === 'before' || ba === 'earlier' ? 'the previous' : 'the next') : g['rel']!.toLowerCase().replace(/\s+/g, ' ');
    const unitWord = (g['unit'] ?? g['unit2'])!.toLowerCase();
    const part = PART_OF_DAY[unitWord];
    const unit: Unit = part ? 'day' : unitOf(unitWord)!;
    const n = rel === 'the next' || rel === 'the following' ? 1 : rel === 'that' || rel === 'the same' || rel === 'that same' ? 0 : -1;
    const prev = env.documentPrev();
    const base = prev ? dayOfValue(prev.value) : null;
    if (ba && !base) return null; // "the day before" with nothing named before it hangs on an event we cannot date
    if (!base && n === 0) return null;
    // "last October ... that same day": the day hangs on a month (or year) whose day is not given; its value says
    // so (1998-10-XX) rather than inventing the 1st.
    if (prev && base && unit === 'day' && !/^\d{4}-\d{2}-\d{2}/.test(prev.value)) {
      const coarse = /^\d{4}-\d{2}$/.test(prev.value) && n === 0 ? `${prev.value}-XX` : /^\d{4}$/.test(prev.value) && n === 0 ? `${prev.value}-XX-XX` : null;
      return coarse ? { type: 'DATE', value: coarse, anchor: prev.index } : null;
    }
    const value = shiftedValue(base ?? env.dct, unit, n);
    if (!value) return null;
    return {
      type: part && unitWord !== 'morning' ? 'TIME' : 'DATE',
      value: part && unitWord !== 'morning' ? `${value}T${part}` : value,
      anchor: base && prev ? prev.index : 'article',
    };
  },
};

/** "the day before last Tuesday's hearing", "the day after Nov. 3": one DATE, a day off the day it names. */
const dayBeforeDate: Rule = {
  name: 'day-before-date',
  re: rx(`the\\s+day\\s+(?<ba>before|after)\\s+(?:(?<rel>last|next|this)\\s+(?<wd>${WEEKDAY_RE})|(?<mon>${MONTH_RE})\\s+(?<day>\\d{1,2})(?!\\d))`),
  accept: (m) => isCapitalised(m.groups!['wd'] ?? m.groups!['mon']!),
  resolve(m, env) {
    const g = m.groups!;
    const shift = g['ba']!.toLowerCase() === 'before' ? -1 : 1;
    let base: Ymd;
    if (g['wd']) base = resolveWeekday(WEEKDAYS[g['wd'].toLowerCase()]!, env.dct, env.tense(), relOf(g['rel']));
    else {
      const mon = monthNumber(g['mon']!);
      const d = Number(g['day']);
      if (!mon) return null;
      const y = yearForDay(mon, d, m.index, env);
      if (!isRealDay(y, mon, d)) return null;
      base = { y, m: mon, d };
    }
    return { type: 'DATE', value: formatYmd(plusDays(base, shift)), anchor: 'article' };
  },
};

const relativePeriod: Rule = {
  // "last week", "this month", "next year", "earlier this month", "early next year", "last summer", "this century"
  name: 'relative-period',
  re: rx(
    '(?:(?<mod>early|late|earlier|later|mid|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of|the\\s+rest\\s+of|the\\s+remainder\\s+of|the\\s+first\\s+half\\s+of|the\\s+second\\s+half\\s+of)[\\s-]+)?' +
    '(?<rel>this\\s+past|last|this|next|past|previous|coming|current|the\\s+current|the\\s+coming|the\\s+next)\\s+' +
    '(?<unit>week|weekend|month|year|quarter|decade|century|summer|winter|spring|fall|autumn)(?:\\s+(?<ordq>(?:first|second|third|fourth)\\s+quarter))?',
  ),
  accept(m, text) {
    // "next year's budget" is fine; "the next year" after "for" is a duration handled by its own rule.
    const rel = m.groups!['rel']!.toLowerCase();
    if (rel === 'the next' && ['for', 'over', 'during', 'within', 'throughout'].includes(wordBefore(text, m.index))) return false;
    return true;
  },
  resolve(m, env) {
    const g = m.groups!;
    const relWord = g['rel']!.toLowerCase().replace(/\s+/g, ' ');
    const rel = relOf(relWord)!;
    const n = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
    const unitWord = g['unit']!.toLowerCase();
    const season = SEASONS[unitWord];
    if (season) return { type: 'DATE', value: resolveSeason(season, env.dct, env.tense(), rel), anchor: 'article' };
    const unit = unitOf(unitWord)!;
    if (relWord === 'past' && ['decade', 'century'].includes(unit)) {
      return { type: 'DURATION', value: durationValue(1, unit)! };
    }
    if (unit === 'weekend') {
      // The weekend before (or after) the article's day, named by its ISO week.
      const sat = resolveWeekday(6, env.dct, n === 0 ? env.tense() : 'NONE', n === 0 ? undefined : n < 0 ? 'last' : 'next');
      return { type: 'DATE', value: `${isoWeekValue(sat)}-WE`, anchor: 'article' };
    }
    if (g['ordq']) {
      const q = ORDINALS[g['ordq'].split(/\s+/)[0]!.toLowerCase()]!;
      return { type: 'DATE', value: quarterValue(env.dct.y + n, q), anchor: 'article' };
    }
    // Earnings copy: "compared with a loss of $3 million last year" beside a quarter means that quarter a year before.
    if (unit === 'year' && n === -1 && !g['mod']) {
      // The amount must be in the same sentence: "... from Hugo. Last year catastrophe losses ..." opens on the year.
      const before = env.text.slice(Math.max(0, m.index - 45), m.index).split(/[.!?]["'\u201d]?\s+(?=[A-Z"'\u201c]|$)/).pop()!;
      const y = /\$|million|billion|cents|a share|%/.test(before) ? yearBeforePeriod(env) : null;
      if (y) return y;
    }
    const value = shiftedValue(env.dct, unit, n);
    return value ? { type: 'DATE', value, anchor: 'article' } : null;
  },
};

const pastPeriod: Rule = {
  // "the past year", "the last decade", "over the past week" -> DURATION P1Y ...
  name: 'past-period',
  // "the previous quarter" is the context-quarter rule's: the one before the story's quarter.
  re: rx('the\\s+(?:(?<rel>past|last|previous|next|coming)\\s+(?<unit>week|month|year|decade|century)(?<half>\\s+and\\s+a\\s+half)?|(?<qrel>past|last|next|coming)\\s+(?<qunit>quarter))'),
  resolve(m, env) {
    const g = m.groups!;
    const unit = unitOf((g['unit'] ?? g['qunit'])!)!;
    const rel = (g['rel'] ?? g['qrel'])!.toLowerCase();
    if (rel === 'last' && unit === 'quarter') {
      const q = contextQuarter(env);
      return { type: 'DATE', value: quarterValue(q.y, q.q), anchor: 'article' };
    }
    // "the past year and a half": eighteen months.
    return { type: 'DURATION', value: durationValue(g['half'] ? 1.5 : 1, unit)! };
  },
};

const ordinalQuarter: Rule = {
  // "the third quarter", "third-quarter", "the fourth quarter of 1998", "the fiscal first quarter", "1998 first quarter"
  name: 'quarter',
  re: rx(
    '(?:(?<the>the)\\s+)?(?:(?<ya>year-earlier|year-ago|prior-year|year-before)\\s+)?(?:(?<y1>(?:19|20)\\d{2})\\s+)?(?:(?<rel>this|last|next)\\s+year[\'\\u2019]s\\s+)?(?:fiscal[\\s-]+)?(?:(?<y2>(?:19|20)\\d{2})\\s+)?' +
    '(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|last(?=[\\s-]half\\s+of\\s+(?:fiscal\\s+)?(?:(?:19|20)\\d{2}|this\\s+year|last\\s+year|next\\s+year)))(?<sep>[\\s-])(?<unit>quarter|half)' +
    '(?:\\s+of\\s+(?:fiscal\\s+)?(?:(?<y3>(?:19|20)\\d{2})|(?<rel2>this|last|next)\\s+year|(?<theYear>the\\s+year)))?',
  ),
  resolve(m, env) {
    const g = m.groups!;
    const half = g['unit']!.toLowerCase() === 'half';
    // "the last half of 1989" is its second half; "the last quarter" is left to the context-quarter rule.
    const ord = g['ord']!.toLowerCase() === 'last' ? 2 : ORDINALS[g['ord']!.toLowerCase()]!;
    if (!ord) return null;
    if (half && ord > 2) return null;
    const yearText = g['y1'] ?? g['y2'] ?? g['y3'];
    const rel = g['rel'] ?? g['rel2'];
    let y: number;
    if (yearText) y = Number(yearText);
    else if (rel) y = env.dct.y + (rel.toLowerCase() === 'last' ? -1 : rel.toLowerCase() === 'next' ? 1 : 0);
    // "the second half of the year" names the article's year, as "the year" alone does.
    else if (g['theYear']) y = env.dct.y;
    else y = half ? (ord === 2 && env.dct.m <= 6 && env.tense() !== 'FUTURE' ? env.dct.y - 1 : env.dct.y)
      : yearForQuarter(ord, env.dct, env.tense());
    // "the year-earlier third quarter": the same quarter a year back; it does not become the story's quarter.
    if (g['ya']) {
      y -= 1;
      return { type: 'DATE', value: half ? `${pad(y, 4)}-H${ord}` : quarterValue(y, ord), anchor: 'article', derived: true };
    }
    return { type: 'DATE', value: half ? `${pad(y, 4)}-H${ord}` : quarterValue(y, ord), ...(yearText ? {} : { anchor: 'article' as const }) };
  },
};

const QUARTER_ENDED = new RegExp(
  `^\\s*,?\\s*(?:that\\s+|which\\s+)?(?:ended|ending|ends)\\s+(?:(?<mon>${MONTH_RE})\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(?<year>(?:19|20)\\d{2}))?|(?<rel>yesterday|today))`,
);
/**
 * The calendar quarter of a three-month stretch that ends on the date written after it ("ended Sept. 30" -> Q3,
 * "ended July 31" -> Q2: May-July lies mostly in the second quarter); a date in a month's first days ends the month
 * before ("ended Oct. 1" -> Q3). null when no end date follows.
 */
function quarterEndedBy(after: string, dct: Ymd): string | null {
  const e = QUARTER_ENDED.exec(after);
  if (!e) return null;
  const g = e.groups!;
  let y: number;
  let mon: number;
  let day: number;
  if (g['rel']) {
    const d = g['rel'].toLowerCase() === 'yesterday' ? plusDays(dct, -1) : dct;
    ({ y, m: mon, d: day } = d);
  } else {
    mon = monthNumber(g['mon']!)!;
    day = Number(g['day']);
    if (!mon || !isRealDay(2000, mon, day)) return null;
    // "ended" is certain past: a quarter that ended Jan. 31, told in October, closed in January of this year.
    const ended = /\bended\b/i.test(e[0]);
    y = g['year'] ? Number(g['year']) : yearForMonthDay(mon, day, dct, ended ? 'PAST' : 'NONE', ended);
  }
  return quarterClosedBy(y, day <= 10 ? mon - 1 : mon);
}
/** The calendar quarter of the three months ending with `lastMonth` of year `y`: the one its middle month is in. */
function quarterClosedBy(y: number, lastMonth: number): string {
  const middle = lastMonth - 1;
  return middle < 1 ? quarterValue(y - 1, quarterOf(middle + 12)) : quarterValue(y, quarterOf(middle));
}
/** "the September quarter", "the June quarter": the three months that end in that month, as financial copy names them. */
const monthQuarter: Rule = {
  name: 'month-quarter',
  re: rx(`the\\s+(?<mon>${FULL_MONTH_RE})[\\s-]quarter`),
  accept: (m) => isCapitalised(m.groups!['mon']!),
  resolve(m, env) {
    const mon = monthNumber(m.groups!['mon']!)!;
    // Named by its last month, like "the quarter ended Sept. 30".
    return { type: 'DATE', value: quarterClosedBy(yearForMonth(mon, env.dct, env.tense()), mon), anchor: 'article' };
  },
};
const contextQuarterRule: Rule = {
  // "the quarter", "the latest quarter", "the year-ago quarter", "the same period", "the latest period"
  name: 'context-quarter',
  re: rx(
    '(?:the\\s+(?<rel>latest|current|same|recent|most\\s+recent|just-ended|just\\s+ended|year-ago|year-earlier|year\\s+earlier|prior-year|previous|prior|preceding|comparable(?:\\s+year-ago)?|corresponding|(?:19|20)\\d\\d)?\\s*|(?<lys>last\\s+year[\\u2019\\x27]s)\\s+)' +
    '(?:fiscal\\s+)?(?<unit>quarter|period)(?<ly>\\s+(?:last\\s+year|a\\s+year\\s+(?:ago|earlier)))?',
  ),
  accept(m) {
    const g = m.groups!;
    // "the prior period" may be the year-ago one or the one just before: too loose to date.
    if (g['unit']!.toLowerCase() === 'period' && /^(?:prior|preceding)$/i.test(g['rel'] ?? '')) return false;
    return g['unit']!.toLowerCase() === 'quarter' || Boolean(g['rel']) || Boolean(g['lys']);
  },
  resolve(m, env) {
    const g = m.groups!;
    const rel = (g['rel'] ?? '').toLowerCase();
    // "the latest quarter" is the one the story reports on: the last named, else the last completed.
    // "the quarter ended July 31", no quarter named before: its end date says which calendar quarter it is. After a
    // fiscal one ("its fiscal first quarter ended Sept. 29 ... the quarter"), the story keeps the fiscal count.
    if (g['unit']!.toLowerCase() === 'quarter' && !env.quarterPrev() && !g['ly'] && !g['lys'] && ['', 'latest', 'recent', 'most recent', 'just-ended', 'just ended'].includes(rel)) {
      const ended = quarterEndedBy(env.text.slice(m.index + m[0].length, m.index + m[0].length + 40), env.dct);
      if (ended) return { type: 'DATE', value: ended, anchor: 'article' };
    }
    const q = contextQuarter(env);
    const anchor = q.index ?? 'article';
    // "In the first nine months, net was $306 million, against a loss in the 1988 period": a period compares with
    // the run of months named last, not with the story's quarter; its year is all the value can say.
    const last = env.periodPrev();
    if (g['unit']!.toLowerCase() === 'period' && last && last.kind === 'months' && (q.index === undefined || last.index > q.index)) {
      if (/^\d{4}$/.test(rel)) return { type: 'DATE', value: rel, anchor: last.index };
      if (/year|prior|comparable/.test(rel) || g['ly'] || g['lys']) return { type: 'DATE', value: pad(env.dct.y - 1, 4), anchor: last.index };
    }
    if (/^\d{4}$/.test(rel)) {
      const y = Number(rel);
      return { type: 'DATE', value: quarterValue(y, q.q), anchor, derived: y !== q.y };
    }
    // "last year's quarter", "the quarter a year ago": the story's quarter a year back.
    if (g['ly'] || g['lys'] || rel === 'corresponding') return { type: 'DATE', value: quarterValue(q.y - 1, q.q), anchor, derived: true };
    if (rel === 'current') {
      return { type: 'DATE', value: quarterValue(env.dct.y, quarterOf(env.dct.m)), anchor: 'article' };
    }
    // "from the previous quarter": the one before the story's quarter; with no quarter named, the last one completed.
    if (/^(?:previous|prior|preceding)$/.test(rel)) {
      if (q.index === undefined) return { type: 'DATE', value: quarterValue(q.y, q.q), anchor };
      return { type: 'DATE', value: shiftedValue({ y: q.y, m: q.q * 3, d: 1 }, 'quarter', -1)!, anchor, derived: true };
    }
    if (/year|prior|comparable/.test(rel) || (rel === 'same' && g['unit']!.toLowerCase() === 'period')) {
      return { type: 'DATE', value: quarterValue(q.y - 1, q.q), anchor, derived: true };
    }
    return { type: 'DATE', value: quarterValue(q.y, q.q), anchor };
  },
};

const yearAgoAdj: Rule = {
  // "year-earlier", "year-ago" as adjectives: "from year-earlier levels"
  name: 'year-ago',
  re: rx('year-(?:earlier|ago)|year\\s+earlier(?=\\s+(?:levels?|figures?|results?|profits?|earnings|sales|net))'),
  resolve(m, env) {
    return yearBeforePeriod(env) ?? { type: 'DATE', value: pad(env.dct.y - 1, 4), anchor: 'article' };
  },
};

const qNotation: Rule = {
  name: 'q-notation',
  re: new RegExp(L + '(?:(?<y1>(?:19|20)\\d{2})[\\s-])?Q(?<q>[1-4])(?:[\\s-](?<y2>(?:19|20)\\d{2}))?' + R, 'g'),
  resolve(m, env) {
    const g = m.groups!;
    const q = Number(g['q']);
    const yt = g['y1'] ?? g['y2'];
    return { type: 'DATE', value: quarterValue(yt ? Number(yt) : yearForQuarter(q, env.dct, env.tense()), q) };
  },
};

const year: Rule = {
  // "in 2018", "fiscal 1989", "mid-1999", "the end of 1998", "the year 2000"
  name: 'year',
  re: rx(
    '(?:(?<mod>early|mid|late|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of|the\\s+year|the\\s+spring\\s+of|the\\s+summer\\s+of|the\\s+fall\\s+of|the\\s+winter\\s+of)[\\s-]+)?' +
    '(?:(?<fiscal>fiscal)\\s+(?:year\\s+)?)?(?<y>(?:1[5-9]|20)\\d{2})(?![.,:/]\\d|-\\d|\\s*(?:%|percent))',
  ),
  accept(m, text) {
    const g = m.groups!;
    if (g['mod'] || g['fiscal']) return true;
    const before = wordBefore(text, m.index);
    // "in 1898": a year before 1900 only after a word that introduces a time, not as a count.
    if (Number(g['y']) < 1900 && !['in', 'since', 'until', 'by', 'from', 'before', 'after', 'between'].includes(before)) return false;
    const after = wordAfter(text, m.index + m[0].length);
    if (/[$£€#]$/.test(before) || /\d[.,]?$/.test(before)) return false;
    if (before === 'at' && !/^\s+(?:levels?|prices)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return false; // "closed at 2082"
    if (COUNT_NOUNS.has(after)) return false;
    if (['than', 'nearly', 'almost', 'some', 'approximately', 'no.', 'number', 'route', 'flight', 'room', 'highway', 'page',
      'interstate', 'rule', 'resolution', 'article', 'section', 'chapter', 'model', 'version', 'boeing', 'airbus',
      'windows', 'code', 'pages', 'just', 'only', 'least', 'top'].includes(before)) return false;
    return true;
  },
  resolve(m, env) {
    const g = m.groups!;
    const mod = (g['mod'] ?? '').toLowerCase();
    const season = /the\s+(spring|summer|fall|winter)\s+of/.exec(mod);
    if (season) return { type: 'DATE', value: `${g['y']}-${SEASONS[season[1]!]}` };
    // "closed at 2082", "rose to 2135": a level, not a year; a year that far ahead is a number unless a time word
    // ("in 2050", "by 2100") introduces it.
    if (!mod && !g['fiscal'] && Number(g['y']) > env.dct.y + 25
      && !['in', 'by', 'until', 'till', 'through', 'before', 'after', 'since', 'the', 'year'].includes(wordBefore(env.text, m.index))) return null;
    return { type: 'DATE', value: g['y']! };
  },
};

const decade: Rule = {
  // "the 1990s", "the late 1970s", "the '90s", "early 2000s"
  name: 'decade',
  re: rx("(?:the\\s+)?(?:(?<mod>early|mid|late)[\\s-]+)?(?:(?<d>(?:1[0-9]|20)\\d)0|['\\u2019](?<d2>\\d)0)['\\u2019]?s"),
  resolve(m) {
    const g = m.groups!;
    const stem = g['d'] ?? (Number(g['d2']) >= 3 ? `19${g['d2']}` : `20${g['d2']}`);
    return { type: 'DATE', value: `${stem}X` };
  },
};

const century: Rule = {
  // "the 20th century", "the nineteenth century", "21st-century"
  name: 'century',
  re: rx(
    '(?:the\\s+)?(?:(?<mod>early|mid|late)[\\s-]+)?(?<n>\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\\s-]century',
  ),
  resolve(m) {
    const raw = m.groups!['n']!.toLowerCase();
    const n = /^\d/.test(raw) ? parseInt(raw, 10) : ORDINALS[raw];
    if (!n || n < 1 || n > 30) return null;
    return { type: 'DATE', value: pad(n - 1, 2) };
  },
};

const seasonRule: Rule = {
  // "this summer", "last fall", "in the spring", "summer 1998", "the winter of 2019"
  name: 'season',
  re: rx(
    '(?:(?<the>the)\\s+)?(?:(?<mod>early|mid|late)[\\s-]+)?(?:(?<rel>this|last|next|past|coming)\\s+)?(?<s>spring|summer|fall|autumn|winter)' +
    '(?:,?\\s+(?:of\\s+)?(?<y>(?:19|20)\\d{2}))?',
  ),
  accept(m, text) {
    const g = m.groups!;
    if (g['y'] || g['rel']) return true;
    const before = wordBefore(text, m.index);
    const after = wordAfter(text, m.index + m[0].length);
    if (g['s']!.toLowerCase() === 'fall' && !g['the'] && !g['mod']) return false;
    if (after === 'of') return false;
    if (g['the'] || g['mod']) return ['in', 'into', 'during', 'by', 'until', 'since', 'through', 'over', 'this', 'for', 'before', 'after', 'early', 'late', 'till', 'throughout'].includes(before) || Boolean(g['mod']);
    return ['in', 'during', 'until', 'since', 'through', 'till'].includes(before);
  },
  resolve(m, env) {
    const g = m.groups!;
    const s = SEASONS[g['s']!.toLowerCase()]!;
    if (g['y']) return { type: 'DATE', value: `${g['y']}-${s}` };
    return { type: 'DATE', value: resolveSeason(s, env.dct, env.tense(), relOf(g['rel'])), anchor: 'article' };
  },
};

/** Words that may follow "the near term" as a time: a conjunction, a verb, a preposition. */
const TERM_FOLLOWERS = new Set([
  'and', 'or', 'but', 'as', 'is', 'are', 'was', 'were', 'will', 'would', 'because', 'if', 'when', 'while', 'to',
  'than', 'at', 'in', 'for', 'despite', 'though', 'although', 'unless',
]);
const refs: Rule = {
  // "now", "currently", "recently", "the past", "the future", "soon", "in recent years"
  name: 'ref',
  re: rx(
    '(?<present>right\\s+now|just\\s+now|now|currently|presently|nowadays|these\\s+days|the\\s+moment|the\\s+present|present\\s+day|current)' +
    // "in recent months", "in coming weeks", "the weeks ahead": an unspecified stretch, as TBAQ marks them (PXM, PXW);
    // "in recent years" stays PAST_REF, as TBAQ marks it (3 of 5 on the development part).
    '|(?<span>(?:the\\s+)?(?:most\\s+)?(?:recent\\s+(?<unit>days|weeks|months)|coming\\s+(?<unit3>days|weeks|months|years))|the\\s+(?<unit2>years|days|weeks|months)\\s+ahead)' +
    // "the then-current price": the present of a time gone by.
    '|(?<past>(?:more\\s+|until\\s+|only\\s+|most\\s+)?recently|lately|the\\s+past|recent\\s+(?:times|years|decades)|recent|then[\\s-]current|once\\s+upon\\s+a\\s+time)' +
    // "in the near term", "over the long term": the future, told without a date.
    '|(?<future>the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+|immediate\\s+)?future|(?<term>the\\s+(?:near|short|long|longer)\\s+term))',
  ),
  accept(m, text) {
    const g = m.groups!;
    const w = m[0].toLowerCase();
    const after = wordAfter(text, m.index + m[0].length);
    const before = wordBefore(text, m.index);
    if (w === 'the moment') return before === 'at' || before === 'for';
    // "the near term" standing as a time; "the short term rate" is a kind of rate.
    if (g['term']) return !/^\s+[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))
      || TERM_FOLLOWERS.has(after);
    if (w === 'the present') return before === 'at' || before === 'until' || before === 'to';
    if (w === 'current') return !['account', 'accounts', 'affairs', 'events', 'quarter', 'period', 'year', 'month', 'week', 'fiscal', 'calendar'].includes(after)
      && /^\s+[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    if (w === 'recent') return !['years', 'days', 'weeks', 'months'].includes(after) && /^\s+[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    if (w === 'the past') {
      // "the past" alone; "the past two years" is a duration.
      return !/^\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|decade|century|quarter|weekend|hour|generation|summer|winter|spring|fall)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 14));
    }
    if (w === 'now' && /^[-\u2013]/.test(text.slice(m.index + m[0].length))) return false;
    void g;
    return true;
  },
  resolve(m) {
    const g = m.groups!;
    const w = m[0].toLowerCase();
    if (g['span']) {
      const v = durationValue('X', unitOf(g['unit'] ?? g['unit2'] ?? g['unit3']!)!);
      return v ? { type: 'DURATION', value: v } : null;
    }
    if (g['present']) return { type: 'DATE', value: 'PRESENT_REF', anchor: 'article' };
    if (g['past']) return { type: 'DATE', value: 'PAST_REF', anchor: 'article' };
    if (/coming|next few|ahead/.test(w)) return { type: 'DATE', value: 'FUTURE_REF', anchor: 'article' };
    return { type: 'DATE', value: 'FUTURE_REF', anchor: 'article' };
  },
};

const duration: Rule = {
  // "two years", "the past two months", "the first nine months", "a two-year contract", "nearly an hour"
  name: 'duration',
  re: rx(
    // "the eight-year war": a hyphenated length modifies the noun, so "the" is the noun's, outside the TIMEX3.
    `(?:(?<the>the)\\s+(?:(?<rel>first|past|last|next|coming|previous|final|following|latest|remaining|initial|other|same|year-earlier|year-ago|comparable|corresponding)\\s+|(?!${NUM_RE}-${UNITS}(?:-long)?\\s)))?` +
    `(?<approx>${APPROX})(?<num>${NUM_RE})(?:[\\s-]+(?:more|additional|straight|consecutive|full|whole|entire|long|extra))?[\\s-]+(?<unit>${UNITS})` +
    '(?:(?<and>\\s+and\\s+a\\s+half)|-(?<adj>old|long))?',
  ),
  accept(m, text) {
    const g = m.groups!;
    const num = g['num']!.toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // "the first two days" is fine; "one day" as "some day" in "one day he would" is not a length.
    if (g['adj']?.toLowerCase() === 'old') return false; // ages ("a 6-year-old boy") are not tagged
    if (/^years?$/i.test(g['unit']!) && /^[\s-]+(?:old|of\s+age)\b/.test(after)) return false; // "52 years old"
    // "A second round", "one second-hand": "second" after "a"/"one" is the ordinal unless a unit reading is forced.
    if (/^seconds?$/i.test(g['unit']!) && /^(?:a|an|one)$/.test(num) && /^[\s-]+[a-z]/i.test(after) && !/^\s+(?:later|ago|earlier|before|after)\b/.test(after)) return false;
    // "three-quarters of the vote" is a fraction; "several quarters of losses" is a stretch of time.
    // "three consecutive quarters of growth" counts time: a fraction is never "consecutive".
    if (/^quarters?$/i.test(g['unit']!) && /^\s*of\b/.test(after) && !/\b(?:consecutive|straight)\b/i.test(m[0])
      && (/-quarters?$/i.test(m[0]) || /^(?:an?|one|two|three|[123])$/.test(num) || /^\s*of\s+(?:the|a|an|its|their|his|her|all|those|these|our|that|this|it|them)\b/i.test(after))) return false;
    if (num === 'one' && /^day$/i.test(g['unit']!) && !g['the'] && !g['approx'] && !/-/.test(m[0])) {
      return /^\s*(?:of|in|,|\.|later|after|before|to|for|and)/.test(after) === false ? false : !/^\s*,/.test(after);
    }
    // "second" is an ordinal, not a unit, in "the second half"; the unit must be a real unit after a number.
    if (/^\d+(\.\d+)?$/.test(num) && /^(?:[.,]\d|%)/.test(after)) return false;
    return true;
  },
  resolve(m, env) {
    const g = m.groups!;
    const unit = unitOf(g['unit']!);
    if (!unit) return null;
    let n = parseNumber(g['num']!);
    if (n === null) return null;
    if (g['and'] && n !== 'X') n += 0.5;
    const num = g['num']!.toLowerCase();
    const plural = /s$/i.test(g['unit']!) && !/^centur/i.test(g['unit']!) || /centuries/i.test(g['unit']!);
    if ((num === 'a' || num === 'an') && !g['the'] && !g['approx'] && isRateContext(env.text, m.index)) {
      return { type: 'SET', value: durationValue(1, unit)! };
    }
    if (n === 1 && plural) return null;
    return { type: 'DURATION', value: durationValue(n, unit)! };
  },
};
/** "$1 billion a year", "twice a week", "50,000 CDs a year": the "a UNIT" is a rate (SET), not a length. */
function isRateContext(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const w = wordBefore(text, start);
  if (/\b(?:once|twice|thrice|times)\s*$/i.test(before)) return true;
  if (/\d\s*$|(?:million|billion|trillion|percent|%)\s*$/i.test(before)) return true;
  if (/^[a-z]+s$/.test(w) && !['was', 'is', 'has', 'its', 'this', 'lasts', 'takes', 'as', 'his', 'us', 'less', 'plus', 'across', 'towards', 'years', 'months', 'days', 'weeks', 'hours', 'minutes'].includes(w)) return true;
  return false;
}

/** "post-1959 politics", "pre-1990 levels": the year inside a prefixed adjective is a DATE (the prefix stays out). */
const prefixedYear: Rule = {
  name: 'prefixed-year',
  re: /(?<=\b(?:post|pre)-)(?:1[6-9]|20)\d{2}(?![\w-])/gi,
  resolve: (m) => ({ type: 'DATE', value: m[0] }),
};
/** "a quarter century", "half a century", "a quarter-century ago": 25 and 50 years, not a quarter (P1Q). */
const fractionCentury: Rule = {
  name: 'fraction-century',
  re: rx(`(?<approx>${APPROX})(?:(?:a|one)\\s+(?<frac>quarter|half)[\\s-]+century|(?<half>half)\\s+a\\s+century)(?<ago>\\s+ago)?`),
  resolve(m, env) {
    const g = m.groups!;
    const years = g['frac']?.toLowerCase() === 'quarter' ? 25 : 50;
    if (g['ago']) return { type: 'DATE', value: pad(env.dct.y - years, 4), anchor: 'article' };
    return { type: 'DURATION', value: `P${years}Y` };
  },
};
/** "the first two quarters of 1990" is that year's first half (1990-H1); "the last two quarters" its second. */
const twoQuarters: Rule = {
  name: 'two-quarters',
  re: rx('(?:the\\s+)?(?<fl>first|last|final)\\s+two\\s+quarters\\s+of\\s+(?:(?<y>(?:19|20)\\d{2})|(?<rel>this|last|next)\\s+year)'),
  resolve(m, env) {
    const g = m.groups!;
    const y = g['y'] ? Number(g['y']) : env.dct.y + (g['rel']!.toLowerCase() === 'last' ? -1 : g['rel']!.toLowerCase() === 'next' ? 1 : 0);
    return { type: 'DATE', value: `${pad(y, 4)}-H${g['fl']!.toLowerCase() === 'first' ? 1 : 2}`, ...(g['y'] ? {} : { anchor: 'article' as const }) };
  },
};
const barePlural: Rule = {
  // "for years", "over the past few months", "for decades", "for centuries"
  name: 'bare-plural',
  re: rx(
    '(?:(?<rel>the\\s+past\\s+few|the\\s+last\\s+few|the\\s+next\\s+few|the\\s+past|the\\s+last|the\\s+next|the\\s+coming)\\s+|(?<the>the)\\s+)?' +
    '(?<unit>years|months|weeks|days|decades|centuries|hours|minutes)',
  ),
  accept(m, text) {
    const g = m.groups!;
    if (g['rel']) return true;
    const before = wordBefore(text, m.index);
    // "over the years", "throughout the decades": a stretch of unstated length, DURATION PXY.
    if (g['the']) return ['over', 'throughout'].includes(before) && !/^\s+(?:of|since|before|after|to|ahead)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
    return ['for', 'within', 'lasted', 'lasting', 'take', 'takes', 'taking', 'took', 'spent', 'spend', 'waited', 'wait', 'after'].includes(before);
  },
  resolve(m) {
    const g = m.groups!;
    const unit = unitOf(g['unit']!)!;
    const rel = (g['rel'] ?? '').toLowerCase();
    if (/coming|next/.test(rel)) return { type: 'DURATION', value: durationValue('X', unit)! };
    return { type: 'DURATION', value: durationValue('X', unit)! };
  },
};

const theWeekend: Rule = {
  // "over the weekend", "the weekend": the weekend before the article (after it in a future clause)
  name: 'weekend',
  re: rx('the\\s+weekend'),
  resolve(m, env) {
    const tense = env.tense();
    const sat = resolveWeekday(6, env.dct, tense === 'FUTURE' ? 'FUTURE' : 'PAST');
    return { type: 'DATE', value: `${isoWeekValue(sat)}-WE`, anchor: 'article', certain: tense === 'PAST' || tense === 'FUTURE' };
  },
};

const sets: Rule = {
  // "daily", "annually", "every day", "each Thursday", "every two years", "each July", "per year"
  name: 'set',
  re: rx(
    '(?<adv>daily|weekly|monthly|yearly|annually|quarterly|hourly|nightly|biweekly|semiannually|semi-annually)' +
    `|(?<q>every|each|per)\\s+(?:(?<other>other)\\s+|(?<num>${NUM_RE})\\s+)?(?<unit>${UNITS})` +
    `|(?<q2>every|each)\\s+(?:(?<wd>${WEEKDAY_RE})|(?<mon>${FULL_MONTH_RE})|(?<part>morning|afternoon|evening|night)|(?<s>spring|summer|fall|autumn|winter))`,
  ),
  accept(m, text) {
    const g = m.groups!;
    if (g['adv']) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      const before = wordBefore(text, m.index);
      // "its quarterly dividend" names a reporting period, not a recurrence the news dates; "the daily Granma" is a paper.
      if (/^quarterly$/i.test(g['adv']) && (/^\s+[a-z]/.test(after) || ['the', 'a', 'an', 'its', 'their', 'initial', 'first'].includes(before))) return false;
      if (/^\s+[A-Z]/.test(after) && /^(?:daily|weekly)$/i.test(g['adv'])) return false;
    }
    if (g['wd'] && !isCapitalised(g['wd'])) return false;
    if (g['mon'] && !isCapitalised(g['mon'])) return false;
    return true;
  },
  resolve(m) {
    const g = m.groups!;
    if (g['adv']) {
      const a = g['adv'].toLowerCase();
      const v: Record<string, string> = {
        daily: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', annually: 'P1Y', quarterly: 'P3M', hourly: 'PT1H',
        nightly: 'XXXX-XX-XXTNI', biweekly: 'P2W', semiannually: 'P6M', 'semi-annually': 'P6M',
      };
      return { type: 'SET', value: v[a]! };
    }
    if (g['unit']) {
      const unit = unitOf(g['unit'])!;
      // "every other day" recurs every second day.
      const n = g['other'] ? 2 : g['num'] ? parseNumber(g['num']) : 1;
      if (n === null) return null;
      return { type: 'SET', value: durationValue(n, unit)! };
    }
    if (g['wd']) return { type: 'SET', value: `XXXX-WXX-${WEEKDAYS[g['wd'].toLowerCase()]}` };
    if (g['mon']) return { type: 'SET', value: `XXXX-${pad(MONTHS[g['mon'].toLowerCase()]!, 2)}` };
    if (g['part']) return { type: 'SET', value: `XXXX-XX-XXT${PART_OF_DAY[g['part'].toLowerCase()]}` };
    if (g['s']) return { type: 'SET', value: `XXXX-${SEASONS[g['s'].toLowerCase()]}` };
    return null;
  },
};

const weekOf: Rule = {
  // "the week of March 6"
  name: 'week-of',
  re: rx(`the\\s+week\\s+of\\s+(?<mon>${MONTH_RE})\\s+(?<day>\\d{1,2})(?:,?\\s+(?<year>(?:19|20)\\d{2}))?`),
  resolve(m, env) {
    const g = m.groups!;
    const mon = monthNumber(g['mon']!);
    const d = Number(g['day']);
    if (!mon) return null;
    const y = g['year'] ? Number(g['year']) : yearForMonthDay(mon, d, env.dct, env.tense());
    if (!isRealDay(y, mon, d)) return null;
    return { type: 'DATE', value: isoWeekValue({ y, m: mon, d }) };
  },
};
/** "the first week of March", "the last week of July": the ISO week holding the middle of that seven-day stretch. */
const weekOfMonth: Rule = {
  name: 'week-of-month',
  re: rx(`the\\s+(?<ord>first|second|third|fourth|last|final)\\s+week\\s+(?:of|in)\\s+(?<mon>${FULL_MONTH_RE})(?:,?\\s+(?<year>(?:19|20)\\d{2}))?`),
  accept: (m) => isCapitalised(m.groups!['mon']!),
  resolve(m, env) {
    const g = m.groups!;
    const mon = monthNumber(g['mon']!)!;
    const y = g['year'] ? Number(g['year']) : yearForMonth(mon, env.dct, env.tense());
    const ord = g['ord']!.toLowerCase();
    const lastDay = plusDays(mon === 12 ? { y: y + 1, m: 1, d: 1 } : { y, m: mon + 1, d: 1 }, -1).d;
    const middle = ord === 'last' || ord === 'final' ? lastDay - 3 : 7 * (ORDINALS[ord]! - 1) + 4;
    return { type: 'DATE', value: isoWeekValue({ y, m: mon, d: middle }), ...(g['year'] ? {} : { anchor: 'article' as const }) };
  },
};


const theYear: Rule = {
  // "the year", "the full year", "the fiscal year" -> DATE of the story's year; "the year ended June 30" -> P1Y
  name: 'the-year',
  re: rx('the\\s+(?:(?<full>full|whole|entire|current|latest|fiscal|calendar)\\s+(?:(?:fiscal|calendar)\\s+)?)?(?<unit>year|month|week)'),
  accept(m, text) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^['\u2019]s\b/.test(after) && m.groups!['unit']!.toLowerCase() !== 'year') return false;
    if (/^\s*(?:before|after|of|in which|when)\b/.test(after)) return false;
    // "the year that he was born" is a relative clause's year; "the current fiscal year that ..." is still this one.
    if (/^\s*that\b/.test(after) && !/^(?:current|latest|fiscal)$/i.test(m.groups!['full'] ?? '')) return false;
    return m.groups!['unit']!.toLowerCase() === 'year';
  },
  resolve(m, env) {
    const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s+(?:ended|ending|ends|to)\b/.test(after)) return { type: 'DURATION', value: 'P1Y' };
    return { type: 'DATE', value: pad(env.dct.y, 4), anchor: 'article' };
  },
};

const endOf: Rule = {
  // "the end of the month", "the end of the year", "the beginning of next week"
  name: 'end-of',
  re: rx('(?:around\\s+)?(?:the\\s+(?:end|beginning|start|middle|rest|remainder)\\s+of\\s+the\\s+(?<unit>week|month|year|decade|century)|year[\\s-]end|year[\\u2019\\x27]s\\s+end)'),
  resolve(m, env) {
    const unitWord = m.groups!['unit']?.toLowerCase() ?? 'year';
    const unit = unitOf(unitWord)!;
    const value = shiftedValue(env.dct, unit, 0);
    return value ? { type: 'DATE', value, anchor: 'article' } : null;
  },
};

/** Fixed and movable US/Western holidays news refers to by name. */
function holidayDay(name: string, y: number): Ymd | null {
  const nth = (month: number, wd: number, k: number): Ymd => {
    let d: Ymd = { y, m: month, d: 1 };
    while (isoWd(d) !== wd) d = plusDays(d, 1);
    return plusDays(d, 7 * (k - 1));
  };
  const lastWd = (month: number, wd: number): Ymd => {
    let d: Ymd = plusDays({ y: month === 12 ? y + 1 : y, m: month === 12 ? 1 : month + 1, d: 1 }, -1);
    while (isoWd(d) !== wd) d = plusDays(d, -1);
    return d;
  };
  switch (name) {
    case 'christmas': case 'christmas day': return { y, m: 12, d: 25 };
    case 'christmas eve': return { y, m: 12, d: 24 };
    case "new year's day": return { y, m: 1, d: 1 };
    case "new year's eve": return { y, m: 12, d: 31 };
    case 'independence day': case 'the fourth of july': case 'july fourth': return { y, m: 7, d: 4 };
    case 'thanksgiving': case 'thanksgiving day': return nth(11, 4, 4);
    case 'labor day': return nth(9, 1, 1);
    case 'memorial day': return lastWd(5, 1);
    case 'election day': return plusDays(nth(11, 1, 1), 1);
    case 'valentine\'s day': return { y, m: 2, d: 14 };
    case 'halloween': return { y, m: 10, d: 31 };
    case 'easter': case 'easter sunday': return easter(y);
    // Holy Week, the week leading up to Easter: its Monday (the ISO week that ends on Easter Sunday).
    case 'easter week': case 'holy week': return plusDays(easter(y), -6);
    default: return null;
  }
}
function isoWd(d: Ymd): number {
  // Zeller-free: via the calendar module's weekday, kept local to avoid a cycle of helpers.
  return isoWeekdayOf(d);
}
function easter(y: number): Ymd {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, mm = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * mm + 114) / 31);
  const day = ((h + l - 7 * mm + 114) % 31) + 1;
  return { y, m: month, d: day };
}

const holiday: Rule = {
  // "Thanksgiving Day", "last Christmas", "Election Day", "Easter"
  name: 'holiday',
  re: rx(
    "(?:(?<rel>last|this|next)\\s+)?(?<name>Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year['\\u2019]s\\s+(?:Day|Eve)|Independence\\s+Day|Thanksgiving(?:\\s+Day)?|Labor\\s+Day|Memorial\\s+Day|Election\\s+Day|Valentine['\\u2019]s\\s+Day|Halloween|(?:Easter|Holy)\\s+[Ww]eek|Easter(?:\\s+Sunday)?)" +
    '(?:,?\\s+(?<y>(?:19|20)\\d{2}))?',
  ),
  accept: (m) => isCapitalised(m.groups!['name']!),
  resolve(m, env) {
    const g = m.groups!;
    const name = g['name']!.toLowerCase().replace(/\s+/g, ' ').replace(/\u2019/g, "'");
    const rel = relOf(g['rel']);
    const week = / week$/.test(name);
    if (g['y']) {
      const d = holidayDay(name, Number(g['y']));
      return d ? { type: 'DATE', value: week ? isoWeekValue(d) : formatYmd(d) } : null;
    }
    const tense = env.tense();
    const options = [env.dct.y - 1, env.dct.y, env.dct.y + 1].map((y) => holidayDay(name, y)).filter((d): d is Ymd => d !== null);
    const key = (d: Ymd): number => (d.y - env.dct.y) * 372 + (d.m - env.dct.m) * 31 + (d.d - env.dct.d);
    let pick: Ymd | undefined;
    if (rel === 'last' || (!rel && tense === 'PAST')) pick = options.filter((d) => key(d) <= 0).pop();
    else if (rel === 'next' || (!rel && tense === 'FUTURE')) pick = options.find((d) => key(d) >= 0);
    else pick = [...options].sort((a, b) => Math.abs(key(a)) - Math.abs(key(b)))[0];
    return pick ? { type: 'DATE', value: week ? isoWeekValue(pick) : formatYmd(pick), anchor: 'article' } : null;
  },
};

const SPELLED_TENS = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)';
const spelledYear: Rule = {
  // "nineteen ninety-six", "the year two thousand", "two thousand and one"
  name: 'spelled-year',
  re: rx(`(?:(?<mon>${FULL_MONTH_RE})\\s+|the\\s+year\\s+)?(?:nineteen\\s+(?<yy>${SPELLED_TENS})|(?<k>two\\s+thousand)(?:\\s+(?:and\\s+)?(?<rest>one|two|three|four|five|six|seven|eight|nine|${SPELLED_TENS}))?)`),
  accept(m, text) {
    // "two thousand" alone is a count unless it is "the year two thousand" or follows "in".
    if (m.groups!['mon'] && !isCapitalised(m.groups!['mon'])) return false;
    if (m.groups!['k'] && !m.groups!['mon'] && !/^the\s+year/i.test(m[0])) return ['in', 'since', 'by', 'until', 'of'].includes(wordBefore(text, m.index)) && !COUNT_NOUNS.has(wordAfter(text, m.index + m[0].length));
    return !COUNT_NOUNS.has(wordAfter(text, m.index + m[0].length));
  },
  resolve(m) {
    const g = m.groups!;
    let y: number | null = null;
    if (g['yy']) {
      const n = parseNumber(g['yy']);
      if (typeof n === 'number' && n >= 10) y = 1900 + n;
    } else {
      const rest = g['rest'] ? parseNumber(g['rest']) : 0;
      if (typeof rest === 'number') y = 2000 + rest;
    }
    if (y === null) return null;
    // "January nineteen ninety-seven", as a transcript spells it: the month of that year.
    const mon = g['mon'] ? monthNumber(g['mon']) : null;
    return { type: 'DATE', value: mon ? formatYm(y, mon) : String(y) };
  },
};

const unitLong: Rule = {
  // "day-long", "year-long", "decades-long", "months-long"
  name: 'unit-long',
  re: rx('(?<unit>day|week|month|year|decade|century|hour|days|weeks|months|years|decades|centuries|hours)-long'),
  resolve(m) {
    const raw = m.groups!['unit']!;
    const unit = unitOf(raw)!;
    const v = /s$/i.test(raw) ? durationValue('X', unit) : durationValue(1, unit);
    return v ? { type: 'DURATION', value: v } : null;
  },
};

/** "the sites struck overnight", "overnight losses in New York": the night just gone, a TIME of the article's day. */
const overnight: Rule = {
  name: 'overnight',
  re: rx('overnight'),
  accept(m, text) {
    const before = wordBefore(text, m.index);
    // "an overnight stay" is a kind of stay; "did not happen overnight", "became a star overnight" mean "suddenly".
    return !['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'every', 'each', 'almost', 'virtually', 'literally',
      'not', 'happen', 'happened', 'change', 'changed', 'disappear', 'disappeared', 'become', 'became', 'vanish', 'vanished']
      .includes(before);
  },
  resolve: (m, env) => ({ type: 'TIME', value: `${formatYmd(env.dct)}TNI`, anchor: 'article', point: false }),
};
/** "Results for that quarter": the quarter named last. */
const thatQuarter: Rule = {
  name: 'that-quarter',
  re: rx('that\\s+(?:same\\s+)?quarter'),
  accept: (m, text) => !/^\s*(?:of|when|in\s+which)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12)),
  resolve(m, env) {
    const prev = env.documentPrev();
    const q = prev && /^\d{4}-Q\d$/.test(prev.value) ? prev : env.quarterPrev();
    return q ? { type: 'DATE', value: q.value, anchor: q.index, derived: true } : null;
  },
};

/** All rules, most specific first (an earlier rule wins a tie on extent). */
export const RULES: readonly Rule[] = [
  weekOf, weekOfMonth, fractionCentury, twoQuarters, prefixedYear, explicitDay, conjoinedDay, numericDay, clockTime, zonedClock, clockPartOfDay, partOfNamedDay, partOfThatDay, monthYear, agoLater, dayBeforeDate, anaphoric, ordinalQuarter, relativePeriod,
  pastPeriod, monthQuarter, contextQuarterRule, yearAgoAdj, qNotation, decade, century, year, bareMonth, weekday, dayWord,
  seasonRule, sets, theWeekend, holiday, spelledYear, endOf, unitLong, duration, barePlural, theYear, refs, overnight,
  thatQuarter,
];

export { plusYears };
