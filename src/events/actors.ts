// Actors as they appear in a sentence: named mentions, references ("the company"), and demonyms
// ("American officials" -> the United States entity when the article names it).
import { createRequire } from 'node:module';
import type { Doc, Entity, Token } from '../model/types.js';

export interface ActorSpan {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
  readonly text: string;
  /** Token indices into the sentence's token list, half-open. */
  readonly first: number;
  readonly last: number;
  /** "China’s interests": the actor only modifies the noun after it. */
  readonly possessive: boolean;
  /** "Chinese imports", "American officials": an adjective that stands for its country. */
  readonly demonym: boolean;
}

interface CountryRecord {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

let demonymTable: Map<string, string[]> | undefined;

/** demonym (lower case) -> the country's names (lower case): "american" -> ["united states", "us", "usa", ...]. */
function demonyms(): Map<string, string[]> {
  if (demonymTable) return demonymTable;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as CountryRecord[];
  demonymTable = new Map();
  for (const c of countries) {
    const names = [c.name.common, c.name.official, ...c.altSpellings].map((n) => n.toLowerCase());
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d) continue;
      const k = d.toLowerCase();
      demonymTable.set(k, [...new Set([...(demonymTable.get(k) ?? []), ...names])]);
    }
  }
  return demonymTable;
}

const normal = (s: string): string => s.toLowerCase().replace(/[.’']/gu, '').trim();

/** The article's entity for a demonym, if the article names that country. */
export function entityForDemonym(word: string, entities: readonly Entity[]): Entity | undefined {
  const names = demonyms().get(word.toLowerCase());
  if (!names) return undefined;
  // Asked once per demonym-like token: remember the answer per entity list (lists are never edited).
  let known = DEMONYM_ENTITY.get(entities);
  if (!known) DEMONYM_ENTITY.set(entities, (known = new Map()));
  const k = word.toLowerCase();
  if (known.has(k)) return known.get(k);
  const wanted = new Set(names.map(normal));
  const found = entities.find((e) => e.class === 'LOC' && [e.name, ...e.aliases, ...e.mentions.map((m) => m.text)].some((n) => wanted.has(normal(n))));
  known.set(k, found);
  return found;
}
const DEMONYM_ENTITY = new WeakMap<readonly Entity[], Map<string, Entity | undefined>>();

/** Per document: the named mentions (in entity order) and references inside each sentence. */
interface SentenceSpans {
  readonly mentions: { entity: Entity; start: number; end: number; text: string }[][];
  readonly references: { start: number; end: number; entity: string }[][];
}
const SENTENCE_SPANS = new WeakMap<Doc, SentenceSpans>();

/** Index of the sentence that contains [start, end), or -1 (sentences are sorted and do not overlap). */
function sentenceOf(doc: Doc, start: number, end: number): number {
  const ss = doc.sentences;
  let lo = 0;
  let hi = ss.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && ss[i]!.end >= start; i -= 1) if (start >= ss[i]!.start && end <= ss[i]!.end) return i;
  return -1;
}

/** Builds (once per document) the spans of each sentence, so a sentence does not scan the whole article's mentions. */
function sentenceSpans(doc: Doc): SentenceSpans {
  let spans = SENTENCE_SPANS.get(doc);
  if (spans) return spans;
  spans = { mentions: doc.sentences.map(() => []), references: doc.sentences.map(() => []) };
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      const si = sentenceOf(doc, m.start, m.end);
      if (si >= 0) spans.mentions[si]!.push({ entity: e, start: m.start, end: m.end, text: m.text });
    }
  }
  for (const r of doc.references) {
    const si = sentenceOf(doc, r.start, r.end);
    if (si >= 0) spans.references[si]!.push(r);
  }
  SENTENCE_SPANS.set(doc, spans);
  return spans;
}

/**
 * Actor spans inside one sentence, ordered, without overlaps (the longer span wins).
 * @example actorsIn(doc, 0) // [{ text: 'China', entity: 'e1', first: 0, ... }]
 */
export function actorsIn(doc: Doc, sentenceIndex: number): ActorSpan[] {
  const sentence = doc.sentences[sentenceIndex]!;
  const toks = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
  const raw: { start: number; end: number; entity: string; demonym: boolean }[] = [];
  const spans = sentenceSpans(doc);
  for (const { entity: e, ...m } of spans.mentions[sentenceIndex]!) {
    // A nationality tagged MISC ("Chinese imports") acts for its country when the article names it.
    const country = e.class === 'MISC' && !e.group ? entityForDemonym(m.text, doc.entities) : undefined;
    // "One company … is accused", once the article names that company, is that company.
    const one = e.group && /^(?:one|a|an)\s/iu.test(e.name) && e.members?.length === 1 ? e.members[0] : undefined;
    raw.push({ start: m.start, end: m.end, entity: country?.id ?? one ?? e.id, demonym: country !== undefined });
  }
  for (const r of spans.references[sentenceIndex]!) raw.push({ start: r.start, end: r.end, entity: r.entity, demonym: false });
  for (const t of toks) {
    if (!/^\p{Lu}/u.test(t.text)) continue;
    if (raw.some((r) => r.start <= t.start && r.end >= t.end)) continue;
    const e = entityForDemonym(t.text, doc.entities);
    if (e) raw.push({ start: t.start, end: t.end, entity: e.id, demonym: true });
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof raw = [];
  for (const r of raw) {
    const prev = kept.at(-1);
    if (prev && r.start < prev.end) continue;
    kept.push(r);
  }
  const out: ActorSpan[] = [];
  for (const r of kept) {
    const first = toks.findIndex((t) => t.end > r.start);
    let last = first;
    while (last < toks.length && toks[last]!.start < r.end) last += 1;
    if (first < 0 || last <= first) continue;
    const next = toks[last];
    out.push({
      start: r.start,
      end: r.end,
      entity: r.entity,
      text: doc.article.text.slice(r.start, r.end),
      first,
      last,
      possessive: next?.pos === 'Possessive' || /^['’]s?$/u.test(next?.text ?? '') || (r.demonym && isNounAfter(toks, last)),
      demonym: r.demonym,
    });
  }
  return out;
}

function isNounAfter(toks: readonly Token[], i: number): boolean {
  const t = toks[i];
  return t !== undefined && (t.pos === 'Noun' || t.pos === 'ProperNoun' || t.pos === 'Adjective');
}

export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'we']);
