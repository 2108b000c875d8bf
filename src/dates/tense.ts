// Tense cue around a temporal expression: "announced Friday" -> PAST, "will meet Friday" -> FUTURE.
// A light lexical reading of the clause: the nearest verb cue in the same clause decides; compromise's verb tags
// confirm a past cue before it is trusted to settle a year ("changed ... in December" -> the December gone).
import nlp from 'compromise';

export type Tense = 'PAST' | 'PRESENT' | 'FUTURE' | 'NONE';

const FUTURE_WORDS = new Set([
  'will', "'ll", 'shall', 'wo', 'would', 'upcoming', 'scheduled', 'expected', 'expects', 'plans', 'plan',
  'intends', 'due', 'until', 'till', 'next', 'coming', 'planned', 'hopes', 'aims', 'tomorrow', 'planning',
]);
/** Cues longer than a word: "as soon as Tuesday", "is to resume", "set to meet" look ahead. */
const FUTURE_PHRASES = /\bas\s+(?:soon|early)\s+as\b|\b(?:is|are|am)\s+(?:not\s+)?to\s+[a-z]+|\b(?:set|poised|scheduled|slated|due)\s+to\b|\bgoing\s+to\b/gi;
const PRESENT_WORDS = new Set(['is', 'are', 'am', 'says', 'say', 'remains', 'continues']);
const PAST_IRREGULAR = new Set([
  'said', 'told', 'was', 'were', 'had', 'did', "didn't", 'made', 'met', 'took', 'gave', 'came', 'went', 'saw',
  'began', 'became', 'brought', 'bought', 'sold', 'held', 'left', 'lost', 'won', 'wrote', 'spoke', 'rose', 'fell',
  'put', 'set', 'cut', 'hit', 'quit', 'led', 'read', 'ran', 'sent', 'spent', 'struck', 'stood', 'thought', 'felt',
  'found', 'got', 'knew', 'paid', 'kept', 'meant', 'heard', 'hung', 'fled', 'fought', 'chose', 'drew', 'drove',
  'broke', 'built', 'caught', 'forbade', 'froze', 'grew', 'hid', 'laid', 'let', 'overtook', 'rang', 'sank',
  'shot', 'shut', 'slid', 'sought', 'split', 'spread', 'stole', 'swore', 'taught', 'threw', 'underwent', 'upheld',
  'withdrew', 'woke', 'wore', 'ago', 'last', 'yesterday', 'earlier', 'previously', 'recently',
  // Short -ed forms the suffix test leaves out (four letters, or "-eed" words that are past tense).
  'died', 'tied', 'lied', 'sued', 'owed', 'eyed', 'vied', 'agreed', 'freed', 'decreed', 'guaranteed',
  // More irregular pasts news uses.
  'flew', 'blew', 'bore', 'dug', 'fed', 'forgot', 'forgave', 'lit', 'rode', 'shook', 'sang', 'sat', 'slept',
  'stuck', 'swept', 'tore', 'wept', 'ate', 'arose', 'bent', 'bled', 'dealt', 'flung', 'foresaw', 'lent', 'mistook',
  'overcame', 'overthrew', 'oversaw', 'rebuilt', 'retook', 'sped', 'strove', 'undertook', 'understood', 'withheld',
  'sprang', 'swam', 'swung', 'wound', 'bit',
]);
const NOT_PAST_ED = new Set([
  'need', 'needed', 'speed', 'proceed', 'succeed', 'exceed', 'indeed', 'hundred', 'red', 'bed', 'embed', 'seed',
  'feed', 'shed', 'weed', 'breed', 'greed', 'creed', 'deed', 'bred', 'united', 'limited', 'based', 'related',
  'so-called', 'called', 'detailed', 'advanced', 'expected', 'planned', 'scheduled', 'proposed', 'intended',
  'alleged', 'reported', 'unexpected', 'unprecedented', 'biased', 'concerned', 'armed', 'named', 'skilled',
]);
const CLAUSE_BREAK = /[,;:()\u201c\u201d"—–]|\bthat\b|\bbut\b|\band\b|\bwhile\b|\bwhich\b|\bwho\b/gi;
const WORD = /[A-Za-z][A-Za-z'\u2019-]*/g;

interface Cue { start: number; end: number; tense: Tense }
/** "had been scheduled to", "had planned": the past perfect of a plan. */
const HAD_BEFORE = /\bhad\s+(?:(?:not|previously|originally|already)\s+)?(?:been\s+)?$/i;

function cueOf(raw: string): Tense | null {
  const w = raw.toLowerCase().replace(/\u2019/g, "'");
  if (w.endsWith("'ll")) return 'FUTURE';
  if (w === "won't" || w === "wouldn't") return 'FUTURE';
  if (FUTURE_WORDS.has(w)) return 'FUTURE';
  if (PAST_IRREGULAR.has(w)) return 'PAST';
  if (w.endsWith("n't") && (w.startsWith('did') || w.startsWith('was') || w.startsWith('were') || w.startsWith('had'))) {
    return 'PAST';
  }
  if (PRESENT_WORDS.has(w)) return 'PRESENT';
  if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed') && !NOT_PAST_ED.has(w)) return 'PAST';
  return null;
}

function cuesIn(text: string, from: number, to: number, skipStart: number, skipEnd: number): Cue[] {
  const out: Cue[] = [];
  const slice = text.slice(from, to);
  FUTURE_PHRASES.lastIndex = 0;
  const phraseSpans: [number, number][] = [];
  for (let m = FUTURE_PHRASES.exec(slice); m; m = FUTURE_PHRASES.exec(slice)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start < skipEnd && end > skipStart) continue;
    phraseSpans.push([start, end]);
    out.push({ start, end, tense: HAD_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ? 'PAST' : 'FUTURE' });
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start < skipEnd && end > skipStart) continue;
    if (phraseSpans.some(([a, b]) => start >= a && end <= b)) continue;
    if (/^next$/i.test(m[0]) && /^\s+to\b/i.test(text.slice(end, end + 4))) continue; // "next to the embassy"
    let tense = cueOf(m[0]);
    // "On Friday, the government planned to ...": a time before the verb is the planning's own, in the past;
    // one after it ("planned to leave on Thursday") belongs to the infinitive and looks ahead.
    if (tense === 'FUTURE' && /^planned$/i.test(m[0]) && start >= skipEnd && /^\s+to\b/i.test(text.slice(end, end + 4))
      && !/\b(?:is|are|was|were|be|been|being|the|a|an|its|their)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) tense = 'PAST';
    // "as previously planned", "originally scheduled": when the plan was made, not which way its time lies.
    if (tense === 'FUTURE' && /^(?:planned|scheduled)$/i.test(m[0]) && /\b(?:previously|originally|as)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) tense = null;
    // "the plan", "its plans": the noun, not the verb "plans to".
    if (tense === 'FUTURE' && /^plans?$/i.test(m[0]) && /\b(?:the|a|an|its|their|his|her|this|that|our|new)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) tense = null;
    // "new markets untouched by the crisis", "the plan announced by the ministry": an -ed participle before "by"
    // modifies a noun (or is passive, whose auxiliary carries the tense): not the clause's verb.
    if (tense === 'PAST' && /ed$/i.test(m[0]) && /^\s+by\b/i.test(text.slice(end, end + 4))) tense = null;
    // "had been scheduled to expire Friday", "had planned to": a plan told in the past perfect has passed.
    if (tense === 'FUTURE' && /^(?:scheduled|planned|expected|due|set)$/i.test(m[0])
      && HAD_BEFORE.test(text.slice(Math.max(0, start - 30), start))) tense = 'PAST';
    if (tense) out.push({ start, end, tense });
  }
  return out;
}

/** Nearest cue, preferring one on the left (the governing verb in "announced Friday") over one on the right. */
function nearest(cues: Cue[], start: number, end: number): Tense | null {
  let best: Cue | null = null;
  let bestDist = Infinity;
  for (const c of cues) {
    const dist = c.end <= start ? start - c.end : (c.start - end) * 1.5 + 1;
    if (dist < bestDist) { bestDist = dist; best = c; }
  }
  return best ? best.tense : null;
}

/** Past forms that read the same as the present or a participle of a plan ("has set Nov. 10 as the deadline"). */
const AMBIGUOUS_PAST = new Set([
  'set', 'put', 'cut', 'hit', 'quit', 'read', 'let', 'shut', 'split', 'spread', 'last', 'ago', 'earlier', 'yesterday',
]);

/**
 * A past-tense verb written directly before the expression ("the year ended March 31", "terminated on Sept. 27",
 * "was arrested in January"): the expression is that verb's own time, so it lies on or before the article date.
 * Returns false for anything looser (a cue further off, "to"/"until"/"by" in between, a modal in front).
 */
export function pastVerbBefore(text: string, start: number): boolean {
  const m = /([A-Za-z'\u2019-]+)\s+(?:(?:on|in|at)\s+)?$/.exec(text.slice(Math.max(0, start - 40), start));
  if (!m) return false;
  const w = m[1]!.toLowerCase();
  if (AMBIGUOUS_PAST.has(w) || cueOf(w) !== 'PAST') return false;
  // "would have ended", "will have closed": a modal before the verb looks ahead.
  const before = text.slice(Math.max(0, start - 60), start - m[0].length);
  return !/\b(?:will|would|shall|'ll|to|be|being|been|is|are)\s+(?:have\s+)?$/i.test(before);
}

/** The clause around [start, end): from the last break before the span to the next break after it. */
function clauseOf(text: string, start: number, end: number, sentStart: number, sentEnd: number): [number, number] {
  let clauseStart = sentStart;
  let clauseEnd = sentEnd;
  const sentence = text.slice(sentStart, sentEnd);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m; m = CLAUSE_BREAK.exec(sentence)) {
    const at = sentStart + m.index;
    if (at + m[0].length <= start) clauseStart = at + m[0].length;
    else if (at >= end && at < clauseEnd) { clauseEnd = at; break; }
  }
  return [clauseStart, clauseEnd];
}

interface CTerm { text: string; tags: string[]; offset: { start: number; length: number } }
/** compromise's tags of one sentence, by the absolute offset of each term; the last few sentences are kept. */
const TAG_CACHE = new Map<string, Map<number, string[]>>();
function tagsOf(text: string, sentStart: number, sentEnd: number): Map<number, string[]> {
  const sentence = text.slice(sentStart, sentEnd);
  const key = `${sentStart}\u0000${sentence}`;
  let tags = TAG_CACHE.get(key);
  if (tags) return tags;
  tags = new Map();
  for (const s of nlp(sentence).json({ offset: true, terms: { offset: true } }) as { terms: CTerm[] }[]) {
    for (const t of s.terms) tags.set(sentStart + t.offset.start, t.tags);
  }
  if (TAG_CACHE.size >= 64) TAG_CACHE.delete(TAG_CACHE.keys().next().value!);
  TAG_CACHE.set(key, tags);
  return tags;
}

/**
 * A past-tense verb that compromise tags as a verb governs the span from its own clause ("The operator changed
 * from a fiscal year to a calendar year in December", "Sales rose in the quarter ended ..."): the nearest tense
 * cue of the clause is that verb, with no infinitive between them ("agreed to buy it in February" dates the
 * buying, not the agreeing) and no modal before it ("would have changed"). The expression's time is then told as
 * past, on or before the article date; a suffix guess the tagger reads as an adjective or noun does not count.
 */
export function pastVerbGoverns(text: string, start: number, end: number, sentStart: number, sentEnd: number): boolean {
  const [clauseStart, clauseEnd] = clauseOf(text, start, end, sentStart, sentEnd);
  const cues = cuesIn(text, clauseStart, clauseEnd, start, end);
  let best: Cue | null = null;
  let bestDist = Infinity;
  for (const c of cues) {
    const dist = c.end <= start ? start - c.end : (c.start - end) * 1.5 + 1;
    if (dist < bestDist) { bestDist = dist; best = c; }
  }
  if (!best || best.tense !== 'PAST') return false;
  const word = text.slice(best.start, best.end).toLowerCase();
  if (AMBIGUOUS_PAST.has(word) || !/^[a-z]+$/.test(word)) return false;
  const tags = tagsOf(text, sentStart, sentEnd).get(best.start);
  if (!tags || !tags.includes('Verb') || !tags.includes('PastTense')) return false;
  const from = best.end <= start ? best.end : end;
  const between = best.end <= start ? text.slice(best.end, start) : text.slice(end, best.start);
  const terms = tagsOf(text, sentStart, sentEnd);
  // An infinitive in between ("agreed to buy it in February"): "to" followed by a word compromise tags a verb.
  const TO = /\bto\s+([A-Za-z]+)/gi;
  for (let m = TO.exec(between); m; m = TO.exec(between)) {
    const at = from + m.index + m[0].length - m[1]!.length;
    if (terms.get(at)?.includes('Verb')) return false;
  }
  // "the slated visit", "a planned trip": a participle after a determiner modifies a noun.
  if (/\b(?:the|a|an|its|their|his|her|this|that|our|these|those)\s+$/i.test(text.slice(Math.max(0, best.start - 8), best.start))) return false;
  // "extended to Nov. 20", "loans through January": the end point a past act set, which may lie ahead.
  if (/\b(?:to|through|until|till|by|before|into|towards?)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) return false;
  // A modal ("would have changed"), or a passive whose auxiliary is not past ("is heard in May", "will be paid").
  const before = text.slice(Math.max(clauseStart, best.start - 30), best.start);
  return !/\b(?:will|would|shall|could|might|may|should|must|to|is|are|am|be|being)\s+(?:not\s+)?(?:(?:still|also|now|then|soon|only|be|have|been)\s+)*$/i.test(before)
    && !/'(?:ll|s|re)\s+(?:(?:be|have|been)\s+)*$/i.test(before);
}

/** Present forms that report or state rather than schedule: "says Monday", "is Monday". */
const NOT_FUTURATE = new Set([
  'say', 'says', 'tell', 'tells', 'report', 'reports', 'add', 'adds', 'note', 'notes', 'claim', 'claims', 'show',
  'shows', 'believe', 'believes', 'think', 'thinks', 'know', 'knows', 'want', 'wants', 'need', 'needs', 'seem',
  'seems', 'remain', 'remains', 'continue', 'continues', 'have', 'has', 'do', 'does', 'is', 'are', 'am', 'be',
]);
/**
 * A finite present-tense verb of action right before the span in a clause with no other tense cue ("Arafat and
 * Netanyahu meet separately Monday", "the Senate votes Tuesday"): the news present of a scheduled event, which
 * lies ahead. compromise tags the verb; a bare form after "to" or a modal is an infinitive, not this present.
 */
export function presentVerbSchedules(text: string, start: number, end: number, sentStart: number, sentEnd: number): boolean {
  const [clauseStart] = clauseOf(text, start, end, sentStart, sentEnd);
  const left = text.slice(clauseStart, start);
  // The verb, then at most an adverb ("separately", "again") and "on", right before the day.
  const m = /([A-Za-z]+)\s+(?:([A-Za-z]+ly|again|here|there)\s+)?(?:on\s+)?$/.exec(left);
  if (!m) return false;
  const word = m[1]!.toLowerCase();
  if (NOT_FUTURATE.has(word) || cueOf(word)) return false;
  const at = clauseStart + m.index;
  const tags = tagsOf(text, sentStart, sentEnd).get(at);
  if (!tags || !tags.includes('Verb') || !tags.includes('PresentTense')) return false;
  if (['Copula', 'Auxiliary', 'Modal', 'Gerund', 'Participle', 'PastTense', 'Noun'].some((t) => tags.includes(t))) return false;
  return !/\b(?:to|will|would|shall|could|might|may|should|must|can|did|does|do|not|n't)\s+$/i.test(text.slice(Math.max(clauseStart, at - 8), at));
}

/**
 * The tense that governs the span [start, end) inside its sentence [sentStart, sentEnd).
 * @example tenseAt('They will meet Friday.', 15, 21, 0, 22) // 'FUTURE'
 */
export function tenseAt(text: string, start: number, end: number, sentStart: number, sentEnd: number): Tense {
  // "will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said": a bracketed restatement takes the
  // tense of the words it restates, to the left of the bracket.
  const open = /\(\s*$/.exec(text.slice(Math.max(sentStart, start - 3), start));
  if (open) {
    const paren = start - open[0].length;
    const left = nearest(cuesIn(text, sentStart, paren, start, end), start, end);
    if (left) return left;
  }
  const [clauseStart, clauseEnd] = clauseOf(text, start, end, sentStart, sentEnd);
  const inClause = nearest(cuesIn(text, clauseStart, clauseEnd, start, end), start, end);
  if (inClause) return inClause;
  return nearest(cuesIn(text, sentStart, sentEnd, start, end), start, end) ?? 'NONE';
}
