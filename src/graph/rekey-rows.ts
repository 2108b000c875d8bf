// Moves an article's entity rows onto actors the store already knows ("Trump" alone -> the Donald Trump node).
import type { GraphNode, GraphRelationship, GraphRows, PropValue, RowsPart } from './types.js';

export interface Rekey {
  readonly key: string;
  readonly name: string;
}

/**
 * Renames entity nodes (by `label|key`) and every relationship end that points at them; nodes and MENTIONS edges
 * that end up on the same actor are combined (aliases and offsets unioned).
 * @example rekeyRows(rows, new Map([['Person|PER:trump', { key: 'PER:donald trump', name: 'Donald Trump' }]]))
 */
export function rekeyRows(rows: GraphRows, changes: ReadonlyMap<string, Rekey>): GraphRows {
  if (changes.size === 0) return rows;
  const deferred = rows.deferred;
  return {
    ...rows,
    ...rekeyPart(rows, changes),
    ...(deferred
      ? { deferred: { parts: () => mapParts(deferred.parts(), (part) => rekeyPart(part, changes)), dispose: () => deferred.dispose() } }
      : {}),
  };
}

function* mapParts(parts: Iterable<RowsPart>, f: (part: RowsPart) => RowsPart): Generator<RowsPart> {
  for (const part of parts) yield f(part);
}

/** rekeyRows on some of an article's rows: a deferred part holds whole events, so no edge spans two parts. */
function rekeyPart(rows: RowsPart, changes: ReadonlyMap<string, Rekey>): RowsPart {
  const moved = (label: string, key: string): Rekey | undefined => changes.get(`${label}|${key}`);
  const nodes = new Map<string, GraphNode>();
  for (const n of rows.nodes) {
    const to = moved(n.label, n.key);
    const node: GraphNode = to ? { ...n, key: to.key, props: { ...n.props, key: to.key, name: to.name, aliases: union(n.props.aliases, [String(n.props.name)]) } } : n;
    const id = `${node.label}|${node.key}`;
    const prev = nodes.get(id);
    nodes.set(id, prev ? { ...prev, props: { ...prev.props, aliases: union(prev.props.aliases, node.props.aliases) } } : node);
  }
  const rels = new Map<string, GraphRelationship>();
  for (const r of rows.relationships) {
    const from = moved(r.from.label, r.from.key);
    const to = moved(r.to.label, r.to.key);
    const rel: GraphRelationship = {
      ...r,
      from: from ? { label: r.from.label, key: from.key } : r.from,
      to: to ? { label: r.to.label, key: to.key } : r.to,
    };
    if (rel.type !== 'MENTIONS' && rel.type !== 'BY' && rel.type !== 'AGAINST' && rel.from.label === rel.to.label && rel.from.key === rel.to.key) continue;
    const id = `${rel.type}|${rel.from.label}|${rel.from.key}|${rel.to.label}|${rel.to.key}|${String(rel.props.event ?? '')}`;
    const prev = rels.get(id);
    if (prev && rel.type === 'MENTIONS') {
      const starts = [...(prev.props.starts as number[]), ...(rel.props.starts as number[])];
      const ends = [...(prev.props.ends as number[]), ...(rel.props.ends as number[])];
      const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]!);
      rels.set(id, { ...prev, props: { count: starts.length, starts: order.map((i) => starts[i]!), ends: order.map((i) => ends[i]!) } });
    } else if (!prev) rels.set(id, rel);
  }
  return { nodes: [...nodes.values()], relationships: [...rels.values()] };
}

function union(a: PropValue | undefined, b: PropValue | undefined): string[] {
  const list = (v: PropValue | undefined): string[] => (Array.isArray(v) ? (v as string[]) : []);
  return [...new Set([...list(a), ...list(b)])].sort();
}
