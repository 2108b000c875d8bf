// Objects, targets and charges to the right of a trigger: "accused [the Trump administration] of [interfering …]".
import type { ActorSpan } from './actors.js';
import { isPreposition, type SentenceView } from './clauses.js';

const OBJECT_STOPS: ReadonlySet<string> = new Set(['that', ';', ':', 'which', 'who', 'because', 'if', 'but', 'while', 'after']);
/** Prepositions that may sit inside an object list ("X, including Y", "X as well as Y"). */
const LIST_PREPS: ReadonlySet<string> = new Set(['including', 'as', 'like']);
const LIST_LINKS: ReadonlySet<string> = new Set([',', 'and', 'or', 'including', 'other', 'such', 'as', 'well', 'both', 'its', 'their', 'the', 'a', 'an']);

export function actorAt(view: SentenceView, i: number): ActorSpan | undefined {
  return view.actors.find((a) => i >= a.first && i < a.last);
}

/**
 * Actors in object position right after token `from` (exclusive of modifiers when a head actor follows):
 * "urged [the US] to …", "condemned [Russia and Belarus] over …".
 */
export function objectsAfter(view: SentenceView, from: number, to: number = view.toks.length): ActorSpan[] {
  const out: ActorSpan[] = [];
  const modifiers: ActorSpan[] = [];
  let i = from;
  while (i < to) {
    const a = actorAt(view, i);
    if (a) {
      (a.possessive ? modifiers : out).push(a);
      i = a.last;
      continue;
    }
    const w = view.lower[i]!;
    if (OBJECT_STOPS.has(w) || (isPreposition(w) && !LIST_PREPS.has(w)) || /^[.!?]$/u.test(w)) break;
    // "condemned the measures as … and said Moscow would respond": a finite verb ends the object.
    if (i > from && view.toks[i]!.pos === 'Verb' && !view.toks[i]!.tags.includes('Gerund') && !view.toks[i]!.tags.includes('Participle')) break;
    if (w === ',' && out.length > 0 && !actorAt(view, i + 1) && !LIST_LINKS.has(view.lower[i + 1] ?? '')) break;
    i += 1;
  }
  return out.length > 0 ? out : modifiers.slice(0, 1);
}

/** Nouns of trade whose "to"/"from" names the country hit: "exports to South Korea", "imports from Japan". */
const TRADE_FLOWS: ReadonlySet<string> = new Set(['exports', 'imports', 'shipments', 'sales', 'exported', 'imported', 'goods', 'products']);
/** Prepositions that introduce the party a sanction or retaliation falls on. */
const TARGET_PREPS: ReadonlySet<string> = new Set(['on', 'against', 'including', 'for']);

/**
 * Actors a measure falls on: objects of "on"/"against" PPs and lists after "including", until the clause ends.
 * Demonyms count right after the preposition ("duties on Chinese imports" -> China).
 */
export function measureTargets(view: SentenceView, from: number, to: number, objectFirst: boolean): ActorSpan[] {
  const out: ActorSpan[] = [];
  // Demonyms and names that modify a noun ("a Swiss firm", "Hong Kong companies") count only if nothing better.
  const weak: ActorSpan[] = [];
  let active = objectFirst;
  let sincePrep = 0;
  for (let i = from; i < to; i += 1) {
    const a = actorAt(view, i);
    if (a) {
      const modifier = /^\p{Ll}/u.test(view.toks[a.last]?.text ?? '') && view.toks[a.last]!.pos === 'Noun';
      if (active && (!a.demonym || sincePrep <= 2) && !(a.possessive && !a.demonym)) (modifier || a.demonym ? weak : out).push(a);
      i = a.last - 1;
      sincePrep += 1;
      continue;
    }
    const w = view.lower[i]!;
    if (TARGET_PREPS.has(w)) {
      active = true;
      sincePrep = 0;
      continue;
    }
    sincePrep += 1;
    // "on $75 billion worth of US goods", "controls on exports to South Korea", "imports from 10 Japanese
    // prefectures": a quantity's "of", a trade flow's "to"/"from" keep the target phrase open.
    const prev = view.lower[i - 1] ?? '';
    if (active && ((w === 'of' && (prev === 'worth' || /^(billion|million|trillion|\d[\d,.]*%?)$/u.test(prev))) || ((w === 'to' || w === 'from') && TRADE_FLOWS.has(prev)))) {
      sincePrep = 0;
      continue;
    }
    if ((isPreposition(w) && w !== 'as' && w !== 'from') || ['that', 'which', 'who', ';'].includes(w)) active = false;
    if (w === ',' && !LIST_LINKS.has(view.lower[i + 1] ?? '') && !actorAt(view, i + 1)) active = false;
  }
  return out.length > 0 ? out : weak;
}

/** Surface text of tokens [from, to) without enclosing quotation marks or trailing punctuation. */
export function phrase(view: SentenceView, text: string, from: number, to: number): string | undefined {
  let a = from;
  let b = to;
  // "dumping steel on Tuesday" -> "dumping steel": the date is the event's, not part of its content.
  const firstDate = view.dated ? view.dated.findIndex((d, k) => d && k >= from && k < to) : -1;
  if (firstDate > from) {
    b = firstDate;
    while (b > a && (isPreposition(view.lower[b - 1]!) || ['last', 'this', 'next', 'early', 'late', 'earlier'].includes(view.lower[b - 1]!))) b -= 1;
  }
  const strip = /^[“”"‘’,.;:]$/u;
  while (a < b && strip.test(view.toks[a]!.text)) a += 1;
  while (b > a && strip.test(view.toks[b - 1]!.text)) b -= 1;
  if (b <= a) return undefined;
  return text.slice(view.toks[a]!.start, view.toks[b - 1]!.end).replace(/[“”"]/gu, '').replace(/\s+/gu, ' ').trim() || undefined;
}

const CHARGE_STOPS: ReadonlySet<string> = new Set(['by', ';', 'after', 'amid', 'while', 'because', 'but', 'which']);

/**
 * End of a complement starting at `from`: a clause stop, a comma outside a quotation, or a closing quote followed
 * by an attribution comma.
 */
export function complementEnd(view: SentenceView, from: number, to: number = view.toks.length, coordinated = true): number {
  for (let i = from; i < to; i += 1) {
    const w = view.lower[i]!;
    if (CHARGE_STOPS.has(w) || /^[.!?]$/u.test(w)) return i;
    // "… violated basic norms and harmed China's interests": a coordinated predicate is its own charge.
    if (!coordinated && (w === 'and' || w === 'or') && i > from && isVerbish(view, i + 1)) return i;
    if (w === ',' && !view.quoted[i] && i > from) return i;
    if (/^[”"]$/u.test(view.toks[i]!.text) && view.lower[i - 1] === ',') return i - 1;
  }
  return to;
}

/** Index of the first token in [from, to) equal to one of `words`, or -1. */
export function indexOfWord(view: SentenceView, words: readonly string[], from: number, to: number): number {
  for (let i = from; i < to; i += 1) if (words.includes(view.lower[i]!) && !actorAt(view, i)) return i;
  return -1;
}

/** The quoted words within [from, to), joined; undefined when there are none. */
export function quotedIn(view: SentenceView, text: string, from: number, to: number): string | undefined {
  const parts: string[] = [];
  let i = from;
  while (i < to) {
    if (!view.quoted[i] || /^[“”"]$/u.test(view.toks[i]!.text)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < to && view.quoted[j] && !/^[“”"]$/u.test(view.toks[j]!.text)) j += 1;
    const p = phrase(view, text, i, j);
    if (p) parts.push(p);
    i = j;
  }
  return parts.length > 0 ? parts.join(' … ') : undefined;
}

function isVerbish(view: SentenceView, i: number): boolean {
  let k = i;
  while (view.toks[k] && (view.toks[k]!.pos === 'Adverb' || /^[“”"]$/u.test(view.toks[k]!.text))) k += 1;
  const t = view.toks[k];
  if (t === undefined || t.tags.includes('Gerund')) return false;
  return t.pos === 'Verb' || (t.pos === 'Adjective' && /ed$/u.test(t.text));
}
