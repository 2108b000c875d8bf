// The embedded store's tables: one NODE TABLE per primary label, one REL TABLE per type with its FROM/TO pairs.
import { ACTOR_LINK_TYPES, DIRECT_EDGE, ENTITY_LABELS, NODE_KEY, NODE_PROPS, REL_PROPS, type NodeLabel, type PropType, type RelType } from '../../graph/types.js';
import { FLOAT_PROPS, q } from '../load-article.js';

/** FROM/TO pairs of each relationship type. */
export const REL_ENDPOINTS: Readonly<Record<RelType, readonly (readonly [NodeLabel, NodeLabel])[]>> = (() => {
  const toEntities = (from: NodeLabel): [NodeLabel, NodeLabel][] => ENTITY_LABELS.map((to) => [from, to]);
  const entityPairs: [NodeLabel, NodeLabel][] = ENTITY_LABELS.flatMap((a) => ENTITY_LABELS.map((b): [NodeLabel, NodeLabel] => [a, b]));
  const out: Partial<Record<RelType, [NodeLabel, NodeLabel][]>> = {
    BY: toEntities('Event'),
    AGAINST: toEntities('Event'),
    REPORTED_IN: [['Event', 'Article']],
    MENTIONS: toEntities('Article'),
    DUPLICATE_OF: [['Article', 'Article']],
  };
  for (const type of [...Object.values(DIRECT_EDGE), ...ACTOR_LINK_TYPES]) out[type] = entityPairs;
  return out as Record<RelType, [NodeLabel, NodeLabel][]>;
})();

function columnType(prop: string, type: PropType): string {
  switch (type) {
    case 'string':
      return 'STRING';
    case 'string[]':
      return 'STRING[]';
    case 'number':
      return FLOAT_PROPS.has(prop) ? 'DOUBLE' : 'INT64';
    case 'number[]':
      return 'INT64[]';
  }
}

/**
 * DDL statements creating every table if it does not exist yet (node tables first).
 * @example schemaStatements()[0] // 'CREATE NODE TABLE IF NOT EXISTS Article(`id` STRING, ..., PRIMARY KEY(`id`))'
 */
export function schemaStatements(): string[] {
  const out: string[] = [];
  for (const [label, props] of Object.entries(NODE_PROPS) as [NodeLabel, Record<string, PropType>][]) {
    const cols = Object.entries(props).map(([p, t]) => `${q(p)} ${columnType(p, t)}`);
    out.push(`CREATE NODE TABLE IF NOT EXISTS ${label}(${cols.join(', ')}, PRIMARY KEY(${q(NODE_KEY[label])}))`);
  }
  for (const [type, props] of Object.entries(REL_PROPS) as [RelType, Record<string, PropType>][]) {
    const pairs = REL_ENDPOINTS[type].map(([a, b]) => `FROM ${a} TO ${b}`);
    const cols = Object.entries(props).map(([p, t]) => `${q(p)} ${columnType(p, t)}`);
    out.push(`CREATE REL TABLE IF NOT EXISTS ${type}(${[...pairs, ...cols].join(', ')})`);
  }
  return out;
}
