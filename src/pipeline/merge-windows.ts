// The records of a huge article's windows -> one article record: offsets shifted back to the article, entities merged
// by key, and a short form in one window joined to its full form from another ("Trump" in window 3 -> "Donald Trump").
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normaliseName } from '../actors/normalise.js';
import { actorLinkRows, articleNode, contentHash, entityNodes, eventRows, MentionSpans } from '../graph/to-graph.js';
import type { DeferredRows, GraphNode, GraphRelationship, GraphRows } from '../graph/types.js';
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
/** Events per deferred part of a huge article's rows: a few statements of thousands of rows each. */
const EVENTS_PER_PART = 4000;

/** An entity of the whole article in the making: every window entity with one key. */
interface Slot {
  key: string;
  first: Entity;
  /** The window entities with this key, each with the window it came from (without mentions when spilling). */
  parts: { entity: Entity; window: number }[];
  /** Signatures of the parts kept that carry no window-local ids (see `signature`). */
  seen: Set<string>;
  words: readonly string[];
  parent?: number;
  unsure: number[];
  /** Where its first named mention starts in the article. */
  at: number;
  /** Article offsets of the named mentions (then of the references, when spilling), in arrival order. */
  starts: number[];
  ends: number[];
}

/** What a window leaves besides its entities: kept whole for `record()`. */
interface WindowRest {
  readonly references: ExtractionRecord['references'];
  readonly events: ExtractionRecord['events'];
  readonly nonFactual: ExtractionRecord['nonFactual'];
  readonly dates: ExtractionRecord['dates'];
}

/** The article's entities once every window is in, and the window-local id -> article id map. */
interface Resolved {
  readonly entities: Entity[];
  /** Article entity id of a window's local id; undefined when the window had no such entity. */
  readonly idOf: (window: number, local: string) => string | undefined;
  /** The article entity of each slot cluster with the slots it is made of. */
  readonly clusters: readonly { readonly id: string; readonly members: readonly number[] }[];
}

/**
 * Merges window records (in text order) into the record `extract` would give for the whole article: spans shifted
 * by each window's offset, one entity per key (mentions concatenated, aliases unioned), window-local ids renumbered,
 * events, references and dates concatenated with unique ids.
 * @example mergeWindows(article, [{ offset: 0, record: r1 }, { offset: 131072, record: r2 }]).entities
 */
export function mergeWindows(article: Article, windows: readonly WindowRecord[]): ExtractionRecord {
  const merger = new WindowMerger(article);
  for (const { offset, record } of windows) merger.add(offset, record);
  return merger.record();
}

/**
 * Folds a huge article's window records one at a time, in text order, so that no window's record is held after it
 * is added. Either `record()` (everything kept in memory: what `newsgraph extract` prints) or, with `spill`, `graph()`:
 * the windows' events go to files and come back part by part while the article loads, and the entities keep only
 * their mention offsets, so memory holds the text, the entities and two numbers per mention.
 * @example const m = new WindowMerger(article, { spill: true }); m.add(0, r1); m.add(131072, r2); m.graph('0.1.0')
 */
export class WindowMerger {
  private readonly slots: Slot[] = [];
  private readonly slotOfKey = new Map<string, number>();
  /** `${window}|${local id}` -> slot. */
  private readonly slotOfId = new Map<string, number>();
  private readonly offsets: number[] = [];
  private readonly rests: WindowRest[] = [];
  private readonly spillDir: string | undefined;
  private readonly eventsPerPart: number;

  /** `spill`: keep the windows' events in files (for `graph()`); `eventsPerPart`: events per deferred part. */
  constructor(
    private readonly article: Article,
    options: { readonly spill?: boolean; readonly eventsPerPart?: number } = {},
  ) {
    this.spillDir = options.spill ? openSpill() : undefined;
    this.eventsPerPart = options.eventsPerPart ?? EVENTS_PER_PART;
  }

  /** Adds the next window's record; `offset` is where the window starts in the article. */
  add(offset: number, record: ExtractionRecord): void {
    const w = this.offsets.length;
    this.offsets.push(offset);
    const spilling = this.spillDir !== undefined;
    for (const e of record.entities) {
      const key = e.group ? groupKey(this.article.id, e.mentions[0]!.start + offset) : e.key;
      const mentions = spilling ? [] : e.mentions.map((m) => ({ text: m.text, start: m.start + offset, end: m.end + offset }));
      const shifted: Entity = { ...e, key, mentions };
      const k = `${e.class}|${key}`;
      let s = this.slotOfKey.get(k);
      if (s === undefined) {
        s = this.slots.length;
        this.slots.push({ key, first: shifted, parts: [], seen: new Set(), words: wordsOf(e.name), unsure: [], at: Infinity, starts: [], ends: [] });
        this.slotOfKey.set(k, s);
      }
      const slot = this.slots[s]!;
      // Spilling, a window entity that adds nothing new (the same names and attributes, no window-local links) is
      // not kept: an entity named in every window would otherwise hold one copy per window.
      const sig = spilling && !e.relations?.length && !e.members?.length ? signature(e) : undefined;
      if (sig === undefined || !slot.seen.has(sig)) slot.parts.push({ entity: shifted, window: w });
      if (sig !== undefined) slot.seen.add(sig);
      for (const m of e.mentions) {
        slot.at = Math.min(slot.at, m.start + offset);
        slot.starts.push(m.start + offset);
        slot.ends.push(m.end + offset);
      }
      this.slotOfId.set(`${w}|${e.id}`, s);
    }
    if (!spilling) {
      this.rests.push({ references: record.references, events: record.events, nonFactual: record.nonFactual, dates: record.dates });
      return;
    }
    // Spilling: references become offsets on their slot, events go to the window's file, dates and non-factual
    // events are not loaded into the graph.
    for (const r of record.references) {
      const s = this.slotOfId.get(`${w}|${r.entity}`);
      if (s === undefined) continue;
      this.slots[s]!.starts.push(r.start + offset);
      this.slots[s]!.ends.push(r.end + offset);
    }
    writeFileSync(join(this.spillDir!, `${w}.json`), JSON.stringify(record.events));
  }

  /** The whole article's record (windows added without `spill`). */
  record(): ExtractionRecord {
    if (this.spillDir !== undefined) throw new Error('WindowMerger.record(): the windows were spilled; use graph()');
    const { entities, idOf } = this.resolve();
    const references: Reference[] = [];
    const events: Event[] = [];
    const nonFactual: Event[] = [];
    const dates: DateRef[] = [];
    this.rests.forEach((record, w) => {
      const offset = this.offsets[w]!;
      for (const r of record.references) {
        const entity = idOf(w, r.entity);
        if (entity !== undefined) references.push({ ...r, start: r.start + offset, end: r.end + offset, entity });
      }
      for (const e of record.events) events.push(this.shiftEvent(e, w, idOf));
      for (const e of record.nonFactual) nonFactual.push(this.shiftEvent(e, w, idOf));
      const base = dates.length;
      for (const d of record.dates) {
        const anchor = d.anchor !== undefined && /^\d+$/u.test(d.anchor) ? String(Number(d.anchor) + base) : d.anchor;
        dates.push({ ...d, start: d.start + offset, end: d.end + offset, ...(anchor !== undefined ? { anchor } : {}) });
      }
    });
    return { ...toRecord(newDoc(this.article)), entities, references, events, nonFactual, dates };
  }

  /**
   * The article's graph rows (windows added with `spill`): the Article, entity and MENTIONS rows in memory, the
   * events deferred, read back from the window files part by part. `record` holds the entities without their
   * mentions and nothing else: the rows carry the rest. The caller disposes of `rows.deferred`.
   */
  graph(extractorVersion: string): { record: ExtractionRecord; rows: GraphRows } {
    const dir = this.spillDir;
    if (dir === undefined) throw new Error('WindowMerger.graph(): the windows were not spilled; use record()');
    const { entities, idOf, clusters } = this.resolve();
    const hash = contentHash(this.article, extractorVersion);
    const { nodes, refById } = entityNodes(entities);
    nodes.unshift(articleNode(this.article, hash));
    const spans = new MentionSpans(refById);
    for (const { id, members } of clusters) {
      for (const s of members) {
        const slot = this.slots[s]!;
        for (let i = 0; i < slot.starts.length; i += 1) spans.add(id, slot.starts[i]!, slot.ends[i]!);
        // The spans hold them now: a huge article's offsets are not kept twice.
        slot.starts = [];
        slot.ends = [];
      }
    }
    const relationships = spans.rels(this.article.id);
    for (const link of actorLinkRows(entities)) relationships.push({ ...link, props: {} });
    const windows = this.offsets.length;
    const articleId = this.article.id;
    const shift = (e: Event, w: number): Event => this.shiftEvent(e, w, idOf);
    const perPart = this.eventsPerPart;
    const deferred: DeferredRows = {
      *parts() {
        let part: { nodes: GraphNode[]; relationships: GraphRelationship[] } = { nodes: [], relationships: [] };
        for (let w = 0; w < windows; w += 1) {
          const events = JSON.parse(readFileSync(join(dir, `${w}.json`), 'utf8')) as Event[];
          for (const e of events) eventRows(shift(e, w), articleId, refById, part.nodes, part.relationships);
          if (part.nodes.length >= perPart) {
            yield part;
            part = { nodes: [], relationships: [] };
          }
        }
        if (part.nodes.length > 0) yield part;
      },
      dispose: () => this.dispose(),
    };
    const record: ExtractionRecord = { ...toRecord(newDoc(this.article)), entities, references: [], events: [], nonFactual: [], dates: [] };
    return { record, rows: { articleId, contentHash: hash, nodes, relationships, deferred } };
  }

  /** Deletes the spilled window files (idempotent; also done at process exit). */
  dispose(): void {
    if (this.spillDir !== undefined) closeSpill(this.spillDir);
  }

  private shiftEvent(e: Event, w: number, idOf: Resolved['idOf']): Event {
    const offset = this.offsets[w]!;
    return {
      ...e,
      id: windowEventId(this.article.id, w, e.id),
      source: unique(e.source.map((x) => idOf(w, x)).filter((x): x is string => x !== undefined)),
      targets: unique(e.targets.map((x) => idOf(w, x)).filter((x): x is string => x !== undefined)),
      // Re-sliced from the article: a slice shares the article's characters, the window's copy can go.
      evidence: { start: e.evidence.start + offset, end: e.evidence.end + offset, text: this.article.text.slice(e.evidence.start + offset, e.evidence.end + offset) },
    };
  }

  /** Joins short forms across windows, numbers the article's entities and builds them. */
  private resolve(): Resolved {
    const slots = this.slots;
    joinShortForms(slots);
    const rootOf = (s: number): number => {
      let r = s;
      while (slots[r]!.parent !== undefined) r = slots[r]!.parent!;
      return r;
    };
    const byRoot = new Map<number, number[]>();
    slots.forEach((_, s) => {
      const r = rootOf(s);
      const list = byRoot.get(r) ?? [];
      list.push(s);
      byRoot.set(r, list);
    });
    const built = [...byRoot].map(([r, members]) => ({ r, members, at: members.reduce((m, s) => Math.min(m, slots[s]!.at), Infinity) }));
    // As the resolver numbers them: named entities e1… by first mention, then groups g1… in text order.
    const named = built.filter((c) => !slots[c.r]!.first.group).sort((a, b) => a.at - b.at);
    const groups = built.filter((c) => slots[c.r]!.first.group).sort((a, b) => a.at - b.at);
    const idOfRoot = new Map<number, string>();
    named.forEach((c, i) => idOfRoot.set(c.r, `e${i + 1}`));
    groups.forEach((c, i) => idOfRoot.set(c.r, `g${i + 1}`));
    const idOf = (w: number, local: string): string | undefined => {
      const s = this.slotOfId.get(`${w}|${local}`);
      return s === undefined ? undefined : idOfRoot.get(rootOf(s));
    };
    const spilled = this.spillDir !== undefined;
    const entities = [...named, ...groups].map(({ r, members }): Entity => {
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
      const mentions = spilled ? [] : parts.flatMap((p) => p.mentions).sort((a, b) => a.start - b.start);
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
    return { entities, idOf, clusters: [...named, ...groups].map(({ r, members }) => ({ id: idOfRoot.get(r)!, members })) };
  }
}

/** Live spill folders, removed at exit if their owner did not dispose of them. */
const SPILLS = new Set<string>();

function openSpill(): string {
  if (SPILLS.size === 0) process.once('exit', () => SPILLS.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-windows-'));
  SPILLS.add(dir);
  return dir;
}

function closeSpill(dir: string): void {
  if (!SPILLS.delete(dir)) return;
  rmSync(dir, { recursive: true, force: true });
}

/** A stable, article-unique id for a window's event: window ids are unique only within their window. */
function windowEventId(articleId: string, window: number, id: string): string {
  return `ev_${createHash('sha1').update(`${articleId}\u0000${window}\u0000${id}`).digest('hex').slice(0, 16)}`;
}

/** What `resolve` reads of a window entity without relations or members: equal signatures merge to the same. */
function signature(e: Entity): string {
  return JSON.stringify([e.name, e.aliases, e.subtype ?? null, e.country ?? null, e.title ?? null]);
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
