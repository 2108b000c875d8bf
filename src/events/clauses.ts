// Clause structure of one sentence from its tokens: clause ids, quoted stretches, and who is speaking
// ("“We urge the US …,” Zhao said." -> speaker Zhao for the quoted stretch).
import type { Token } from '../model/types.js';
import type { ActorSpan } from './actors.js';
import { SPEECH_VERBS } from './lexicon.js';

/** Words that open a new clause: subordinators, relatives, complementisers, coordinators of clauses. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ';', 'but', 'while', 'whereas', 'although', 'though', 'because', 'if', 'unless', 'whether', 'when', 'after',
  'before', 'since', 'that', 'which', 'who', 'whom', 'where',
]);
const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'about', 'against', 'over', 'into', 'amid', 'among',
  'including', 'as', 'than', 'between', 'under', 'through', 'across', 'toward', 'towards', 'via', 'like',
]);
const OPEN_QUOTES = /^[“"‘]$/u;
const CLOSE_QUOTES = /^[”"’]$/u;

export interface Attribution {
  /** Token index of the speech verb; -1 for "according to" or a speaker carried over from an earlier sentence. */
  readonly verb: number;
  readonly speakers: readonly ActorSpan[];
  /** Pronoun standing for the speaker ("he said"), resolved by the caller. */
  readonly pronoun?: string;
  /** Token range [from, to) of what is reported. */
  readonly from: number;
  readonly to: number;
  readonly inherited: boolean;
}

export interface SentenceView {
  readonly index: number;
  readonly toks: readonly Token[];
  readonly lower: readonly string[];
  readonly actors: readonly ActorSpan[];
  /** Clause number of each token. */
  readonly clause: readonly number[];
  /** Whether each token lies inside quotation marks. */
  readonly quoted: readonly boolean[];
  /** Whether the sentence ends inside a quotation that continues into the next one. */
  readonly openAtEnd: boolean;
  /** Whether each token lies inside a temporal expression (charges stop before them). */
  readonly dated?: readonly boolean[];
}

/**
 * Builds the view of a sentence: lower-cased words, clause ids, and the quote mask.
 * @example viewSentence(0, tokens, actors, false).clause // [0, 0, 0, 1, 1, ...]
 */
export function viewSentence(index: number, toks: readonly Token[], actors: readonly ActorSpan[], openAtStart: boolean): SentenceView {
  const lower = toks.map((t) => t.text.toLowerCase().replace(/’/gu, "'"));
  const clause: number[] = [];
  const quoted: boolean[] = [];
  let c = 0;
  let inQuote = openAtStart;
  for (let i = 0; i < toks.length; i += 1) {
    const w = lower[i]!;
    const raw = toks[i]!.text;
    if (isClauseOpener(lower, toks, i, actors)) c += 1;
    if (raw === '"') {
      inQuote = !inQuote;
      quoted.push(true);
    } else if (OPEN_QUOTES.test(raw) && raw !== '’') {
      inQuote = true;
      quoted.push(true);
    } else if (CLOSE_QUOTES.test(raw) && raw !== '’') {
      quoted.push(true);
      inQuote = false;
    } else {
      quoted.push(inQuote);
    }
    clause.push(c);
    void w;
  }
  return { index, toks, lower, actors, clause, quoted, openAtEnd: inQuote };
}

function isClauseOpener(lower: readonly string[], toks: readonly Token[], i: number, actors: readonly ActorSpan[]): boolean {
  const w = lower[i]!;
  if (actors.some((a) => i >= a.first && i < a.last)) return false;
  if (w === 'and' && lower[i - 1] === ',') return true;
  if (!CLAUSE_OPENERS.has(w)) return false;
  if (w === 'that' && (PREPOSITIONS.has(lower[i - 1] ?? '') || i === 0)) return false;
  if ((w === 'after' || w === 'before' || w === 'since') && toks[i + 1]?.tags.includes('Gerund')) return false;
  return true;
}

export function isPreposition(word: string): boolean {
  return PREPOSITIONS.has(word);
}

/** Token range [from, to) of clause `c`. */
export function clauseRange(view: SentenceView, c: number): [number, number] {
  const from = view.clause.indexOf(c);
  const to = view.clause.lastIndexOf(c) + 1;
  return [Math.max(0, from), to];
}

function actorAt(view: SentenceView, i: number): ActorSpan | undefined {
  return view.actors.find((a) => i >= a.first && i < a.last);
}

/** "said" not inside quotes; "according to". */
export function findAttribution(view: SentenceView): Attribution | undefined {
  const { lower, toks } = view;
  for (let v = 0; v < toks.length; v += 1) {
    if (view.quoted[v]) continue;
    if (lower[v] === 'according' && lower[v + 1] === 'to') {
      const end = nextStop(view, v + 2);
      const speakers = view.actors.filter((a) => a.first >= v + 2 && a.first < end);
      if (speakers.length === 0) continue;
      const before = v > 0 ? [0, v] : [end, toks.length];
      return { verb: -1, speakers, from: before[0]!, to: before[1]!, inherited: false };
    }
    if (!SPEECH_VERBS.has(lower[v]!) || !toks[v]!.tags.includes('Verb')) continue;
    if (actorAt(view, v)) continue;
    const prev = lower[v - 1] ?? '';
    // Post-posed subject: "…,” said a ministry spokesman, Zhao Lijian."
    if (prev === ',' || CLOSE_QUOTES.test(toks[v - 1]?.text ?? '')) {
      const speakers = view.actors.filter((a) => a.first > v);
      const restHasVerb = toks.some((t, k) => k > v && t.pos === 'Verb' && !view.actors.some((a) => k >= a.first && k < a.last));
      const pronoun = /^(he|she|it|they|we)$/u.test(lower[v + 1] ?? '') ? lower[v + 1] : undefined;
      if (!restHasVerb && (speakers.length > 0 || pronoun)) return { verb: v, speakers, ...(pronoun ? { pronoun } : {}), from: 0, to: v - 1, inherited: false };
    }
    // "…, the Commerce Department said." / "“…,” Zhao said."
    const comma = lastIndexBefore(view, v, (i) => lower[i] === ',' || CLOSE_QUOTES.test(toks[i]!.text));
    const subjectFrom = comma >= 0 ? comma + 1 : clauseStart(view, v);
    const between = view.actors.filter((a) => a.first >= subjectFrom && a.last <= v);
    const pronounAt = lastIndexBefore(view, v, (i) => i >= subjectFrom && /^(he|she|it|they|we)$/u.test(lower[i]!));
    if (comma >= 0 && restIsAdjunct(view, v + 1)) {
      if (between.length > 0 || pronounAt >= 0) {
        return { verb: v, speakers: between, ...(pronounAt >= 0 && between.length === 0 ? { pronoun: lower[pronounAt]! } : {}), from: 0, to: comma, inherited: false };
      }
    }
    // Pre-posed: "Aksu Huafu said in a statement the decision …", "Washington says … might be threats".
    const subject = subjectBefore(view, v);
    if (subject.actors.length > 0 || subject.pronoun) {
      return { verb: v, speakers: subject.actors, ...(subject.pronoun ? { pronoun: subject.pronoun } : {}), from: v + 1, to: toks.length, inherited: false };
    }
  }
  return undefined;
}

function restIsAdjunct(view: SentenceView, from: number): boolean {
  const rest = view.lower.slice(from).filter((w) => !/^[.!?]$/u.test(w));
  if (rest.length === 0) return true;
  return rest.length <= 5 && ['in', 'on', 'at', 'to', 'late', 'earlier', 'today', 'yesterday'].includes(rest[0]!) && !rest.includes(',');
}

function nextStop(view: SentenceView, from: number): number {
  for (let i = from; i < view.toks.length; i += 1) if (/^[,;.]$/u.test(view.lower[i]!)) return i;
  return view.toks.length;
}

function lastIndexBefore(view: SentenceView, v: number, pred: (i: number) => boolean): number {
  for (let i = v - 1; i >= 0; i -= 1) if (pred(i)) return i;
  return -1;
}

export function clauseStart(view: SentenceView, i: number): number {
  return clauseRange(view, view.clause[i] ?? 0)[0];
}

const SUBORDINATORS: ReadonlySet<string> = new Set(['after', 'before', 'because', 'if', 'unless', 'when', 'since', 'although', 'though', 'whether']);

export interface Subject {
  readonly actors: ActorSpan[];
  readonly pronoun?: string;
}

/**
 * The subject of the verb at token `v`: the nearest actor to its left in the clause that is not the object of a
 * preposition (a possessive modifier only if nothing better); conjoined actors come along ("X and Y accused").
 * Crosses into the previous clause when the verb's clause opens with a relative or coordinator and holds no actor.
 */
export function subjectBefore(view: SentenceView, v: number, exclude: ReadonlySet<string> = new Set()): Subject {
  // "Kaluga Group, which employs … in Kaluga and Nizhny Novgorod, denied": the subject precedes the parenthetical.
  const parenthetical = subjectBeforeParenthetical(view, v, exclude);
  if (parenthetical) return parenthetical;
  let c = view.clause[v] ?? 0;
  let to = v;
  let coordinated = false;
  for (;;) {
    const [from] = clauseRange(view, c);
    // A coordinated verb skips subordinate clauses back to its conjunct: "X said …, after India banned …, and urged …".
    const subordinate = coordinated && SUBORDINATORS.has(view.lower[from] ?? '');
    const found = subordinate ? undefined : pickSubject(view, from, to, exclude, coordinated);
    if (found) return found;
    if (subordinate && c > 0) {
      c -= 1;
      to = from;
      continue;
    }
    const opener = view.lower[from] ?? '';
    if (c === 0 || !['which', 'who', 'that', 'and', 'but', ',', 'while'].includes(opener)) return { actors: [] };
    // "X did not accuse Seoul …, but said …": a coordinated verb shares the subject of the clause before, not its object.
    coordinated = ['and', 'but', 'while'].includes(opener) || (opener === ',' && view.lower[from + 1] === 'and');
    c -= 1;
    to = from;
  }
}

function pickSubject(view: SentenceView, from: number, to: number, exclude: ReadonlySet<string>, leftmost = false): Subject | undefined {
  const cands = view.actors.filter((a) => a.first >= from && a.last <= to && !exclude.has(a.entity));
  const pronoun = lastIndexBefore(view, to, (i) => i >= from && /^(he|she|it|they|we)$/u.test(view.lower[i]!) && !actorAt(view, i));
  const isPrepObject = (a: ActorSpan): boolean => {
    let k = a.first - 1;
    while (k >= from && ['the', 'a', 'an', 'its', 'their', 'his', 'her'].includes(view.lower[k]!)) k -= 1;
    const w = view.lower[k] ?? '';
    return isPreposition(w) || (view.actors.some((b) => b.last === k + 1 && b.possessive) && false);
  };
  const rank = (a: ActorSpan): number => (isPrepObject(a) ? 2 : a.possessive ? 1 : 0);
  let best: ActorSpan | undefined;
  // An actor inside a prepositional phrase ("in connection with Xinjiang") is never the subject.
  for (const a of leftmost ? cands : [...cands].reverse()) if (rank(a) < 2 && (!best || rank(a) < rank(best))) best = a;
  if (pronoun >= 0 && (!best || pronoun >= best.last) && (!best || rank(best) > 0)) return { actors: [], pronoun: view.lower[pronoun]! };
  if (!best) return pronoun >= 0 ? { actors: [], pronoun: view.lower[pronoun]! } : undefined;
  // Conjoined subjects: "China and Russia condemned …"
  const group = [best];
  let k = best.first - 1;
  for (;;) {
    if (!['and', ','].includes(view.lower[k] ?? '')) break;
    const prev = view.actors.find((a) => a.last === k && a.first >= from);
    if (!prev || rank(prev) !== rank(best)) break;
    group.unshift(prev);
    k = prev.first - 1;
  }
  return { actors: group };
}

/** An actor right before ", … ," that ends just before the verb at `v` (apposition or relative clause). */
function subjectBeforeParenthetical(view: SentenceView, v: number, exclude: ReadonlySet<string>): Subject | undefined {
  let k = v - 1;
  while (k >= 0 && (view.toks[k]!.pos === 'Adverb' || view.lower[k] === 'also')) k -= 1;
  if (view.lower[k] !== ',' || view.quoted[k]) return undefined;
  for (let p = k - 1; p > 0; p -= 1) {
    if (view.quoted[p]) return undefined;
    if (view.lower[p] !== ',') continue;
    const a = view.actors.find((x) => x.last === p && !exclude.has(x.entity) && !x.demonym);
    if (a && !a.possessive) return { actors: [a] };
  }
  return undefined;
}
