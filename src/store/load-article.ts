// One article's graph rows -> the Cypher both stores run inside one transaction: replace, merge, drop orphans.
import {
  DIRECT_EDGE,
  ENTITY_LABELS,
  NODE_KEY,
  NODE_PROPS,
  REL_PROPS,
  type GraphNode,
  type GraphRelationship,
  type GraphRows,
  type NodeLabel,
  type PropValue,
  type RelType,
} from '../graph/types.js';
import type { LoadOutcome, Row } from './types.js';

/** Runs one statement inside the open transaction and returns plain rows. */
export type TxRun = (cypher: string, params: Record<string, unknown>) => Promise<Row[]>;

/** What differs between the stores when loading. */
export interface LoadDialect {
  /** Turns an integer-valued property into the store's integer parameter (neo4j.int for Neo4j). */
  readonly int: (value: number) => unknown;
  /** Secondary labels to add (Neo4j only); the embedded store returns []. Only allowlisted names reach Cypher. */
  readonly extraLabels: (node: GraphNode) => readonly string[];
  /** Splits a batch so every row of an `UNWIND $rows` list has the same value types (embedded store). */
  readonly uniformBatches: boolean;
}

/** Numeric properties stored as floating point; every other number is an integer (offsets, counts). */
export const FLOAT_PROPS: ReadonlySet<string> = new Set(['confidence']);

const DIRECT_TYPES: readonly RelType[] = Object.values(DIRECT_EDGE);

/** Backticked identifier: property names such as `starts`/`ends` are keywords in LadybugDB's parser. */
export function q(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

/**
 * Loads one article inside an open transaction. Callers supply `run` bound to that transaction.
 * @example await loadArticleRows(rows, (c, p) => tx.run(c, p), dialect) // 'created'
 */
export async function loadArticleRows(rows: GraphRows, run: TxRun, dialect: LoadDialect): Promise<LoadOutcome> {
  const id = rows.articleId;
  const existing = await run('MATCH (a:Article {id: $id}) RETURN a.contentHash AS hash', { id });
  if (existing.length > 0 && existing[0]!['hash'] === rows.contentHash) return 'unchanged';
  const outcome: LoadOutcome = existing.length > 0 ? 'replaced' : 'created';

  // Entities the old version touched: they may become orphans once its mentions and events are gone.
  const candidates = new Map<NodeLabel, Set<string>>();
  if (outcome === 'replaced') {
    for (const label of ENTITY_LABELS) {
      const keys = new Set<string>();
      const mentioned = await run(`MATCH (a:Article {id: $id})-[:MENTIONS]->(x:${label}) RETURN x.key AS key`, { id });
      for (const r of mentioned) keys.add(String(r['key']));
      for (const rel of ['BY', 'AGAINST']) {
        const acted = await run(
          `MATCH (e:Event)-[:REPORTED_IN]->(a:Article {id: $id}) MATCH (e)-[:${rel}]->(x:${label}) RETURN x.key AS key`,
          { id },
        );
        for (const r of acted) keys.add(String(r['key']));
      }
      candidates.set(label, keys);
    }
    const oldEvents = await run('MATCH (e:Event)-[:REPORTED_IN]->(a:Article {id: $id}) RETURN e.id AS id', { id });
    const eventIds = oldEvents.map((r) => String(r['id']));
    if (eventIds.length > 0) {
      for (const type of DIRECT_TYPES) {
        await run(`MATCH (s)-[r:${type}]->(t) WHERE r.event IN $ids DELETE r`, { ids: eventIds });
      }
      await run('MATCH (e:Event) WHERE e.id IN $ids DETACH DELETE e', { ids: eventIds });
    }
    await run('MATCH (a:Article {id: $id})-[m:MENTIONS]->(x) DELETE m', { id });
  }

  // Nodes, grouped by primary label and secondary-label set; entity aliases are unioned with what is stored.
  const groups = new Map<string, { label: NodeLabel; extra: readonly string[]; nodes: GraphNode[] }>();
  for (const node of rows.nodes) {
    const extra = [...dialect.extraLabels(node)].sort();
    const k = `${node.label}|${extra.join(':')}`;
    const g = groups.get(k) ?? { label: node.label, extra, nodes: [] };
    g.nodes.push(node);
    groups.set(k, g);
  }
  for (const { label, extra, nodes } of groups.values()) {
    const keyProp = NODE_KEY[label];
    const props = Object.keys(NODE_PROPS[label]);
    let data = nodes.map((n) => withHash(nodeRow(n, dialect), label, rows.contentHash));
    if (props.includes('aliases')) {
      const stored = await run(
        `UNWIND $keys AS k MATCH (x:${label} {${q(keyProp)}: k}) RETURN x.${q(keyProp)} AS key, x.aliases AS aliases`,
        { keys: nodes.map((n) => n.key) },
      );
      const old = new Map(stored.map((r) => [String(r['key']), (r['aliases'] as string[] | null) ?? []]));
      data = data.map((row) => ({ ...row, aliases: unionAliases(old.get(String(row[keyProp])), row['aliases']) }));
    }
    const sets = props
      .filter((p) => p !== keyProp)
      .map((p) => (ENTITY_LABELS.includes(label) && p !== 'name' && p !== 'aliases'
        ? `n.${q(p)} = coalesce(r.${q(p)}, n.${q(p)})`
        : `n.${q(p)} = r.${q(p)}`));
    const labelSet = extra.length > 0 ? `, n:${extra.map(q).join(':')}` : '';
    const cypher = `UNWIND $rows AS r MERGE (n:${label} {${q(keyProp)}: r.${q(keyProp)}}) SET ${sets.join(', ')}${labelSet}`;
    for (const batch of batches(data, dialect)) await run(cypher, { rows: batch });
  }

  // Relationships, grouped by type and endpoint labels; direct actor edges are keyed by their event.
  const relGroups = new Map<string, { type: RelType; from: NodeLabel; to: NodeLabel; rels: GraphRelationship[] }>();
  for (const rel of rows.relationships) {
    const k = `${rel.type}|${rel.from.label}|${rel.to.label}`;
    const g = relGroups.get(k) ?? { type: rel.type, from: rel.from.label, to: rel.to.label, rels: [] };
    g.rels.push(rel);
    relGroups.set(k, g);
  }
  for (const { type, from, to, rels } of relGroups.values()) {
    const props = Object.keys(REL_PROPS[type]);
    const keyed = DIRECT_TYPES.includes(type);
    const data = rels.map((rel) => relRow(rel, dialect));
    const mergeProps = keyed ? ` {event: r.${q('event')}}` : '';
    const sets = props.filter((p) => !(keyed && p === 'event')).map((p) => `x.${q(p)} = r.${q(p)}`);
    const cypher =
      `UNWIND $rows AS r MATCH (s:${from} {${q(NODE_KEY[from])}: r.${q('__from')}}) ` +
      `MATCH (t:${to} {${q(NODE_KEY[to])}: r.${q('__to')}}) ` +
      `MERGE (s)-[x:${type}${mergeProps}]->(t)` +
      (sets.length > 0 ? ` SET ${sets.join(', ')}` : '');
    for (const batch of batches(data, dialect)) await run(cypher, { rows: batch });
  }

  // Orphans: entities the old version touched that nothing mentions or acts through any more.
  for (const [label, keys] of candidates) {
    if (keys.size === 0) continue;
    await run(
      `UNWIND $keys AS k MATCH (x:${label} {key: k}) ` +
        'WHERE NOT EXISTS { MATCH (x)<-[:MENTIONS]-(:Article) } ' +
        'AND NOT EXISTS { MATCH (x)<-[:BY]-(:Event) } AND NOT EXISTS { MATCH (x)<-[:AGAINST]-(:Event) } ' +
        'DETACH DELETE x',
      { keys: [...keys].sort() },
    );
  }
  return outcome;
}

/** Sorted, distinct union of stored and new aliases. */
export function unionAliases(stored: readonly string[] | undefined, fresh: unknown): string[] {
  const add = Array.isArray(fresh) ? (fresh as string[]) : [];
  return [...new Set([...(stored ?? []), ...add])].sort();
}

function nodeRow(node: GraphNode, dialect: LoadDialect): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const types = NODE_PROPS[node.label];
  for (const [p, t] of Object.entries(types)) out[p] = value(p, t, node.props[p], dialect);
  out[NODE_KEY[node.label]] = node.key;
  return out;
}

// The hash decides 'unchanged' next time, so the Article node stores the one the caller passed with the rows.
function withHash(row: Record<string, unknown>, label: NodeLabel, hash: string): Record<string, unknown> {
  return label === 'Article' ? { ...row, contentHash: hash } : row;
}

function relRow(rel: GraphRelationship, dialect: LoadDialect): Record<string, unknown> {
  const out: Record<string, unknown> = { __from: rel.from.key, __to: rel.to.key };
  for (const [p, t] of Object.entries(REL_PROPS[rel.type])) out[p] = value(p, t, rel.props[p], dialect);
  return out;
}

function value(prop: string, type: string, v: PropValue | undefined, dialect: LoadDialect): unknown {
  if (v === undefined || v === null) return null;
  if (type === 'number' && typeof v === 'number') return FLOAT_PROPS.has(prop) ? v : dialect.int(Math.trunc(v));
  if (type === 'number[]' && Array.isArray(v)) return (v as number[]).map((x) => dialect.int(Math.trunc(x)));
  if (type === 'string[]' && Array.isArray(v)) return [...(v as string[])];
  return v;
}

/**
 * Splits rows into batches whose items share value types (LadybugDB infers one STRUCT type per list: an integral
 * float such as 1 next to 0.5 is INT64 vs DOUBLE, and fails). Never yields an empty batch.
 */
function* batches(data: Record<string, unknown>[], dialect: LoadDialect): Generator<Record<string, unknown>[]> {
  if (data.length === 0) return;
  if (!dialect.uniformBatches) {
    yield data;
    return;
  }
  const bySig = new Map<string, Record<string, unknown>[]>();
  for (const row of data) {
    const sig = Object.keys(row)
      .sort()
      .map((k) => `${k}:${typeSig(row[k])}`)
      .join(',');
    const list = bySig.get(sig) ?? [];
    list.push(row);
    bySig.set(sig, list);
  }
  for (const list of bySig.values()) yield list;
}

// Only numbers split a batch: nulls, empty lists and strings mix freely in one LadybugDB list.
function typeSig(v: unknown): string {
  return typeof v === 'number' ? (Number.isInteger(v) ? 'i' : 'd') : '';
}
