// A store's whole graph as typed rows (the shapes toGraph makes), read with plain Cypher that both stores run.
import {
  ENTITY_LABELS,
  EVENT_LABEL,
  NODE_KEY,
  NODE_PROPS,
  REL_PROPS,
  SUBTYPE_LABEL,
  type GraphNode,
  type GraphRelationship,
  type NodeLabel,
  type PropValue,
  type RelType,
} from '../graph/types.js';
import { q } from '../store/load-article.js';
import { REL_ENDPOINTS } from '../store/embedded/schema.js';
import type { GraphStore } from '../store/types.js';

export interface GraphDump {
  /** Every node, by label in NODE_PROPS order, then by key. */
  readonly nodes: readonly GraphNode[];
  /** Every relationship, by type in REL_PROPS order, then by endpoints. */
  readonly relationships: readonly GraphRelationship[];
}

/**
 * Reads every node and relationship of the store. Secondary labels are derived from `subtype` (entities) and `type`
 * (events), as toGraph sets them, so both stores give the same dump.
 * @example const { nodes, relationships } = await readGraph(store);
 */
export async function readGraph(store: GraphStore): Promise<GraphDump> {
  const nodes: GraphNode[] = [];
  for (const label of Object.keys(NODE_PROPS) as NodeLabel[]) {
    const props = Object.keys(NODE_PROPS[label]);
    const key = NODE_KEY[label];
    const rows = await store.run(`MATCH (n:${label}) RETURN ${props.map((p) => `n.${q(p)} AS ${q(p)}`).join(', ')} ORDER BY n.${q(key)}`);
    for (const r of rows) {
      const values: Record<string, PropValue> = {};
      for (const p of props) values[p] = (r[p] ?? null) as PropValue;
      nodes.push({ label, key: String(r[key]), props: values, extraLabels: extraLabels(label, values) });
    }
  }
  const relationships: GraphRelationship[] = [];
  for (const type of Object.keys(REL_PROPS) as RelType[]) {
    const props = Object.keys(REL_PROPS[type]);
    for (const [from, to] of REL_ENDPOINTS[type]) {
      const cols = [`s.${q(NODE_KEY[from])} AS __from`, `t.${q(NODE_KEY[to])} AS __to`, ...props.map((p) => `r.${q(p)} AS ${q(p)}`)];
      const order = ['__from', '__to', ...props.filter((p) => p === 'event')].join(', ');
      const rows = await store.run(`MATCH (s:${from})-[r:${type}]->(t:${to}) RETURN ${cols.join(', ')} ORDER BY ${order}`);
      for (const r of rows) {
        const values: Record<string, PropValue> = {};
        for (const p of props) values[p] = (r[p] ?? null) as PropValue;
        relationships.push({ type, from: { label: from, key: String(r['__from']) }, to: { label: to, key: String(r['__to']) }, props: values });
      }
    }
  }
  return { nodes, relationships };
}

function extraLabels(label: NodeLabel, props: Record<string, PropValue>): string[] {
  if (label === 'Event') {
    const l = EVENT_LABEL[String(props['type']) as keyof typeof EVENT_LABEL];
    return l ? [l] : [];
  }
  if (ENTITY_LABELS.includes(label) && typeof props['subtype'] === 'string') {
    const l = SUBTYPE_LABEL[props['subtype']];
    return l ? [l] : [];
  }
  return [];
}
