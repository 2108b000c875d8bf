// The graph as JSON Lines of graph rows, one line per article, that `newsgraph load` reads back as they are.
// {"kind":"newsgraph-graph-rows","articleId":"a1","contentHash":"sha256:…","nodes":[…],"relationships":[…]}
import { InputError } from '../errors.js';
import { NODE_PROPS, REL_PROPS, type GraphNode, type GraphRelationship, type GraphRows, type NodeRef } from '../graph/types.js';
import type { GraphDump } from './read-graph.js';

/** The `kind` of an exported line: `load` tells it from an extraction record by this field. */
export const GRAPH_ROWS_KIND = 'newsgraph-graph-rows';

export interface GraphRowsLine extends GraphRows {
  readonly kind: typeof GRAPH_ROWS_KIND;
}

const id = (ref: NodeRef): string => `${ref.label}|${ref.key}`;

/**
 * Splits the graph into one set of rows per article, so that loading them in order into an empty store rebuilds the
 * same graph: first reports before their reprints (a DUPLICATE_OF edge needs its target), each article with its
 * events, mentions and the entities they touch, each actor link with an article that mentions both ends.
 * @example for (const line of articleLines(await readGraph(store))) write(JSON.stringify(line));
 */
export function articleLines(dump: GraphDump): GraphRowsLine[] {
  const nodes = new Map(dump.nodes.map((n) => [id(n), n]));
  const articles = dump.nodes.filter((n) => n.label === 'Article');
  const reprints = new Set(dump.relationships.filter((r) => r.type === 'DUPLICATE_OF').map((r) => r.from.key));
  const ordered = [...articles.filter((a) => !reprints.has(a.key)), ...articles.filter((a) => reprints.has(a.key))];
  const parts = new Map<string, { article: GraphNode; nodes: Map<string, GraphNode>; rels: GraphRelationship[] }>();
  for (const a of ordered) parts.set(a.key, { article: a, nodes: new Map([[id(a), a]]), rels: [] });

  const add = (articleKey: string | undefined, rel: GraphRelationship, ...ends: NodeRef[]): boolean => {
    const part = articleKey === undefined ? undefined : parts.get(articleKey);
    if (!part) return false;
    for (const end of ends) {
      const node = nodes.get(id(end));
      if (node && node.label !== 'Article') part.nodes.set(id(node), node);
    }
    part.rels.push(rel);
    return true;
  };

  // Events belong to the article that reports them; their BY/AGAINST and direct edges follow the event.
  const eventArticle = new Map<string, string>();
  for (const r of dump.relationships) if (r.type === 'REPORTED_IN') eventArticle.set(r.from.key, r.to.key);
  for (const n of dump.nodes) if (n.label === 'Event' && !eventArticle.has(n.key) && typeof n.props['article'] === 'string') eventArticle.set(n.key, n.props['article']);
  const mentionedBy = new Map<string, Set<string>>();
  const leftover: GraphRelationship[] = [];
  for (const r of dump.relationships) {
    let placed = false;
    if (r.type === 'MENTIONS' || r.type === 'DUPLICATE_OF') {
      placed = add(r.from.key, r, r.to);
      if (r.type === 'MENTIONS') mentionedBy.set(id(r.to), (mentionedBy.get(id(r.to)) ?? new Set()).add(r.from.key));
    } else if (r.type === 'REPORTED_IN' || r.type === 'BY' || r.type === 'AGAINST') {
      placed = add(eventArticle.get(r.from.key), r, r.from, r.to);
    } else if (typeof r.props['event'] === 'string') {
      placed = add(eventArticle.get(r.props['event']), r, r.from, r.to);
    }
    if (!placed) leftover.push(r);
  }
  // Actor links (and anything unplaced): the first article mentioning both ends, else either end, else the first.
  const first = ordered[0]?.key;
  for (const r of leftover) {
    const a = mentionedBy.get(id(r.from)) ?? new Set<string>();
    const b = mentionedBy.get(id(r.to)) ?? new Set<string>();
    const home = ordered.find((x) => a.has(x.key) && b.has(x.key)) ?? ordered.find((x) => a.has(x.key) || b.has(x.key));
    add(home?.key ?? first, r, r.from, r.to);
  }
  // Nodes no article reaches (none in a graph newsgraph wrote) still go out, with the first article.
  const placedNodes = new Set<string>();
  for (const p of parts.values()) for (const k of p.nodes.keys()) placedNodes.add(k);
  const firstPart = first === undefined ? undefined : parts.get(first);
  for (const n of dump.nodes) if (!placedNodes.has(id(n)) && firstPart) firstPart.nodes.set(id(n), n);

  return [...parts.values()].map(({ article, nodes: ns, rels }) => ({
    kind: GRAPH_ROWS_KIND,
    articleId: article.key,
    contentHash: typeof article.props['contentHash'] === 'string' ? article.props['contentHash'] : '',
    nodes: [...ns.values()],
    relationships: rels,
  }));
}

/**
 * Checks one parsed export line and returns its rows; throws InputError naming what is wrong.
 * @example parseGraphRowsLine(JSON.parse(line), 'graph.jsonl', 3).articleId
 */
export function parseGraphRowsLine(value: unknown, file: string, line: number): GraphRows & { article: GraphNode } {
  const where = `${file}:${line}`;
  const bad = (what: string): never => {
    throw new InputError(`${where}: not a graph-rows line: ${what}`, { file, line });
  };
  const v = value as Partial<GraphRowsLine>;
  if (typeof v.articleId !== 'string' || v.articleId === '') bad('articleId must be a non-empty string');
  if (typeof v.contentHash !== 'string') bad('contentHash must be a string');
  if (!Array.isArray(v.nodes) || !Array.isArray(v.relationships)) bad('nodes and relationships must be arrays');
  const isRef = (r: unknown): r is NodeRef =>
    typeof r === 'object' && r !== null && (r as NodeRef).label in NODE_PROPS && typeof (r as NodeRef).key === 'string';
  v.nodes!.forEach((n, i) => {
    if (!isRef(n) || typeof n.props !== 'object' || n.props === null || !Array.isArray(n.extraLabels)) bad(`nodes[${i}] needs label, key, props, extraLabels`);
  });
  v.relationships!.forEach((r, i) => {
    if (!(r?.type in REL_PROPS) || !isRef(r.from) || !isRef(r.to) || typeof r.props !== 'object' || r.props === null) {
      bad(`relationships[${i}] needs type, from, to, props`);
    }
  });
  const article = v.nodes!.find((n) => n.label === 'Article' && n.key === v.articleId);
  if (!article) bad(`no Article node with id "${v.articleId}"`);
  for (const n of v.nodes!) {
    if (n.label === 'Article' && n.key !== v.articleId) bad(`a second Article node "${n.key}" (each line holds one article)`);
  }
  return { articleId: v.articleId!, contentHash: v.contentHash!, nodes: v.nodes!, relationships: v.relationships as GraphRelationship[], article: article! };
}
