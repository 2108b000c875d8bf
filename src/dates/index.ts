// Temporal expressions to TIMEX3: "China demanded Monday" (article 2020-05-25) -> DATE "Monday" 2020-05-25.
// find: the TimeML rules (rules.ts) and chrono-node propose spans; merge: longest span wins, no overlaps;
// resolve: each span gets its TIMEX3 value in text order, so later ones can hang on earlier ones.
import * as chrono from 'chrono-node';
import type { DateRef, TimexType } from '../model/types.js';
import { formatYm, formatYmd, isRealDay, pad, parseYmd, type Ymd } from './calendar.js';
import { yearForMonthDay } from './resolve.js';
import { RULES, type Env, type PrevPeriod, type PrevPoint, type Resolved, type Rule } from './rules.js';
import { pastVerbGoverns, presentVerbSchedules, tenseAt, type Tense } from './tense.js';

export interface DateContext {
  /** The article's date, YYYY-MM-DD: the anchor of "Monday", "last week", "two years ago". */
  articleDate: string;
  /** Sentence spans, if an earlier stage has them; otherwise a simple splitter is used. */
  sentences?: { start: number; end: number }[];
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly priority: number;
  readonly rule?: Rule;
  readonly match?: RegExpExecArray;
  readonly chrono?: chrono.ParsedResult;
}

const SOURCE = 'extract-dates';
const QUARTER_FOCUS = new Set(['quarter', 'month-quarter', 'q-notation', 'relative-period', 'context-quarter']);
const CALENDAR_VALUE = /^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q\d|W\d{2}|H\d|SU|FA|WI|SP))?(?:T|$)/;
const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|St|Co|Corp|Inc|Ltd|Jr|Sr|No|vs|Prof|Rev|Ft|Mt)|\b[A-Z]|\b[a-z]\.[a-z])\.$/;

/**
 * Finds every temporal expression in `text` and gives it a TIMEX3 type and value, anchored on the article date.
 * Pure: no clock, no time zone.
 * @example
 * extractDates('China demanded Monday that ...', { articleDate: '2020-05-25' })
 * // [{ text: 'Monday', start: 15, end: 21, type: 'DATE', value: '2020-05-25', anchor: 'article', ... }]
 */
export function extractDates(text: string, ctx: DateContext): DateRef[] {
  const dct = parseYmd(ctx.articleDate);
  if (!dct) return [];
  const candidates = mergeCandidates([...findByRules(text), ...findByChrono(text, dct)]);
  const sentences = ctx.sentences && ctx.sentences.length > 0 ? ctx.sentences : splitSentences(text);
  const paragraphs = paragraphStarts(text);

  const out: DateRef[] = [];
  const points: { index: number; value: string; paragraph: number; focus: boolean; rule?: string; text: string }[] = [];
  const periods: PrevPeriod[] = [];
  for (const c of candidates) {
    const paragraph = paragraphOf(paragraphs, c.start);
    const sentence = sentences.find((s) => s.start <= c.start && c.end <= s.end) ?? { start: 0, end: text.length };
    let tense: Tense | null = null;
    let pastGoverned: boolean | null = null;
    const env: Env = {
      text,
      dct,
      tense: () => (tense ??= tenseAt(text, c.start, c.end, sentence.start, sentence.end)),
      presentSchedules: () => presentVerbSchedules(text, c.start, c.end, sentence.start, sentence.end),
      pastGoverned: () => (pastGoverned ??= pastVerbGoverns(text, c.start, c.end, sentence.start, sentence.end)),
      paragraphPrev: () => lastOf(points.filter((p) => p.paragraph === paragraph)),
      documentPrev: () => lastOf(points),
      quarterPrev: () => lastOf(points.filter((p) => p.focus && /^\d{4}-Q\d$/.test(p.value))),
      periodPrev: () => periods[periods.length - 1] ?? null,
    };
    if (isTitle(text, c.start, c.end)) continue;
    const resolved = c.rule ? c.rule.resolve(c.match!, env) : resolveChrono(c.chrono!, env);
    if (!resolved || !isTimexValue(resolved.type, resolved.value)) continue;
    const record: DateRef = {
      text: text.slice(c.start, c.end),
      start: c.start,
      end: c.end,
      type: resolved.type,
      value: resolved.value,
      ...(resolved.anchor !== undefined ? { anchor: String(resolved.anchor) } : {}),
      ...(resolved.certain === false ? { certain: false } : {}),
      source: SOURCE,
    };
    if (CALENDAR_VALUE.test(resolved.value) && (resolved.type === 'DATE' || resolved.type === 'TIME') && resolved.point !== false) {
      // Only a quarter the text names sets the context; "the year-ago quarter" is derived from it.
      const focus = c.rule !== undefined && QUARTER_FOCUS.has(c.rule.name) && resolved.derived !== true
        && isReportedQuarter(resolved.value, dct, text.slice(sentence.start, c.start), text.slice(c.end, c.end + 16));
      points.push({ index: out.length, value: resolved.value, paragraph, focus, text: record.text, ...(c.rule ? { rule: c.rule.name } : {}) });
    }
    const kind = periodKind(resolved);
    if (kind) periods.push({ index: out.length, value: resolved.value, kind });
    out.push(record);
  }
  return out;
}

/** Reporting periods that "a year earlier" compares with: a quarter, a run of months ("the nine months"), a year. */
function periodKind(r: Resolved): PrevPeriod['kind'] | null {
  if (r.type === 'DATE' && /^\d{4}-Q\d$/.test(r.value)) return 'quarter';
  if (r.type === 'DATE' && /^\d{4}$/.test(r.value)) return 'year';
  if (r.type === 'DURATION' && /^P\d+M$/.test(r.value)) return 'months';
  return null;
}

/**
 * A quarter a results story reports on: one already over at the article date, or one said to have "ended"
 * (a fiscal quarter), or one whose results a past verb reports ("Ralston reported a 47% decline in fourth-quarter
 * earnings" in November: a fiscal quarter, already closed). "a fourth-quarter charge" in October looks ahead and
 * does not set the story's quarter.
 */
function isReportedQuarter(value: string, dct: Ymd, before: string, after: string): boolean {
  const m = /^(\d{4})-Q(\d)$/.exec(value);
  if (!m) return true;
  const ordinal = Number(m[1]) * 4 + Number(m[2]);
  const current = dct.y * 4 + Math.ceil(dct.m / 3);
  return ordinal < current || /^\s*,?\s*(?:ended|ending|that\s+ended|which\s+ended)\b/.test(after)
    || REPORTED_BEFORE.test(before);
}
/** A results verb in the past, a few words before the quarter in its clause: "posted a 20% gain in". */
const REPORTED_BEFORE = /\b(?:reported|posted|recorded)\s+(?:[\w$%.,-]+\s+){0,6}$/i;

/** "ABC's "This Week"", "VOA Today", "USA Today": a capitalised unit inside a sentence names a programme or paper. */
function isTitle(text: string, start: number, end: number): boolean {
  const span = text.slice(start, end);
  const sentenceStart = /(?:^|[.!?]["'\u201d]?\s+|\n\s*|["\u201c(]\s*)$/.test(text.slice(Math.max(0, start - 4), start));
  if (/^(?:This|Last|Next) (?:Week|Month|Year)$/.test(span)) return true;
  if (span === 'Today' && !sentenceStart && /[A-Z][A-Za-z]*\s+$/.test(text.slice(Math.max(0, start - 20), start))) return true;
  return false;
}

function lastOf(points: readonly { index: number; value: string; rule?: string; text: string }[]): PrevPoint | null {
  const p = points[points.length - 1];
  return p ? { index: p.index, value: p.value, text: p.text, ...(p.rule ? { rule: p.rule } : {}) } : null;
}

/** One private copy of each rule's (global) regex, compiled once: exec moves lastIndex, so RULES' own stay untouched. */
const RULE_RES: readonly RegExp[] = RULES.map((rule) => new RegExp(rule.re.source, rule.re.flags));

function findByRules(text: string): Candidate[] {
  const out: Candidate[] = [];
  RULES.forEach((rule, priority) => {
    const re = RULE_RES[priority]!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      if (rule.accept && !rule.accept(m, text)) continue;
      const trimmed = m[0].replace(/[\s,]+$/, '');
      out.push({ start: m.index, end: m.index + trimmed.length, priority, rule, match: m });
    }
  });
  return out;
}

const LEADING = /^(?:(?:on|at|in|by|from|since|until|till|of|the|during|before|after|through)\s+|[,(]\s*)+/i;

/** chrono-node finds the formats the rules do not spell out ("12/3/2019", "the 3rd of March"); we keep its components. */
function findByChrono(text: string, dct: Ymd): Candidate[] {
  const ref = new Date(dct.y, dct.m - 1, dct.d, 12, 0, 0, 0);
  const out: Candidate[] = [];
  const results: [chrono.ParsedResult, number][] = []; // each with the offset of the window it was parsed in
  try {
    for (const [from, to] of chronoWindows(text)) {
      for (const r of chrono.strict.parse(text.slice(from, to), ref)) results.push([r, from]);
    }
  } catch {
    return out; // odd text is data, not an error
  }
  for (const [r, offset] of results) {
    const s = r.start;
    const hasDay = s.isCertain('month') && s.isCertain('day');
    const hasMonthYear = s.isCertain('month') && s.isCertain('year');
    const hasClock = s.isCertain('hour') && /\d/.test(r.text) && /[ap]\.?m\b|:\d\d/i.test(r.text);
    if (!(hasDay || hasMonthYear || hasClock) || !/\d/.test(r.text)) continue;
    // Only written dates and clock times: chrono's relative readings ("13 days after") are the rules' job.
    const written = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,4}[/-]\d{1,2}[/-]\d{2,4}/i;
    if (!hasClock && !written.test(r.text)) continue;
    const lead = LEADING.exec(r.text)?.[0].length ?? 0;
    // "Jan. 1, 1990 at 1,015 francs": a bare number after "at" is not an hour.
    const text0 = hasClock ? r.text : r.text.replace(/\s+at\s+\d{1,2}$/, '');
    let body = text0.slice(lead).replace(/[\s,.;:)]+$/, '');
    // "from Aug. 26 to Oct. 20" is two TIMEX3s: keep the range's first point; the rules find the second.
    if (r.end) {
      const cut = /\s*(?:\b(?:to|through|until|till|and)\b|[-\u2013])\s*(?=\S)/i.exec(body.slice(1));
      if (cut) body = body.slice(0, cut.index + 1).replace(/[\s,.;:)]+$/, '');
    }
    if (!body) continue;
    const start = offset + r.index + lead;
    out.push({ start, end: start + body.length, priority: RULES.length, chrono: r });
  }
  return out;
}

/**
 * Where chrono can find a result the filter above keeps: every kept result holds a written date (a month name next
 * to a digit, or d/d/d) or a clock time (a digit with "a.m."/"pm"/":30"). chrono reads text locally, so parsing only
 * the stretches around such cues (CHRONO_MARGIN characters each side, cut at whitespace) finds the same results there,
 * and skips the rest of the article.
 */
const CHRONO_CUE = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|[ap]\.?m\b|:\d\d/gi;
const CHRONO_MARGIN = 200;
const SPACE = /\s/u;

function chronoWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  if (!/\d/.test(text)) return out; // every kept result holds a digit
  CHRONO_CUE.lastIndex = 0;
  for (let m = CHRONO_CUE.exec(text); m; m = CHRONO_CUE.exec(text)) {
    let from = Math.max(0, m.index - CHRONO_MARGIN);
    let to = Math.min(text.length, m.index + m[0].length + CHRONO_MARGIN);
    while (from > 0 && !SPACE.test(text[from - 1]!)) from -= 1;
    while (to < text.length && !SPACE.test(text[to]!)) to += 1;
    const last = out[out.length - 1];
    if (last && from <= last[1] + CHRONO_MARGIN) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function resolveChrono(r: chrono.ParsedResult, env: Env): Resolved | null {
  const s = r.start;
  const month = s.isCertain('month') ? s.get('month') : null;
  const day = s.isCertain('day') ? s.get('day') : null;
  const knownYear = s.isCertain('year') ? s.get('year') : null;
  let date: string | null = null;
  if (month !== null && day !== null) {
    const y = knownYear ?? yearForMonthDay(month, day, env.dct, env.tense());
    if (!isRealDay(y, month, day)) return null;
    date = formatYmd({ y, m: month, d: day });
  } else if (month !== null && knownYear !== null) {
    date = formatYm(knownYear, month);
  }
  if (s.isCertain('hour') && /[ap]\.?m\b|:\d\d/i.test(r.text)) {
    const hour = s.get('hour')!;
    const minute = s.get('minute') ?? 0;
    return { type: 'TIME', value: `${date && date.length === 10 ? date : formatYmd(env.dct)}T${pad(hour, 2)}:${pad(minute, 2)}`, anchor: 'article' };
  }
  if (!date) return null;
  return { type: 'DATE', value: date, ...(knownYear === null ? { anchor: 'article' as const } : {}) };
}

/** One span per place: the longest wins; on equal length the more specific rule (lower priority) wins. */
function mergeCandidates(all: Candidate[]): Candidate[] {
  const sorted = [...all].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Sentence spans by punctuation, not crossing line breaks; abbreviations ("Nov.", "Mr.") do not end one. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const re = /[.!?]+["'\u201d\u2019)]*(?=\s+["'\u201c\u2018(]?[A-Z0-9])|\n+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

function paragraphStarts(text: string): number[] {
  const starts = [0];
  const re = /\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + 1);
  return starts;
}
function paragraphOf(starts: number[], at: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1]! <= at) i++;
  return i;
}

const TIMEX_VALUE: Record<TimexType, RegExp> = {
  DATE: /^(?:PAST_REF|PRESENT_REF|FUTURE_REF|\d{2,4}X?|\d{4}-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}(?:-WE)?|SP|SU|FA|WI)|\d{4}-XX(?:-XX)?|\d{4}-\d{2}-XX)(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?$/,
  TIME: /^\d{4}-\d{2}-\d{2}T(?:MO|AF|EV|NI|\d{2}:\d{2})$/,
  DURATION: /^P(?:(?:(?:\d+|X)[YMWDQEC])+(?:T(?:\d+[HMS])+)?|T(?:(?:\d+|X)[HMS])+)$/,
  SET: /^(?:P(?:\d+[YMWDQ]|T\d+[HMS])|XXXX-(?:WXX-[1-7](?:T(?:MO|AF|EV|NI))?|\d{2}|XX-XXT(?:MO|AF|EV|NI)|SP|SU|FA|WI|Q[1-4]))$/,
};

/** A broken value is dropped rather than stored. */
function isTimexValue(type: TimexType, value: string): boolean {
  return TIMEX_VALUE[type].test(value);
}

export type { DateRef };
