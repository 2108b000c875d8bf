// The same rows into both stores give the same counts, and the same Cypher returns the same rows on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/index.js';
import type { GraphStore } from '../../../src/store/types.js';
import { A1, A1_CHANGED, A2, NASTY } from '../fixtures.js';
import { testNeo4jOptions } from './env.js';

let dir: string;
let embedded: GraphStore;
let neo: GraphStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-cross-'));
  embedded = await openStore({ store: 'embedded', db: join(dir, 'store') });
  neo = await openStore(testNeo4jOptions());
  for (const s of [embedded, neo]) await s.ensureSchema();
});
afterAll(async () => {
  await embedded?.close();
  await neo?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await embedded.wipe();
  await neo.wipe();
});

async function loadAll(s: GraphStore): Promise<string[]> {
  const out: string[] = [];
  for (const rows of [A1, A2, NASTY, A1_CHANGED, A2, NASTY]) out.push(await s.loadArticle(rows));
  return out;
}

const QUERIES: [string, string, Record<string, unknown>][] = [
  [
    'accusations-like: who did what to whom, with date and article',
    'MATCH (e:Event)-[:BY]->(s), (e)-[:AGAINST]->(t), (e)-[:REPORTED_IN]->(a:Article) ' +
      'RETURN e.type AS type, s.name AS actor, t.name AS target, e.date AS date, e.charge AS charge, a.id AS article ' +
      'ORDER BY article, type, actor, target',
    {},
  ],
  [
    'actor network with counts over direct edges',
    'MATCH (s:Organization)-[r:CRITICIZED]->(t) RETURN s.key AS source, t.key AS target, count(r) AS n ORDER BY source, target',
    {},
  ],
  [
    'entity events by name parameter',
    'MATCH (x:Organization {name: $name})<-[:BY]-(e:Event) RETURN e.id AS id, e.confidence AS confidence ORDER BY id',
    { name: 'Commerce Department' },
  ],
  [
    'mentions with counts and offsets',
    'MATCH (a:Article)-[m:MENTIONS]->(x) RETURN a.id AS article, x.key AS entity, m.`count` AS n, m.`starts` AS spanStarts ' +
      'ORDER BY article, entity',
    {},
  ],
  [
    'whole nodes',
    'MATCH (l:Location) RETURN l AS node ORDER BY l.key',
    {},
  ],
  [
    'co-mentioned entities, integer $limit',
    'MATCH (a:Article {id: $id})-[:MENTIONS]->(x)<-[:MENTIONS]-(b:Article) WHERE b.id <> a.id ' +
      'RETURN DISTINCT b.id AS other, x.key AS via ORDER BY other, via LIMIT $limit',
    { id: 'a2', limit: 10 },
  ],
  [
    'bounded variable-length path over two relationship types',
    'MATCH (s:Organization {key: $key})-[:REJECTED|SANCTIONED*1..2]->(t) RETURN DISTINCT t.key AS target ORDER BY target',
    { key: 'ORG:commerce-department' },
  ],
];

test('loading the same articles gives the same outcomes and counts in both stores', async () => {
  const e = await loadAll(embedded);
  const n = await loadAll(neo);
  expect(e).toEqual(['created', 'created', 'created', 'replaced', 'unchanged', 'unchanged']);
  expect(n).toEqual(e);
  expect(await neo.counts()).toEqual(await embedded.counts());
});

test.each(QUERIES)('same rows on both stores: %s', async (_name, cypher, params) => {
  await loadAll(embedded);
  await loadAll(neo);
  const e = await embedded.run(cypher, params);
  const n = await neo.run(cypher, params);
  expect(e.length).toBeGreaterThan(0);
  // Neo4j nodes also carry Browser-only secondary labels; compare the primary label and the properties.
  const primary = (rows: Record<string, unknown>[]): unknown =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) =>
      [k, v && typeof v === 'object' && 'labels' in v ? { ...(v as object), labels: (v as { labels: string[] }).labels.slice(0, 1) } : v])));
  expect(primary(n)).toEqual(primary(e));
});
