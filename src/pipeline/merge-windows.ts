// The records of a huge article's windows -> one article record: offsets shifted back to the article, entities merged
// by key, and a short form in one window joined to its full form from another ("Trump" in window 3 -> "Donald Trump").
import { createHash } from 'node:crypto';
import { normaliseName } from '../actors/normalise.js';
import type { Article, DateRef, Entity, EntityRelation, Event, ExtractionRecord, Reference } from '../model/types.js';
import { toRecord } from './record.js';
import { newDoc } from '../model/doc.js';
import { groupKey } from './stages/extract-groups.js';
import { initials } from './stages/resolve-entities.js';

/** One window's record and where the window starts in the article. */
export interface WindowRecord {
  readonly offset: number;
  readonly record: ExtractionRecord;
}

const ACRONYM = /^(?:[A-Z]\.?){2,6}$/u;
const GOVERNMENT: ReadonlySet<string> = new Set(['government_body', 'government']);

/** An entity of the whole article in the making: every window entity with one key. */
interface Slot {
  key: string;
  first: Entity;
  /** The window entities with this key, each with the window it came from. */
  parts: { entity: Entity; window: number }[];
  words: readonly string[];
  parent?: number;
  unsure: number[];
}

/**
 * Merges window records (in text order) into the record `extract` would give for the whole article: spans shifted
 * by each window's offset, one entity per key (mentions concatenated, aliases unioned), window-local ids renumbered,
 * events, references and dates concatenated with unique ids.
 * @example mergeWindows(article, [{ offset: 0, record: r1 }, { offset: 131072, record: r2 }]).entities
 */
export function mergeWindows(article: Article, windows: readonly WindowRecord[]): ExtractionRecord {
  const slots: Slot[] = [];
  const slotOfKey = new Map<string, number>();
  /** `${window}|${local id}` -> slot. */
  const slotOfId = new Map<string, number>();
  windows.forEach(({ offset, record }, w) => {
    for (const e of record.entities) {
      const mentions = e.mentions.map((m) => ({ text: m.text, start: m.start + offset, end: m.end + offset }));
      const key = e.group ? groupKey(article.id, mentions[0]!.start) : e.key;
      const shifted: Entity = { ...e, key, mentions };
      const k = `${e.class}|${key}`;
      let s = slotOfKey.get(k);
      if (s === undefined) {
        s = slots.length;
        slots.push({ key, first: shifted, parts: [], words: wordsOf(e.name), unsure: [] });
        slotOfKey.set(k, s);
      }
      slots[s]!.parts.push({ entity: shifted, window: w });
      slotOfId.set(`${w}|${e.id}`, s);
    }
  });
  joinShortForms(slots);

  const rootOf = (s: number): number => {
    let r = s;
    while (slots[r]!.parent !== undefined) r = slots[r]!.parent!;
    return r;
  };
  const clusters = new Map<number, number[]>();
  slots.forEach((_, s) => {
    const r = rootOf(s);
    const list = clusters.get(r) ?? [];
    list.push(s);
    clusters.set(r, list);
  });
  const built = [...clusters].map(([r, members]) => ({ r, members, mentions: members.flatMap((s) => slots[s]!.parts.flatMap((p) => p.entity.mentions)).sort((a, b) => a.start - b.start) }));
  // As the resolver numbers them: named entities e1… by first mention, then groups g1… in text order.
  const named = built.filter((c) => !slots[c.r]!.first.group).sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  const groups = built.filter((c) => slots[c.r]!.first.group).sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  const idOfRoot = new Map<number, string>();
  named.forEach((c, i) => idOfRoot.set(c.r, `e${i + 1}`));
  groups.forEach((c, i) => idOfRoot.set(c.r, `g${i + 1}`));
  const idOf = (w: number, local: string): string | undefined => {
    const s = slotOfId.get(`${w}|${local}`);
    return s === undefined ? undefined : idOfRoot.get(rootOf(s));
  };

  const entities = [...named, ...groups].map(({ r, members, mentions }): Entity => {
    const root = slots[r]!;
    const placed = members.flatMap((s) => slots[s]!.parts);
    const parts = placed.map((p) => p.entity);
    const id = idOfRoot.get(r)!;
    const name = root.first.class === 'PER' || root.first.class === 'ORG' ? longestName(parts) : root.first.name;
    const aliases = [...new Set(parts.flatMap((p) => [p.name, ...p.aliases]))].filter((a) => a !== name).sort();
    const firstOf = <K extends 'subtype' | 'country' | 'title'>(k: K): Entity[K] => parts.find((p) => p[k] !== undefined)?.[k];
    const relations = new Map<string, EntityRelation>();
    for (const s of members) {
      for (const { entity: p, window } of slots[s]!.parts) {
        for (const rel of p.relations ?? []) {
          const to = idOf(window, rel.entity);
          if (to !== undefined && to !== id) relations.set(`${rel.type}|${to}`, { type: rel.type, entity: to });
        }
      }
      for (const u of slots[s]!.unsure) {
        const to = idOfRoot.get(rootOf(u));
        if (to !== undefined && to !== id) relations.set(`POSSIBLY_SAME_AS|${to}`, { type: 'POSSIBLY_SAME_AS', entity: to });
      }
    }
    const memberIds = root.first.group
      ? unique(placed.flatMap(({ entity: p, window }) => (p.members ?? []).map((m) => idOf(window, m)).filter((m): m is string => m !== undefined)))
      : undefined;
    const subtype = firstOf('subtype');
    const country = firstOf('country');
    const title = firstOf('title');
    return {
      id,
      key: root.key,
      name,
      class: root.first.class,
      ...(subtype !== undefined ? { subtype } : {}),
      aliases,
      mentions,
      ...(root.first.group ? { group: true } : {}),
      ...(memberIds !== undefined ? { members: memberIds } : {}),
      ...(country !== undefined ? { country } : {}),
      ...(title !== undefined ? { title } : {}),
      ...(relations.size > 0 ? { relations: [...relations.values()] } : {}),
    };
  });

  const references: Reference[] = [];
  const events: Event[] = [];
  const nonFactual: Event[] = [];
  const dates: DateRef[] = [];
  windows.forEach(({ offset, record }, w) => {
    for (const r of record.references) {
      const entity = idOf(w, r.entity);
      if (entity !== undefined) references.push({ ...r, start: r.start + offset, end: r.end + offset, entity });
    }
    const shiftEvent = (e: Event): Event => ({
      ...e,
      id: windowEventId(article.id, w, e.id),
      source: unique(e.source.map((x) => idOf(w, x)).filter((x): x is string => x !== undefined)),
      targets: unique(e.targets.map((x) => idOf(w, x)).filter((x): x is string => x !== undefined)),
      // Re-sliced from the article: a slice shares the article's characters, the window's copy can go.
      evidence: { start: e.evidence.start + offset, end: e.evidence.end + offset, text: article.text.slice(e.evidence.start + offset, e.evidence.end + offset) },
    });
    for (const e of record.events) events.push(shiftEvent(e));
    for (const e of record.nonFactual) nonFactual.push(shiftEvent(e));
    const base = dates.length;
    for (const d of record.dates) {
      const anchor = d.anchor !== undefined && /^\d+$/u.test(d.anchor) ? String(Number(d.anchor) + base) : d.anchor;
      dates.push({ ...d, start: d.start + offset, end: d.end + offset, ...(anchor !== undefined ? { anchor } : {}) });
    }
  });
  return { ...toRecord(newDoc(article)), entities, references, events, nonFactual, dates };
}

/** A stable, article-unique id for a window's event: window ids are unique only within their window. */
function windowEventId(articleId: string, window: number, id: string): string {
  return `ev_${createHash('sha1').update(`${articleId}\u0000${window}\u0000${id}`).digest('hex').slice(0, 16)}`;
}

/** The name with the most words (then characters), as the resolver names people and organisations. */
function longestName(parts: readonly Entity[]): string {
  let best = parts[0]!.name;
  for (const p of parts) {
    const a = wordsOf(p.name).length;
    const b = wordsOf(best).length;
    if (a > b || (a === b && p.name.length > best.length)) best = p.name;
  }
  return best;
}

function wordsOf(name: string): readonly string[] {
  return normaliseName(name).split(' ').filter((x) => x.length > 0);
}

/**
 * The resolver's short-form rules across windows (and the reclassifier's lone surname): a surname or part of a
 * person's name joins the one longer name it fits, leading words of an organisation's name join the one longer name they begin, an acronym joins the one name
 * whose initials it spells; with several candidates the entity stays apart, POSSIBLY_SAME_AS each.
 */
function joinShortForms(slots: Slot[]): void {
  const index = new Map<string, number[]>();
  const put = (k: string, s: number): void => {
    const list = index.get(k);
    if (list) list.push(s);
    else index.set(k, [s]);
  };
  const isGovernment = (s: Slot): boolean => s.parts.some(({ entity: p }) => p.subtype !== undefined && GOVERNMENT.has(p.subtype));
  slots.forEach((slot, s) => {
    const e = slot.first;
    if (e.group) return;
    const w = slot.words;
    if (e.class === 'PER' && w.length > 1) {
      put(`PER|first|${w[0]!}`, s);
      if (w.at(-1) !== w[0]) put(`PER|last|${w.at(-1)!}`, s);
    }
    if (e.class === 'ORG' && !isGovernment(slot)) for (let i = 1; i < w.length; i += 1) put(`ORG|^${w.slice(0, i).join(' ')}`, s);
    if (e.class !== 'PER' && e.name.includes(' ')) put(`INITIALS|${initials(e.name)}`, s);
  });
  slots.forEach((slot, s) => {
    const e = slot.first;
    if (e.group || isGovernment(slot) || e.class === 'LOC') return;
    const w = slot.words;
    const personsNamed = (word: string): number[] =>
      unique([...(index.get(`PER|first|${word}`) ?? []), ...(index.get(`PER|last|${word}`) ?? [])]);
    // A lone word the tagger took for an organisation in a window without the full name ("Trump said"), when it is
    // the surname of the article's one full name and no longer name of its own class begins with it: that person.
    if (e.class !== 'PER' && e.subtype === undefined && w.length === 1 && !ACRONYM.test(e.name)) {
      const persons = personsNamed(w[0]!);
      const longer = e.class === 'ORG' ? (index.get(`ORG|^${w[0]!}`) ?? []) : [];
      if (persons.length === 1 && longer.length === 0) {
        slot.parent = persons[0];
        return;
      }
    }
    if (e.class === 'MISC' && !ACRONYM.test(e.name)) return;
    let candidates: number[];
    if (ACRONYM.test(e.name)) {
      candidates = (index.get(`INITIALS|${e.name.replace(/\./gu, '')}`) ?? []).filter((o) => o !== s);
      if (candidates.length === 1) slot.parent = candidates[0];
      return;
    }
    if (e.class === 'PER' && w.length > 0) {
      const near = unique([...personsNamed(w[0]!), ...personsNamed(w.at(-1)!)]);
      candidates = near.filter((o) => {
        const ow = slots[o]!.words;
        if (o === s || ow.length <= w.length) return false;
        if (w.length === 1) return ow[0] === w[0] || ow.at(-1) === w[0];
        return w.every((x) => ow.includes(x)) && (ow.at(-1) === w.at(-1) || ow[0] === w[0]);
      });
    } else if (e.class === 'ORG' && w.length > 0) {
      candidates = (index.get(`ORG|^${w.join(' ')}`) ?? []).filter((o) => o !== s);
    } else {
      return;
    }
    if (candidates.length === 1) slot.parent = candidates[0];
    else if (candidates.length > 1) slot.unsure = candidates;
  });
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
