// Query rows (nodes, relationships, paths as plain JS) + event details -> the actor network the view draws.
import { DIRECT_EDGE, EVENT_LABEL, SUBTYPE_LABEL } from '../graph/types.js';
import type { Row } from '../store/types.js';
import { interpolateCaption, styleFor, type GrassRule } from './grass.js';

/** A node value as both stores return it. */
interface PlainNode {
  labels: string[];
  properties: Record<string, unknown>;
}
/** A relationship value as both stores return it (no endpoints). */
interface PlainRel {
  type: string;
  properties: Record<string, unknown>;
}

export interface ViewNode {
  readonly id: string;
  /** Primary label first, then secondary labels (from Neo4j, or derived from `subtype` for the embedded store). */
  readonly labels: readonly string[];
  readonly name: string;
  readonly caption: string;
  readonly subtype: string | null;
  readonly aliases: readonly string[];
}

export interface ViewEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** Relationship type: ACCUSED, SANCTIONED, … */
  readonly type: string;
  /** Event type: ACCUSE, SANCTION, … */
  readonly eventType: string;
  readonly event: string;
  readonly date: string | null;
  readonly charge: string | null;
  readonly quote: string | null;
  readonly evidence: string | null;
  readonly article: string | null;
  readonly articleTitle: string | null;
  readonly articleDate: string | null;
  readonly caption: string;
}

export interface ViewGraph {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
}

/** The actors, direct-edge event ids, and node pairs seen in a query's rows. */
export interface GraphElements {
  readonly nodes: ReadonlyMap<string, PlainNode>;
  /** Event id -> unordered node-key pairs it was seen between (empty set: seen without endpoints). */
  readonly events: ReadonlyMap<string, ReadonlySet<string>>;
}

/** One row of the event-details query (see EVENT_DETAILS). */
export interface EventDetail {
  readonly event: string;
  readonly type: string;
  readonly date: string | null;
  readonly charge: string | null;
  readonly quote: string | null;
  readonly evidence: string | null;
  readonly article: string | null;
  readonly title: string | null;
  readonly articleDate: string | null;
  readonly source: string | null;
  readonly target: string | null;
}

/** Portable Cypher: for the events a query drew, who acted on whom, the evidence sentence and the article. */
export const EVENT_DETAILS = `MATCH (e:Event)-[:REPORTED_IN]->(a:Article)
WHERE e.id IN $ids
OPTIONAL MATCH (e)-[:BY]->(s)
OPTIONAL MATCH (e)-[:AGAINST]->(t)
RETURN e.id AS event, e.type AS type, e.date AS date, e.charge AS charge, e.quote AS quote, e.evidenceText AS evidence,
       a.id AS article, a.title AS title, a.date AS articleDate, s.key AS source, t.key AS target
ORDER BY event, source, target`;

const DIRECT_TYPES = new Set<string>(Object.values(DIRECT_EDGE));
const TYPE_OF_EDGE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(DIRECT_EDGE).map(([k, v]) => [v, k]));

function isNode(v: unknown): v is PlainNode {
  return typeof v === 'object' && v !== null && Array.isArray((v as PlainNode).labels) && typeof (v as PlainNode).properties === 'object';
}
function isRel(v: unknown): v is PlainRel {
  return typeof v === 'object' && v !== null && typeof (v as PlainRel).type === 'string' && typeof (v as PlainRel).properties === 'object';
}
function isPath(v: unknown): v is { nodes: unknown[]; relationships: unknown[] } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { nodes: unknown }).nodes) && Array.isArray((v as { relationships: unknown }).relationships);
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Collects actors (nodes with a `key`) and actor-to-actor event edges from query rows: node, relationship and path
 * values in any column, lists included. Articles and Event nodes are not drawn.
 * @example graphElements([{ p: { nodes: [n1, n2], relationships: [accused] } }]).nodes.size // 2
 */
export function graphElements(rows: readonly Row[]): GraphElements {
  const nodes = new Map<string, PlainNode>();
  const events = new Map<string, Set<string>>();
  const addNode = (n: PlainNode): string | null => {
    const key = n.properties.key;
    if (typeof key !== 'string') return null;
    if (!nodes.has(key)) nodes.set(key, n);
    return key;
  };
  const addRel = (r: PlainRel, ends?: [string | null, string | null]): void => {
    const ev = r.properties.event;
    if (!DIRECT_TYPES.has(r.type) || typeof ev !== 'string') return;
    const set = events.get(ev) ?? new Set<string>();
    if (ends?.[0] && ends[1]) set.add(pairKey(ends[0], ends[1]));
    events.set(ev, set);
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (isPath(v)) {
      const keys = v.nodes.map((n) => (isNode(n) ? addNode(n) : null));
      v.relationships.forEach((r, i) => {
        if (isRel(r)) addRel(r, [keys[i] ?? null, keys[i + 1] ?? null]);
      });
    } else if (isNode(v)) {
      addNode(v);
    } else if (isRel(v)) {
      addRel(v);
    }
  };
  for (const row of rows) for (const v of Object.values(row)) visit(v);
  return { nodes, events };
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Secondary labels the Neo4j store adds, derived from `subtype` so the embedded store's nodes style the same. */
export function labelsOf(n: PlainNode): string[] {
  const labels = [...n.labels];
  const subtype = str(n.properties.subtype);
  const extra = subtype ? SUBTYPE_LABEL[subtype] : undefined;
  if (extra && !labels.includes(extra)) labels.push(extra);
  return labels;
}

/**
 * Builds the drawn network: every actor the rows hold, and one edge per event, source and target where both ends
 * are drawn (and, for edges seen on a path, the pair on that path). Captions come from the grass rules.
 * @example buildViewGraph(graphElements(rows), details, loadGrass().rules).edges[0].caption // 'ACCUSED 2020-05-25'
 */
export function buildViewGraph(elements: GraphElements, details: readonly EventDetail[], rules: readonly GrassRule[]): ViewGraph {
  const nodes: ViewNode[] = [...elements.nodes.entries()]
    .map(([key, n]) => {
      const labels = labelsOf(n);
      const style = styleFor(rules, 'node', labels);
      const name = str(n.properties.name) ?? key;
      const aliases = Array.isArray(n.properties.aliases) ? n.properties.aliases.filter((a): a is string => typeof a === 'string') : [];
      return {
        id: key,
        labels,
        name,
        caption: interpolateCaption(style.caption ?? '{name}', n.properties, labels[0] ?? '') || name,
        subtype: str(n.properties.subtype),
        aliases,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const edges = new Map<string, ViewEdge>();
  for (const d of details) {
    const seen = elements.events.get(d.event);
    if (!seen || !d.source || !d.target || d.source === d.target) continue;
    if (!elements.nodes.has(d.source) || !elements.nodes.has(d.target)) continue;
    if (seen.size > 0 && !seen.has(pairKey(d.source, d.target))) continue;
    const type = (DIRECT_EDGE as Record<string, string>)[d.type];
    if (!type) continue;
    const id = `${d.event}|${d.source}|${d.target}`;
    if (edges.has(id)) continue;
    const props = { date: d.date, charge: d.charge, event: d.event };
    const style = styleFor(rules, 'relationship', [type]);
    edges.set(id, {
      id,
      source: d.source,
      target: d.target,
      type,
      eventType: TYPE_OF_EDGE[type] ?? d.type,
      event: d.event,
      date: d.date,
      charge: d.charge,
      quote: d.quote,
      evidence: d.evidence,
      article: d.article,
      articleTitle: d.title,
      articleDate: d.articleDate,
      caption: interpolateCaption(style.caption ?? '<type>', props, type),
    });
  }
  return { nodes, edges: [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

/** Event type -> the Neo4j secondary label, for the view's legend. */
export const EVENT_TYPE_LABEL: Readonly<Record<string, string>> = EVENT_LABEL;
