// Ingest corpus/ into the embedded store and into the real test Neo4j: twice, same counts; same rows from every portable query.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest.js';
import { listQueries } from '../../src/queries.js';
import { runQuery } from '../../src/run-query.js';
import { openStore } from '../../src/store/index.js';
import type { GraphStore, Row } from '../../src/store/types.js';

const PARAMS: Record<string, unknown> = { name: 'China', from: '2020-01-01', to: '2020-12-31', depth: 2, limit: 25, a: 'China', b: 'Huawei Technologies Ltd.' };

function neo4jOptions() {
  if (!process.env.NEO4J_URI) throw new Error('NEO4J_URI is not set: the jest global setup should have started the test Neo4j (see test/neo4j/)');
  return { store: 'neo4j' as const, neo4jUri: process.env.NEO4J_URI, neo4jUser: process.env.NEO4J_USER, neo4jPassword: process.env.NEO4J_PASSWORD };
}

/** Secondary labels (Company, Country, Accusation, ...) exist in Neo4j only, by design: compare primary labels. */
function primaryLabels(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(primaryLabels);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === 'labels' && Array.isArray(v) ? v.slice(0, 1) : primaryLabels(v);
    return out;
  }
  return value;
}

describe('corpus/ in both stores', () => {
  let embedded: GraphStore;
  let neo4j: GraphStore;

  beforeAll(async () => {
    embedded = await openStore({ store: 'embedded', db: join(mkdtempSync(join(tmpdir(), 'ng-e2e-')), 'db') });
    neo4j = await openStore(neo4jOptions());
    await neo4j.wipe();
  }, 120_000);
  afterAll(async () => {
    await embedded?.close();
    await neo4j?.close();
  });

  it('ingests every article, and a second ingest changes nothing', async () => {
    for (const store of [embedded, neo4j]) {
      const first = await ingest(['corpus'], store);
      expect(first.failed).toBe(0);
      expect(first.created).toBeGreaterThanOrEqual(11);
      const counts = await store.counts();
      const second = await ingest(['corpus'], store);
      expect(second.unchanged).toBe(first.created);
      expect(await store.counts()).toEqual(counts);
    }
    expect(await embedded.counts()).toEqual(await neo4j.counts());
  }, 300_000);

  it('returns the same rows from every portable named query on both stores', async () => {
    for (const q of listQueries().filter((x) => !x.neo4jOnly)) {
      const params = Object.fromEntries(q.parameters.map((p) => [p, PARAMS[p]]));
      const a: Row[] = await runQuery(embedded, q.name, params);
      const b: Row[] = await runQuery(neo4j, q.name, params);
      expect(a.length).toBeGreaterThan(0);
      expect({ query: q.name, rows: primaryLabels(b) }).toEqual({ query: q.name, rows: primaryLabels(a) });
    }
  }, 120_000);

  it('has the accusation by the Chinese foreign ministry against the Trump administration, 2020-05-25, in the reference article', async () => {
    for (const store of [embedded, neo4j]) {
      const rows = await runQuery(store, 'accusations');
      const hit = rows.find(
        (r) => /ministry/iu.test(String(r.accuser)) && /Trump administration/iu.test(String(r.accused)) && r.article === '000_724705b57007fe02',
      );
      expect(hit).toMatchObject({ date: '2020-05-25' });
      expect(String(hit!.charge)).toMatch(/interfering/u);
    }
  });
});
