// LadybugDB result values -> plain JS shaped like the Neo4j store's: {labels, properties}, {type, properties}.

/** Converts one LadybugDB value (node, rel, path, list, map, Date, bigint) to plain JS. */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plainValue);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v) out[String(k)] = plainValue(x);
    return out;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('_nodes' in o && '_rels' in o) {
      return { nodes: (o['_nodes'] as unknown[]).map(plainValue), relationships: (o['_rels'] as unknown[]).map(plainValue) };
    }
    if ('_label' in o && '_id' in o) {
      const properties = properties_(o);
      return '_src' in o ? { type: o['_label'], properties } : { labels: [o['_label']], properties };
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = plainValue(x);
    return out;
  }
  return v;
}

// Neo4j has no null properties; LadybugDB returns every column of the table (and of others for unlabelled nodes).
function properties_(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (k.startsWith('_') || x === null || x === undefined) continue;
    out[k] = plainValue(x);
  }
  return out;
}

/** Converts a result row; DATE columns become 'YYYY-MM-DD' as Neo4j's Date.toString() gives. */
export function plainRow(row: Record<string, unknown>, columnTypes?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(row);
  keys.forEach((k, i) => {
    const v = row[k];
    out[k] = columnTypes?.[i] === 'DATE' && v instanceof Date ? v.toISOString().slice(0, 10) : plainValue(v);
  });
  return out;
}
