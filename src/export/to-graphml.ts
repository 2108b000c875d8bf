// The graph as GraphML for Gephi, yEd and Cytoscape: nodes with label/name/kind, edges with type/date.
import type { GraphNode, PropValue } from '../graph/types.js';
import type { GraphDump } from './read-graph.js';

/** GraphML attribute keys: Gephi shows `label` on nodes and reads the rest as columns. */
const NODE_KEYS = [
  ['label', 'string'],
  ['name', 'string'],
  ['kind', 'string'],
  ['labels', 'string'],
  ['key', 'string'],
  ['date', 'string'],
  ['subtype', 'string'],
  ['country', 'string'],
  ['eventType', 'string'],
  ['charge', 'string'],
  ['confidence', 'double'],
  ['title', 'string'],
  ['url', 'string'],
  ['source', 'string'],
] as const;
const EDGE_KEYS = [
  ['type', 'string'],
  ['date', 'string'],
  ['charge', 'string'],
  ['event', 'string'],
  ['count', 'int'],
  ['similarity', 'double'],
] as const;

// XML 1.0 forbids most control characters even as references: they are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

function esc(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

const nodeId = (label: string, key: string): string => `${label}/${key}`;

function display(n: GraphNode): string {
  const p = n.props;
  if (n.label === 'Article') return String(p['title'] ?? p['id']);
  if (n.label === 'Event') return [p['type'], p['date']].filter((x) => x !== null && x !== undefined).join(' ');
  return String(p['name'] ?? n.key);
}

function data(key: string, v: PropValue | undefined): string {
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return '';
  return `<data key="${key}">${esc(Array.isArray(v) ? v.join('; ') : String(v))}</data>`;
}

/**
 * Formats the dump as one GraphML document (directed edges, one per relationship, ids `<Label>/<key>`).
 * @example writeFileSync('graph.graphml', toGraphml(await readGraph(store)));
 */
export function toGraphml(dump: GraphDump): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [k, t] of NODE_KEYS) out.push(`  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`);
  for (const [k, t] of EDGE_KEYS) out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>`);
  out.push('  <graph id="newsgraph" edgedefault="directed">');
  for (const n of dump.nodes) {
    const p = n.props;
    const fields = [
      data('label', display(n)),
      data('name', p['name'] ?? (n.label === 'Article' ? p['title'] : null)),
      data('kind', n.label),
      data('labels', [n.label, ...n.extraLabels]),
      data('key', n.key),
      data('date', p['date']),
      data('subtype', p['subtype']),
      data('country', p['country']),
      data('eventType', n.label === 'Event' ? p['type'] : null),
      data('charge', p['charge']),
      data('confidence', p['confidence']),
      data('title', p['title']),
      data('url', p['url']),
      data('source', p['source']),
    ].join('');
    out.push(`    <node id="${esc(nodeId(n.label, n.key))}">${fields}</node>`);
  }
  dump.relationships.forEach((r, i) => {
    const p = r.props;
    const fields = [data('e_type', r.type), data('e_date', p['date']), data('e_charge', p['charge']), data('e_event', p['event']), data('e_count', p['count']), data('e_similarity', p['similarity'])].join('');
    out.push(`    <edge id="e${i}" source="${esc(nodeId(r.from.label, r.from.key))}" target="${esc(nodeId(r.to.label, r.to.key))}">${fields}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
