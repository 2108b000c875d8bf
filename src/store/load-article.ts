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
export const FLOAT_PROPS: ReadonlySet<string> = new Set(['confidence', 'similarity']);

const DIRECT_TYPES: readonly RelType[] = Object.values(DIRECT_EDGE);

/** Backticked identifier: property names such as `starts`/`ends` are keywords in LadybugDB's parser. */
export function q(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

/** Rows per `UNWIND $rows` statement: thousands per round trip, bounded so one statement stays small. */
export const UNWIND_CHUNK = 2000;

/** One label's node rows of a batch (one row per key), ready for UNWIND MERGE or a bulk writer. */
export interface NodeGroup {
  readonly label: NodeLabel;
  readonly extra: readonly string[];
  readonly keyProp: string;
  /** Every property of the label, in NODE_PROPS order (the embedded table's column order). */
  readonly props: readonly string[];
  readonly rows: Record<string, unknown>[];
  /** `SET` items for UNWIND MERGE, with `src(p)` giving the expression that reads property p of the row. */
  readonly sets: (src: (p: string) => string) => string[];
}

/** One type/endpoint pair's relationship rows of a batch (one row per MERGE key). */
export interface RelGroup {
  readonly type: RelType;
  readonly from: NodeLabel;
  readonly to: NodeLabel;
  /** Properties of the type, in REL_PROPS order; rows also carry `__from` and `__to`. */
  readonly props: readonly string[];
  /** Direct actor edges are merged on their `event` property. */
  readonly keyed: boolean;
  readonly rows: Record<string, unknown>[];
}

/** A store's faster way to write a group (the embedded store's staged-file path); false = use UNWIND MERGE. */
export interface BulkWriter {
  nodes(group: NodeGroup): Promise<boolean>;
  rels(group: RelGroup): Promise<boolean>;
}

/**
 * Loads one article inside an open transaction. Callers supply `run` bound to that transaction.
 * @example await loadArticleRows(rows, (c, p) => tx.run(c, p), dialect) // 'created'
 */
export async function loadArticleRows(rows: GraphRows, run: TxRun, dialect: LoadDialect): Promise<LoadOutcome> {
  return (await loadArticleBatch([rows], run, dialect))[0]!;
}

/**
 * Loads a batch of articles inside one open transaction with a few statements per label and type (thousands of
 * rows each): the same result as loading them one by one in order. Per article: same contentHash stored ->
 * 'unchanged'; otherwise its old events and mentions are replaced, aliases unioned, orphaned entities removed.
 * @example await loadArticleBatch([rowsA, rowsB], (c, p) => tx.run(c, p), dialect) // ['created', 'unchanged']
 */
export async function loadArticleBatch(
  batch: readonly GraphRows[],
  run: TxRun,
  dialect: LoadDialect,
  writer?: BulkWriter,
): Promise<LoadOutcome[]> {
  const out: LoadOutcome[] = [];
  // An id twice in one batch: the second copy must see the first, so the batch is cut before it.
  let segment: GraphRows[] = [];
  let ids = new Set<string>();
  for (const rows of batch) {
    if (ids.has(rows.articleId)) {
      out.push(...(await loadSegment(segment, run, dialect, writer)));
      segment = [];
      ids = new Set();
    }
    segment.push(rows);
    ids.add(rows.articleId);
  }
  if (segment.length > 0) out.push(...(await loadSegment(segment, run, dialect, writer)));
  return out;
}

async function loadSegment(
  segment: readonly GraphRows[],
  run: TxRun,
  dialect: LoadDialect,
  writer: BulkWriter | undefined,
): Promise<LoadOutcome[]> {
  const stored = new Map<string, unknown>();
  for (const part of chunks(segment.map((r) => r.articleId))) {
    const found = await run('UNWIND $ids AS i MATCH (a:Article {id: i}) RETURN a.id AS id, a.contentHash AS hash', { ids: part });
    for (const r of found) stored.set(String(r['id']), r['hash']);
  }
  const outcomes: LoadOutcome[] = segment.map((rows) =>
    !stored.has(rows.articleId) ? 'created' : stored.get(rows.articleId) === rows.contentHash ? 'unchanged' : 'replaced',
  );
  const todo = segment.filter((_, i) => outcomes[i] !== 'unchanged');
  if (todo.length === 0) return outcomes;
  const replaced = segment.filter((_, i) => outcomes[i] === 'replaced').map((r) => r.articleId);

  // Entities the old versions touched: they may become orphans once their mentions and events are gone.
  const candidates = new Map<NodeLabel, Set<string>>();
  if (replaced.length > 0) {
    for (const part of chunks(replaced)) {
      for (const label of ENTITY_LABELS) {
        const keys = candidates.get(label) ?? new Set<string>();
        candidates.set(label, keys);
        const mentioned = await run(`UNWIND $ids AS i MATCH (a:Article {id: i})-[:MENTIONS]->(x:${label}) RETURN DISTINCT x.key AS key`, { ids: part });
        for (const r of mentioned) keys.add(String(r['key']));
        for (const rel of ['BY', 'AGAINST']) {
          const acted = await run(
            `UNWIND $ids AS i MATCH (e:Event)-[:REPORTED_IN]->(a:Article {id: i}) MATCH (e)-[:${rel}]->(x:${label}) RETURN DISTINCT x.key AS key`,
            { ids: part },
          );
          for (const r of acted) keys.add(String(r['key']));
        }
      }
      const oldEvents = await run('UNWIND $ids AS i MATCH (e:Event)-[:REPORTED_IN]->(a:Article {id: i}) RETURN e.id AS id', { ids: part });
      const eventIds = oldEvents.map((r) => String(r['id']));
      for (const evPart of chunks(eventIds)) {
        for (const type of DIRECT_TYPES) {
          await run(`MATCH (s)-[r:${type}]->(t) WHERE r.event IN $ids DELETE r`, { ids: evPart });
        }
        await run('MATCH (e:Event) WHERE e.id IN $ids DETACH DELETE e', { ids: evPart });
      }
      await run('UNWIND $ids AS i MATCH (a:Article {id: i})-[m:MENTIONS]->(x) DELETE m', { ids: part });
      // A reprint whose text changed is checked again: its rows bring the DUPLICATE_OF edge if it still is one.
      await run('UNWIND $ids AS i MATCH (a:Article {id: i})-[d:DUPLICATE_OF]->(:Article) DELETE d', { ids: part });
    }
  }

  await writeGroups(todo, run, dialect, writer);
  // A huge article's events, part by part, after the nodes they point at.
  for (const rows of todo) {
    for (const part of rows.deferred?.parts() ?? []) {
      await writeGroups([{ articleId: rows.articleId, contentHash: rows.contentHash, ...part }], run, dialect, writer);
    }
  }

  // Orphans: entities the old versions touched that nothing mentions or acts through any more.
  for (const [label, keys] of candidates) {
    for (const part of chunks([...keys].sort())) {
      await run(
        `UNWIND $keys AS k MATCH (x:${label} {key: k}) ` +
          'WHERE NOT EXISTS { MATCH (x)<-[:MENTIONS]-(:Article) } ' +
          'AND NOT EXISTS { MATCH (x)<-[:BY]-(:Event) } AND NOT EXISTS { MATCH (x)<-[:AGAINST]-(:Event) } ' +
          'DETACH DELETE x',
        { keys: part },
      );
    }
  }
  return outcomes;
}

/** Writes the node rows of a set of articles, then their relationship rows (whose ends exist by then). */
async function writeGroups(todo: readonly GraphRows[], run: TxRun, dialect: LoadDialect, writer: BulkWriter | undefined): Promise<void> {
  for (const group of nodeGroups(todo, dialect)) {
    let rows = group.rows;
    if (group.props.includes('aliases')) {
      const old = new Map<string, string[]>();
      for (const part of chunks(rows.map((r) => String(r[group.keyProp])))) {
        const found = await run(
          `UNWIND $keys AS k MATCH (x:${group.label} {${q(group.keyProp)}: k}) RETURN x.${q(group.keyProp)} AS key, x.aliases AS aliases`,
          { keys: part },
        );
        for (const r of found) old.set(String(r['key']), (r['aliases'] as string[] | null) ?? []);
      }
      rows = rows.map((row) => ({ ...row, aliases: unionAliases(old.get(String(row[group.keyProp])), row['aliases']) }));
    }
    const ready: NodeGroup = { ...group, rows };
    if (writer && (await writer.nodes(ready))) continue;
    const labelSet = group.extra.length > 0 ? `, n:${group.extra.map(q).join(':')}` : '';
    const cypher =
      `UNWIND $rows AS r MERGE (n:${group.label} {${q(group.keyProp)}: r.${q(group.keyProp)}}) ` +
      `SET ${group.sets((p) => `r.${q(p)}`).join(', ')}${labelSet}`;
    for (const batch of batches(rows, dialect)) await run(cypher, { rows: batch });
  }

  for (const group of relGroups(todo, dialect)) {
    if (writer && (await writer.rels(group))) continue;
    for (const batch of batches(group.rows, dialect)) await run(mergeRelCypher(group, (p) => `r.${q(p)}`, 'UNWIND $rows AS r'), { rows: batch });
  }
}

/**
 * The MERGE statement for one relationship group; `head` binds each row (`UNWIND $rows AS r` or a LOAD FROM) and
 * `src(p)` reads its property p (`__from`, `__to` and the REL_PROPS).
 */
export function mergeRelCypher(group: RelGroup, src: (p: string) => string, head: string): string {
  const mergeProps = group.keyed ? ` {event: ${src('event')}}` : '';
  const sets = group.props.filter((p) => !(group.keyed && p === 'event')).map((p) => `x.${q(p)} = ${src(p)}`);
  return (
    `${head} MATCH (s:${group.from} {${q(NODE_KEY[group.from])}: ${src('__from')}}) ` +
    `MATCH (t:${group.to} {${q(NODE_KEY[group.to])}: ${src('__to')}}) ` +
    `MERGE (s)-[x:${group.type}${mergeProps}]->(t)` +
    (sets.length > 0 ? ` SET ${sets.join(', ')}` : '')
  );
}

/**
 * Node rows of the batch, one per key, grouped by primary label and secondary-label set. A key that several
 * articles share is combined as loading them in order would leave it: name from the last, aliases unioned,
 * other entity properties the last non-null value, extra labels unioned.
 */
function nodeGroups(todo: readonly GraphRows[], dialect: LoadDialect): NodeGroup[] {
  const byKey = new Map<string, { label: NodeLabel; extra: Set<string>; row: Record<string, unknown> }>();
  for (const rows of todo) {
    for (const node of rows.nodes) {
      const k = `${node.label}|${node.key}`;
      const row = withHash(nodeRow(node, dialect), node.label, rows.contentHash);
      const seen = byKey.get(k);
      if (!seen) {
        byKey.set(k, { label: node.label, extra: new Set(dialect.extraLabels(node)), row });
        continue;
      }
      for (const l of dialect.extraLabels(node)) seen.extra.add(l);
      const entity = ENTITY_LABELS.includes(node.label);
      for (const [p, v] of Object.entries(row)) {
        if (p === 'aliases') seen.row[p] = unionAliases(seen.row[p] as string[] | undefined, v);
        else if (entity && p !== 'name') seen.row[p] = v ?? seen.row[p] ?? null;
        else seen.row[p] = v;
      }
    }
  }
  const groups = new Map<string, NodeGroup>();
  for (const { label, extra, row } of byKey.values()) {
    const sorted = [...extra].sort();
    const k = `${label}|${sorted.join(':')}`;
    let g = groups.get(k);
    if (!g) {
      const keyProp = NODE_KEY[label];
      const props = Object.keys(NODE_PROPS[label]);
      const entity = ENTITY_LABELS.includes(label);
      g = {
        label,
        extra: sorted,
        keyProp,
        props,
        rows: [],
        sets: (src) =>
          props
            .filter((p) => p !== keyProp)
            .map((p) => (entity && p !== 'name' && p !== 'aliases' ? `n.${q(p)} = coalesce(${src(p)}, n.${q(p)})` : `n.${q(p)} = ${src(p)}`)),
      };
      groups.set(k, g);
    }
    g.rows.push(row);
  }
  return [...groups.values()];
}

/** Relationship rows of the batch, one per MERGE key (the last one wins), grouped by type and endpoint labels. */
function relGroups(todo: readonly GraphRows[], dialect: LoadDialect): RelGroup[] {
  const groups = new Map<string, RelGroup & { index: Map<string, number> }>();
  for (const rows of todo) {
    for (const rel of rows.relationships) {
      const k = `${rel.type}|${rel.from.label}|${rel.to.label}`;
      let g = groups.get(k);
      if (!g) {
        g = {
          type: rel.type,
          from: rel.from.label,
          to: rel.to.label,
          props: Object.keys(REL_PROPS[rel.type]),
          keyed: DIRECT_TYPES.includes(rel.type),
          rows: [],
          index: new Map(),
        };
        groups.set(k, g);
      }
      const row = relRow(rel, dialect);
      const id = JSON.stringify([rel.from.key, rel.to.key, g.keyed ? (rel.props['event'] ?? null) : null]);
      const at = g.index.get(id);
      if (at === undefined) {
        g.index.set(id, g.rows.length);
        g.rows.push(row);
      } else {
        g.rows[at] = row;
      }
    }
  }
  return [...groups.values()].map(({ index: _index, ...g }) => g);
}

function* chunks<T>(items: readonly T[], size = UNWIND_CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
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
export function* batches(data: Record<string, unknown>[], dialect: LoadDialect): Generator<Record<string, unknown>[]> {
  if (data.length === 0) return;
  if (!dialect.uniformBatches) {
    yield* chunks(data);
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
  for (const list of bySig.values()) yield* chunks(list);
}

// Only numbers split a batch: nulls, empty lists and strings mix freely in one LadybugDB list.
function typeSig(v: unknown): string {
  return typeof v === 'number' ? (Number.isInteger(v) ? 'i' : 'd') : '';
}
