// Neo4j driver values <-> plain JS: Integer -> number, Node -> {labels, properties}, temporal -> ISO string.
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import { NODE_KEY } from '../../graph/types.js';

/** Converts one driver value to plain JS (numbers, strings, arrays, objects). */
export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(plainValue);
  if (typeof v !== 'object') return v;
  if (neo4j.isNode(v)) return { labels: sortLabels(v.labels), properties: plainObject(v.properties) };
  if (neo4j.isRelationship(v) || neo4j.isUnboundRelationship(v)) return { type: v.type, properties: plainObject(v.properties) };
  if (neo4j.isPath(v)) {
    return {
      nodes: [v.start, ...v.segments.map((s) => s.end)].map(plainValue),
      relationships: v.segments.map((s) => plainValue(s.relationship)),
    };
  }
  if (
    neo4j.isDate(v) || neo4j.isDateTime(v) || neo4j.isLocalDateTime(v) || neo4j.isTime(v) ||
    neo4j.isLocalTime(v) || neo4j.isDuration(v)
  ) {
    return String(v);
  }
  if (neo4j.isPoint(v)) return { srid: plainValue(v.srid), x: v.x, y: v.y, ...(v.z !== undefined ? { z: v.z } : {}) };
  return plainObject(v as Record<string, unknown>);
}

function plainObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = plainValue(x);
  return out;
}

/** Primary label first (the one the embedded store reports), then secondary labels sorted. */
function sortLabels(labels: readonly string[]): string[] {
  const primary = labels.filter((l) => l in NODE_KEY);
  const rest = labels.filter((l) => !(l in NODE_KEY)).sort();
  return [...primary, ...rest];
}

/** One result record as a plain row keyed by column name. */
export function plainRecord(record: Neo4jRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of record.keys) out[String(key)] = plainValue(record.get(key));
  return out;
}

/** User parameters: integral numbers become Neo4j integers (so `LIMIT $n` works); everything else as is. */
export function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = toNeo4j(v);
  return out;
}

function toNeo4j(v: unknown): unknown {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(toNeo4j);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toNeo4j(x);
    return out;
  }
  return v;
}
