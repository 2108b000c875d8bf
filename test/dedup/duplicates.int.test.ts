// Reprints and removal against both real stores: the embedded one in a temp folder and the test Neo4j.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest.js';
import type { Article } from '../../src/model/types.js';
import { openStore } from '../../src/store/index.js';
import type { Counts, GraphStore } from '../../src/store/types.js';
import { testNeo4jOptions } from '../store/neo4j/env.js';

const text = (name: string): string => readFileSync(`test/fixtures/dedup/${name}.txt`, 'utf8').replace(/^\s*date\s+\S+\s+/u, '');
const ORIGINAL: Article = { id: 'globe-1', date: '2023-03-14', title: 'Canada accuses China of running police stations', source: 'Globe', text: text('wire-original') };
const REPRINT: Article = { id: 'star-7', date: '2023-03-15', title: 'Ottawa says Beijing ran covert stations', source: 'Star', text: text('wire-reprint') };
const OTHER: Article = { id: 'globe-2', date: '2023-03-16', title: 'Canada expels Chinese diplomat', source: 'Globe', text: text('same-topic-other-story') };

const corpus = (file: string): Article => {
  const raw = readFileSync(join('corpus', file), 'utf8');
  const m = /^\s*date\s+(\S+)\s+/u.exec(raw)!;
  return { id: file.replace(/\.txt$/u, ''), date: m[1]!, text: raw.slice(m[0].length) };
};

const with1 = (c: Counts, label: string, type: string): Counts => ({
  nodes: { ...c.nodes, [label]: (c.nodes[label] ?? 0) + 1 },
  relationships: { ...c.relationships, [type]: (c.relationships[type] ?? 0) + 1 },
});

type Kind = 'embedded' | 'neo4j';
const dir = mkdtempSync(join(tmpdir(), 'ng-dedup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each<Kind>(['embedded', 'neo4j'])('%s store', (kind) => {
  let store: GraphStore;
  const load = (articles: Article[], keepDuplicates = false) => ingest(articles, store, { workers: 1, keepDuplicates });

  beforeAll(async () => {
    store = await openStore(kind === 'neo4j' ? testNeo4jOptions() : { store: 'embedded', db: join(dir, 'store') });
    await store.ensureSchema();
  });
  afterAll(async () => store?.close());
  beforeEach(async () => store.wipe());

  describe('near-duplicate articles', () => {
    let reference: Counts;
    beforeEach(async () => {
      await load([ORIGINAL, OTHER]);
      reference = await store.counts();
      await store.wipe();
    });

    it('links a reprint loaded in a later run DUPLICATE_OF the first report, with no events or mentions of its own', async () => {
      expect(reference.nodes['Event']).toBeGreaterThan(0);
      await load([ORIGINAL]);
      const summary = await load([REPRINT, OTHER]);
      expect(summary).toMatchObject({ created: 2, duplicates: 1, failed: 0 });
      expect(await store.counts()).toEqual(with1(reference, 'Article', 'DUPLICATE_OF'));
      const [dup] = await store.run('MATCH (d:Article)-[x:DUPLICATE_OF]->(a:Article) RETURN d.id AS dup, a.id AS of, x.similarity AS similarity, d.title AS title');
      expect(dup).toEqual({ dup: 'star-7', of: 'globe-1', similarity: expect.any(Number), title: REPRINT.title });
      expect(dup!['similarity']).toBeGreaterThanOrEqual(0.7);
      expect(await store.run("MATCH (a:Article {id: 'star-7'})-[:MENTIONS]->(x) RETURN count(x) AS n")).toEqual([{ n: 0 }]);
      expect(await store.run("MATCH (e:Event)-[:REPORTED_IN]->(a:Article {id: 'star-7'}) RETURN count(e) AS n")).toEqual([{ n: 0 }]);
    });

    it('finds the reprint earlier in the same run; a different story on the same topic is no duplicate; a re-run changes nothing', async () => {
      const summary = await load([ORIGINAL, REPRINT, OTHER]);
      expect(summary).toMatchObject({ created: 3, duplicates: 1 });
      expect(await store.run('MATCH (d:Article)-[:DUPLICATE_OF]->(a:Article) RETURN d.id AS dup, a.id AS of')).toEqual([{ dup: 'star-7', of: 'globe-1' }]);
      const counts = await store.counts();
      expect(counts).toEqual(with1(reference, 'Article', 'DUPLICATE_OF'));
      expect(await load([ORIGINAL, REPRINT, OTHER])).toMatchObject({ unchanged: 3, created: 0, replaced: 0 });
      expect(await store.counts()).toEqual(counts);
    });

    it('stores every article its signature; --keep-duplicates loads the reprint whole', async () => {
      const summary = await load([ORIGINAL, REPRINT, OTHER], true);
      expect(summary).toMatchObject({ created: 3, duplicates: 0 });
      const counts = await store.counts();
      expect(counts.relationships['DUPLICATE_OF']).toBe(0);
      expect(counts.nodes['Event']).toBeGreaterThan(reference.nodes['Event']!);
      const sigs = await store.run('MATCH (a:Article) RETURN a.id AS id, a.minhash AS sig ORDER BY id');
      expect(sigs.map((r) => r['id'])).toEqual(['globe-1', 'globe-2', 'star-7']);
      for (const r of sigs) expect(r['sig']).toMatch(/^mh1:[0-9a-f]{1024}$/u);
    });
  });

  describe('remove', () => {
    const A = corpus('000_724705b57007fe02.txt');
    const B = corpus('003_entity-list-tianrui.txt');
    const C = corpus('012_us-sanctions-aircraft-parts.txt');

    it('takes an article out with its events, mentions and orphans: the counts of a store that never had it', async () => {
      await load([A, C]);
      const without = await store.counts();
      const keysWithout = await store.run('MATCH (x) WHERE x.key IS NOT NULL RETURN x.key AS key ORDER BY key');
      await store.wipe();
      await load([A, B, C]);
      const shared = await store.run(
        `MATCH (b:Article {id: $b})-[:MENTIONS]->(x)<-[:MENTIONS]-(o:Article) WHERE o.id <> $b RETURN DISTINCT x.key AS key ORDER BY key`,
        { b: B.id },
      );
      expect(shared.length).toBeGreaterThan(0);
      const before = await store.counts();
      expect(before).not.toEqual(without);
      expect(await store.removeArticles([B.id, 'no-such-article'])).toEqual({ removed: [B.id], missing: ['no-such-article'] });
      expect(await store.counts()).toEqual(without);
      expect(await store.run('MATCH (x) WHERE x.key IS NOT NULL RETURN x.key AS key ORDER BY key')).toEqual(keysWithout);
      for (const { key } of shared) expect(await store.run('MATCH (x {key: $k}) RETURN count(x) AS n', { k: key })).toEqual([{ n: 1 }]);
      expect(await store.removeArticles([B.id])).toEqual({ removed: [], missing: [B.id] });
    });

    it('removing a first report drops its reprints\' DUPLICATE_OF edge and hash, so the next ingest loads the reprint whole', async () => {
      await load([ORIGINAL, REPRINT]);
      expect(await store.removeArticles([ORIGINAL.id])).toEqual({ removed: [ORIGINAL.id], missing: [] });
      const after = await store.counts();
      expect(after.nodes).toMatchObject({ Article: 1, Event: 0, Person: 0, Organization: 0, Location: 0 });
      expect(after.relationships['DUPLICATE_OF']).toBe(0);
      expect(await load([REPRINT])).toMatchObject({ replaced: 1, duplicates: 0 });
      expect((await store.counts()).nodes['Event']).toBeGreaterThan(0);
    });
  });
});
