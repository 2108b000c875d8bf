// Mentions -> actors: "President Donald Trump" ... "Trump" one PER (title President); "U.S." ... "Washington" one LOC United States.
import { countryByDemonym, countryByName, type CountryInfo } from '../../actors/countries.js';
import { actorKey, normaliseName } from '../../actors/normalise.js';
import { COMPANY_CONTEXT, orgSubtype } from '../../actors/subtypes.js';
import { HONORIFICS, TITLE_HEADS, TITLE_WORDS } from '../../actors/titles.js';
import { firstTokenAtOrAfter, POSSESSIVE_TOKEN } from '../../actors/tokens.js';
import type { Doc, Entity, EntityClass, EntityRelation, Mention } from '../../model/types.js';
import type { Stage } from '../stage.js';

export { normaliseName };

/**
 * The stable cross-article key of a name: class plus a normalised form (case, quotes, punctuation folded).
 * Kept for callers of the baseline; the resolver itself also folds country variants and legal forms.
 * @example entityKey('ORG', 'Acme Widgets Ltd.') // 'ORG:acme widgets'
 */
export function entityKey(cls: EntityClass, name: string, country?: string): string {
  return actorKey(cls, name, { company: cls === 'ORG', ...(country ? { country } : {}) });
}

/** Mentions that share one key before short forms are joined. */
interface Group {
  key: string;
  cls: EntityClass;
  canonical: string;
  mentions: Mention[];
  /** Index of the group this one joined (a short form of it), if any. */
  parent?: number;
  relations: EntityRelation[];
  unsure: number[];
}

const ACRONYM = /^(?:[A-Z]\.?){2,6}$/u;
const FUNCTION_WORDS = new Set(['of', 'and', 'the', 'for', 'de', 'on', '&', 'in']);

function canonicalOf(m: Mention): string {
  if (m.actor?.canonical) return m.actor.canonical;
  if (m.class === 'LOC') return countryByName(m.text)?.name ?? m.text;
  return m.text;
}

function keyOf(m: Mention): string {
  const canonical = canonicalOf(m);
  const sub = m.actor?.subtype;
  if (sub === 'government_body' || sub === 'government') return actorKey('ORG', canonical, m.actor?.country ? { country: m.actor.country } : {});
  return entityKey(m.class, canonical);
}

/** The normalised words of a name; cached, since short-form joining compares every pair of groups. */
function words(s: string): readonly string[] {
  let w = WORDS.get(s);
  if (w === undefined) {
    w = normaliseName(s).split(' ').filter((x) => x.length > 0);
    if (WORDS.size >= WORDS_MAX) WORDS.clear();
    WORDS.set(s, w);
  }
  return w;
}
const WORDS = new Map<string, readonly string[]>();
const WORDS_MAX = 50_000;

/** Initials of a name's capitalised words: "World Trade Organization" -> "WTO". */
export function initials(name: string): string {
  return name
    .split(/\s+/u)
    .filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

/** True when the acronym's letters are, in order, initials of words of the name: "WTO" / "World Trade Organization". */
function isAbbreviationOf(letters: string, name: string): boolean {
  const caps = name.split(/[\s-]+/u).map((w) => w[0]?.toUpperCase() ?? '').join('');
  let i = 0;
  for (const c of caps) if (c === letters[i]) i += 1;
  return i === letters.length && caps[0] === letters[0];
}

/**
 * Clusters mentions into entities: same key first, then a short form joins its unique full form (surname,
 * leading words of a company name, acronym), and names are chosen, subtyped and titled.
 * @example clusterMentions(doc).map((e) => e.name) // ['Donald Trump', 'United States', ...]
 */
export function clusterMentions(doc: Doc): Entity[] {
  const ordered = [...doc.mentions].sort((a, b) => a.start - b.start);
  const groups: Group[] = [];
  const byKey = new Map<string, number>();
  for (const m of ordered) {
    const key = keyOf(m);
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      groups.push({ key, cls: m.class, canonical: canonicalOf(m), mentions: [], relations: [], unsure: [] });
      byKey.set(key, g);
    }
    groups[g]!.mentions.push(m);
  }
  joinShortForms(doc, groups);
  return toEntities(doc, groups);
}

function isGovernment(g: Group): boolean {
  return g.mentions.some((m) => m.actor?.subtype === 'government_body' || m.actor?.subtype === 'government');
}

function joinShortForms(doc: Doc, groups: Group[]): void {
  const text = doc.article.text;
  groups.forEach((g, gi) => {
    if (isGovernment(g) || g.cls === 'LOC' || (g.cls === 'MISC' && !ACRONYM.test(g.canonical))) return;
    const w = words(g.canonical);
    // Acronym given in brackets right after its expansion: "the World Trade Organization (WTO)".
    if (ACRONYM.test(g.canonical)) {
      for (const m of g.mentions) {
        const open = openBracketBefore(text, m.start);
        if (!open) continue;
        const letters = g.canonical.replace(/\./gu, '');
        const longIdx = groups.findIndex((o, oi) => oi !== gi && o.cls !== 'PER' && isAbbreviationOf(letters, o.canonical) &&
          o.mentions.some((lm) => lm.end <= open.index && /^\s*$/u.test(text.slice(lm.end, open.index))));
        if (longIdx >= 0) {
          g.parent = longIdx;
          return;
        }
      }
      const letters = g.canonical.replace(/\./gu, '');
      const matches = groups.map((o, oi) => [o, oi] as const).filter(([o, oi]) => oi !== gi && o.cls !== 'PER' && o.canonical.includes(' ') && initials(o.canonical) === letters);
      if (matches.length === 1) g.parent = matches[0]![1];
      return;
    }
    if (g.cls === 'PER') {
      const candidates = groups
        .map((o, oi) => [o, oi] as const)
        .filter(([o, oi]) => {
          if (oi === gi || o.cls !== 'PER') return false;
          const ow = words(o.canonical);
          if (ow.length <= w.length) return false;
          if (w.length === 1) return ow[0] === w[0] || ow.at(-1) === w[0];
          return w.every((x) => ow.includes(x)) && (ow.at(-1) === w.at(-1) || ow[0] === w[0]);
        });
      if (candidates.length === 1) g.parent = candidates[0]![1];
      else if (candidates.length > 1) g.unsure = candidates.map(([, oi]) => oi);
      return;
    }
    if (g.cls === 'ORG') {
      const candidates = groups
        .map((o, oi) => [o, oi] as const)
        .filter(([o, oi]) => {
          if (oi === gi || o.cls !== 'ORG' || isGovernment(o)) return false;
          const ow = words(o.canonical);
          return ow.length > w.length && w.every((x, i) => ow[i] === x);
        });
      if (candidates.length === 1) g.parent = candidates[0]![1];
      else if (candidates.length > 1) g.unsure = candidates.map(([, oi]) => oi);
    }
  });
}

/** "(" followed only by whitespace right before `at`, as /\(\s*$/u on the text before it, without copying that text. */
function openBracketBefore(text: string, at: number): { index: number } | null {
  let i = at;
  while (i > 0 && /\s/u.test(text[i - 1]!)) i -= 1;
  return i > 0 && text[i - 1] === '(' ? { index: i - 1 } : null;
}

function root(groups: readonly Group[], i: number): number {
  let r = i;
  const seen = new Set<number>();
  while (groups[r]!.parent !== undefined && !seen.has(r)) {
    seen.add(r);
    r = groups[r]!.parent!;
  }
  return r;
}

/** The title and country written before a person's name: "US President Donald Trump" -> President, United States. */
function titleBefore(doc: Doc, m: Mention): { title?: string; country?: CountryInfo } {
  const toks = doc.tokens;
  let i = firstTokenAtOrAfter(toks, m.start);
  const end = i;
  while (i - 1 >= 0 && toks[i - 1]!.sentence === toks[end]?.sentence && TITLE_WORDS.has(toks[i - 1]!.text.toLowerCase()) && /^\p{Lu}/u.test(toks[i - 1]!.text)) i -= 1;
  const run = toks.slice(i, end);
  if (!run.some((t) => TITLE_HEADS.has(t.text.toLowerCase()))) return {};
  const titleToks = run.filter((_, k) => k >= run.findIndex((t) => !HONORIFICS.has(t.text.toLowerCase())) || run.every((t) => HONORIFICS.has(t.text.toLowerCase())));
  let j = i;
  if (j - 1 >= 0 && POSSESSIVE_TOKEN.test(toks[j - 1]!.text)) j -= 1;
  const q = toks[j - 1];
  const country = q && q.sentence === toks[end]?.sentence ? countryByName(q.text) ?? countryByDemonym(q.text) : undefined;
  const title = titleToks.length > 0 ? doc.article.text.slice(titleToks[0]!.start, titleToks.at(-1)!.end) : undefined;
  return { ...(title ? { title } : {}), ...(country ? { country } : {}) };
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function toEntities(doc: Doc, groups: Group[]): Entity[] {
  const clusters = new Map<number, number[]>();
  groups.forEach((_, i) => {
    const r = root(groups, i);
    const list = clusters.get(r);
    if (list) list.push(i);
    else clusters.set(r, [i]);
  });
  const order = [...clusters.entries()]
    .map(([r, members]) => ({ r, members, mentions: members.flatMap((i) => groups[i]!.mentions).sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  const idOfRoot = new Map<number, string>();
  order.forEach((c, i) => idOfRoot.set(c.r, `e${i + 1}`));
  return order.map(({ r, members, mentions }): Entity => {
    const g = groups[r]!;
    const cls = g.cls;
    const actors = mentions.map((m) => m.actor).filter((a) => a !== undefined);
    const display = actors.find((a) => a.display)?.display;
    const longest = [...mentions].sort((a, b) => words(b.text).length - words(a.text).length || b.text.length - a.text.length)[0]!;
    const countryEntity = cls === 'LOC' && actors.some((a) => a.subtype === 'country') ? g.canonical : undefined;
    const name = display ?? countryEntity ?? (cls === 'PER' || cls === 'ORG' ? longest.text : g.canonical);
    let subtype = actors.find((a) => a.subtype)?.subtype;
    if (!subtype && cls === 'ORG') {
      const wordBefore = mentions.map((m) => doc.tokens[firstTokenAtOrAfter(doc.tokens, m.start) - 1]?.text).find((w) => w !== undefined && COMPANY_CONTEXT.test(w));
      subtype = orgSubtype(name, wordBefore) ?? mentions.map((m) => orgSubtype(m.text)).find((s) => s !== undefined);
    }
    if (!subtype && cls === 'LOC' && countryByName(g.canonical)) subtype = 'country';
    let country = actors.find((a) => a.country)?.country;
    if (cls === 'MISC') country ??= countryByDemonym(g.canonical)?.name;
    let title: string | undefined;
    if (cls === 'PER') {
      const found = mentions.map((m) => titleBefore(doc, m));
      title = mostCommon(found.map((f) => f.title).filter((t): t is string => t !== undefined && !HONORIFICS.has(t.toLowerCase())));
      title ??= mostCommon(found.map((f) => f.title).filter((t): t is string => t !== undefined));
      country ??= found.find((f) => f.country)?.country?.name;
    }
    const aliases = [...new Set(mentions.map((m) => m.text))].filter((t) => t !== name).sort();
    const relations: EntityRelation[] = members
      .flatMap((i) => groups[i]!.unsure)
      .map((oi) => idOfRoot.get(root(groups, oi)))
      .filter((id): id is string => id !== undefined && id !== idOfRoot.get(r))
      .map((entity) => ({ type: 'POSSIBLY_SAME_AS' as const, entity }));
    return {
      id: idOfRoot.get(r)!,
      key: g.key,
      name,
      class: cls,
      ...(subtype ? { subtype } : {}),
      aliases,
      mentions: mentions.map((m) => ({ text: m.text, start: m.start, end: m.end })),
      ...(country && country !== countryEntity ? { country } : {}),
      ...(title ? { title } : {}),
      ...(relations.length > 0 ? { relations: [...new Map(relations.map((x) => [x.entity, x])).values()] } : {}),
    };
  });
}

export const resolveEntities: Stage = {
  name: 'resolve-entities',
  requires: ['tokens', 'mentions'],
  assigns: ['entities'],
  run(doc) {
    return { ...doc, entities: clusterMentions(doc) };
  },
};
