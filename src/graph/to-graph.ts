// Extraction record -> graph rows: one Article node, entity and Event nodes, and their relationships.
import { createHash } from 'node:crypto';
import { encodeSignature, minhash } from '../dedup/minhash.js';
import type { Article, Entity, EntityClass, Event, ExtractionRecord } from '../model/types.js';
import {
  DIRECT_EDGE,
  EVENT_LABEL,
  SUBTYPE_LABEL,
  type GraphNode,
  type GraphRelationship,
  type GraphRows,
  type ActorLinkType,
  type NodeLabel,
  type NodeRef,
} from './types.js';

export const CLASS_LABEL: Readonly<Record<EntityClass, NodeLabel>> = {
  PER: 'Person',
  ORG: 'Organization',
  LOC: 'Location',
  MISC: 'Misc',
};

const HASH_SLICE = 1 << 20;

/**
 * The hash that decides whether an article must be re-extracted: its text, its date and the extractor's version.
 * @example contentHash({ id: 'a', date: '2020-05-25', text: 'Hi.' }, '1') // 'sha256:…'
 */
export function contentHash(article: Pick<Article, 'text' | 'date'>, extractorVersion: string): string {
  const h = createHash('sha256');
  h.update(extractorVersion);
  h.update('\u0000');
  h.update(article.date);
  h.update('\u0000');
  // In slices, so a huge text is never encoded to UTF-8 whole; cuts avoid splitting a surrogate pair (same bytes).
  const text = article.text;
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + HASH_SLICE);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to -= 1;
    h.update(text.slice(from, to));
    from = to;
  }
  return `sha256:${h.digest('hex')}`;
}

/**
 * Turns one article's extraction record into the rows every store loads.
 * @example toGraph(article, extract(article), '0.1.0').nodes[0].label // 'Article'
 */
export function toGraph(article: Article, record: ExtractionRecord, extractorVersion: string): GraphRows {
  const hash = contentHash(article, extractorVersion);
  const { nodes, refById } = entityNodes(record.entities);
  nodes.unshift(articleNode(article, hash));
  // MENTIONS: one edge per entity node, named mentions and references together.
  const spans = new MentionSpans(refById);
  for (const entity of record.entities) for (const m of entity.mentions) spans.add(entity.id, m.start, m.end);
  for (const r of record.references) spans.add(r.entity, r.start, r.end);
  const relationships: GraphRelationship[] = spans.rels(article.id);
  for (const event of record.events) eventRows(event, article.id, refById, nodes, relationships);
  for (const link of actorLinkRows(record.entities)) relationships.push({ ...link, props: {} });
  return { articleId: article.id, contentHash: hash, nodes, relationships };
}

/**
 * The Article node, with its text, content hash and MinHash signature.
 * @example articleNode({ id: 'a', date: '2020-05-25', text: 'Hi.' }, 'sha256:…').props.id // 'a'
 */
export function articleNode(article: Article, hash: string): GraphNode {
  return {
    label: 'Article',
    key: article.id,
    props: {
      id: article.id,
      date: article.date,
      title: article.title ?? null,
      url: article.url ?? null,
      source: article.source ?? null,
      file: article.file ?? null,
      text: article.text,
      contentHash: hash,
      minhash: encodeSignature(minhash(article.text)),
    },
    extraLabels: [],
  };
}

/**
 * One node per entity key (mentions are not read), and each entity id's node reference.
 * @example entityNodes(record.entities).refById.get('e1') // { label: 'Location', key: 'LOC:china' }
 */
export function entityNodes(entities: readonly Entity[]): { nodes: GraphNode[]; refById: Map<string, NodeRef> } {
  const nodes: GraphNode[] = [];
  const refById = new Map<string, NodeRef>();
  const seenKeys = new Set<string>();
  for (const entity of entities) {
    const label = CLASS_LABEL[entity.class];
    const ref: NodeRef = { label, key: entity.key };
    refById.set(entity.id, ref);
    if (seenKeys.has(`${label}|${entity.key}`)) continue;
    seenKeys.add(`${label}|${entity.key}`);
    const aliases = [...new Set([entity.name, ...entity.aliases])].sort();
    nodes.push({
      label,
      key: entity.key,
      props: {
        key: entity.key,
        name: entity.name,
        aliases,
        subtype: entity.subtype ?? (entity.group ? 'group' : null),
        country: entity.country ?? null,
        ...(label === 'Person' ? { title: entity.title ?? null } : {}),
      },
      extraLabels: secondaryLabels(entity.subtype ?? (entity.group ? 'group' : undefined)),
    });
  }
  return { nodes, refById };
}

/**
 * Collects mention offsets by entity node, for the article's MENTIONS edges (one per node, offsets in text order).
 * @example const s = new MentionSpans(refById); s.add('e1', 0, 5); s.rels('a1')[0].props.count // 1
 */
export class MentionSpans {
  private readonly byNode = new Map<string, { readonly ref: NodeRef; starts: number[]; ends: number[] }>();

  constructor(private readonly refById: ReadonlyMap<string, NodeRef>) {}

  add(entityId: string, start: number, end: number): void {
    const ref = this.refById.get(entityId);
    if (!ref) return;
    const k = `${ref.label}|${ref.key}`;
    let entry = this.byNode.get(k);
    if (!entry) {
      entry = { ref, starts: [], ends: [] };
      this.byNode.set(k, entry);
    }
    entry.starts.push(start);
    entry.ends.push(end);
  }

  rels(articleId: string): GraphRelationship[] {
    const from: NodeRef = { label: 'Article', key: articleId };
    return [...this.byNode.values()]
      .sort((a, b) => cmp(a.ref.key, b.ref.key))
      .map((entry) => {
        const { ref, starts, ends } = entry;
        const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]!);
        const props = { count: starts.length, starts: order.map((i) => starts[i]!), ends: order.map((i) => ends[i]!) };
        // Released as each edge is built: a huge article's offsets are not held twice.
        entry.starts = [];
        entry.ends = [];
        return { type: 'MENTIONS', from, to: ref, props };
      });
  }
}

/**
 * Appends one event's Event node and its edges (REPORTED_IN, BY, AGAINST, the direct actor-to-actor edges).
 * @example eventRows(record.events[0], 'a1', refById, nodes, rels) // nodes gains the Event, rels its edges
 */
export function eventRows(event: Event, articleId: string, refById: ReadonlyMap<string, NodeRef>, nodes: GraphNode[], relationships: GraphRelationship[]): void {
  const eventRef: NodeRef = { label: 'Event', key: event.id };
  nodes.push({
    label: 'Event',
    key: event.id,
    props: {
      id: event.id,
      type: event.type,
      date: event.date ?? null,
      charge: event.charge ?? null,
      quote: event.quote ?? null,
      trigger: event.trigger,
      confidence: event.confidence,
      evidenceStart: event.evidence.start,
      evidenceEnd: event.evidence.end,
      evidenceText: event.evidence.text,
      article: articleId,
    },
    extraLabels: [EVENT_LABEL[event.type]],
  });
  relationships.push({ type: 'REPORTED_IN', from: eventRef, to: { label: 'Article', key: articleId }, props: {} });
  const sources = uniqueRefs(event.source, refById);
  const targets = uniqueRefs(event.targets, refById);
  for (const s of sources) relationships.push({ type: 'BY', from: eventRef, to: s, props: {} });
  for (const t of targets) relationships.push({ type: 'AGAINST', from: eventRef, to: t, props: {} });
  for (const s of sources) {
    for (const t of targets) {
      if (s.label === t.label && s.key === t.key) continue;
      relationships.push({
        type: DIRECT_EDGE[event.type],
        from: s,
        to: t,
        props: { event: event.id, date: event.date ?? null, charge: event.charge ?? null },
      });
    }
  }
}

/** One actor-to-actor link row: the same shape as a relationship, typed by ActorLinkType. */
export interface ActorLinkRow {
  readonly type: ActorLinkType;
  readonly from: NodeRef;
  readonly to: NodeRef;
}

/**
 * The actor-to-actor links of a record's entities (their `relations` and `members`), by node key, without duplicates or self-links.
 * @example actorLinkRows(record.entities)[0] // { type: 'SPOKESPERSON_FOR', from: { label: 'Person', key: 'PER:zhao lijian' }, to: … }
 */
export function actorLinkRows(entities: readonly Entity[]): ActorLinkRow[] {
  const refById = new Map(entities.map((e) => [e.id, { label: CLASS_LABEL[e.class], key: e.key } as NodeRef]));
  const out = new Map<string, ActorLinkRow>();
  for (const e of entities) {
    const from = refById.get(e.id)!;
    const memberships = (e.members ?? []).map((m) => ({ from: m, type: 'MEMBER_OF' as const }));
    for (const { from: memberId, type } of memberships) {
      const member = refById.get(memberId);
      if (!member || (member.label === from.label && member.key === from.key)) continue;
      out.set(`${type}|${member.label}|${member.key}|${from.label}|${from.key}`, { type, from: member, to: from });
    }
    for (const r of e.relations ?? []) {
      const to = refById.get(r.entity);
      if (!to || (to.label === from.label && to.key === from.key)) continue;
      out.set(`${r.type}|${from.label}|${from.key}|${to.label}|${to.key}`, { type: r.type, from, to });
    }
  }
  return [...out.values()].sort((a, b) => cmp(`${a.type}|${a.from.key}|${a.to.key}`, `${b.type}|${b.from.key}|${b.to.key}`));
}

function uniqueRefs(ids: readonly string[], refById: ReadonlyMap<string, NodeRef>): NodeRef[] {
  const out = new Map<string, NodeRef>();
  for (const id of ids) {
    const ref = refById.get(id);
    if (ref) out.set(`${ref.label}|${ref.key}`, ref);
  }
  return [...out.values()];
}

function secondaryLabels(subtype: string | undefined): string[] {
  const label = subtype ? SUBTYPE_LABEL[subtype] : undefined;
  return label ? [label] : [];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
