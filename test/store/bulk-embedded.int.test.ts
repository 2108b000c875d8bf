// Batched loading on the embedded store: the staged-file bulk path (COPY into empty tables, LOAD FROM … MERGE
// otherwise) and the UNWIND MERGE path give the same graph as loading article by article, and reloading changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphRows } from '../../src/graph/types.js';
import { openStore } from '../../src/store/index.js';
import type { Counts, GraphStore } from '../../src/store/types.js';
import { A1, A1_CHANGED, A2, BARE, NASTY, NASTY_NAME, rowsFor } from './fixtures.js';

let dir: string;
const stores: GraphStore[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-bulk-'));
});
afterEach(async () => {
  // Each open LadybugDB reserves a large address range: close this test's stores before the next opens more.
  for (const s of stores.splice(0)) await s.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
async function fresh(bulk: boolean): Promise<GraphStore> {
  const store = await openStore({ store: 'embedded', db: join(dir, `s${n++}`), bulk });
  stores.push(store);
  await store.ensureSchema();
  return store;
}

/** Generated articles sharing a pool of entities, with events between them: enough rows for several tables. */
function corpus(count: number, version = 'v1'): GraphRows[] {
  const names = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay'];
  const out: GraphRows[] = [];
  for (let i = 0; i < count; i++) {
    const a = names[i % names.length]!;
    const b = names[(i * 7 + 1) % names.length]!;
    const text = `${a} accused ${b} of fraud on Monday, and ${b} rejected it. Report ${i} on ${a} ${i % 3}.`;
    out.push(
      rowsFor(
        { id: `g${i}`, date: '2021-03-04', text },
        [
          { id: 'e1', cls: 'ORG', name: a, key: `ORG:${a.toLowerCase().replace(/ /g, '-')}`, aliases: [a, `${a} ${i % 3}`], subtype: i % 2 ? 'company' : undefined },
          { id: 'e2', cls: 'ORG', name: b, key: `ORG:${b.toLowerCase().replace(/ /g, '-')}` },
        ],
        [{ id: `g${i}-ev1`, type: 'ACCUSE', by: ['e1'], against: ['e2'], evidence: `${a} accused ${b} of fraud`, confidence: i % 2 ? 0.5 : 1, charge: 'fraud' }],
        version,
      ),
    );
  }
  return out;
}

let reference: GraphStore | undefined;
/** Counts after loading `rows` one article per transaction (the reference store stays open as `reference`). */
async function oneByOne(rows: readonly GraphRows[]): Promise<Counts> {
  reference = await fresh(false);
  for (const r of rows) await reference.loadArticle(r);
  return reference.counts();
}

const ALL = (): GraphRows[] => [A1, A2, NASTY, BARE, ...corpus(40)];

test('bulk path: a first load (COPY into empty tables) equals loading article by article', async () => {
  const expected = await oneByOne(ALL());
  const s = await fresh(true);
  const outcomes = await s.loadArticles(ALL());
  expect(outcomes.every((o) => o === 'created')).toBe(true);
  expect(await s.counts()).toEqual(expected);
  expect(expected.nodes['Article']).toBe(44);
});

test('bulk path twice: the second load is all unchanged and leaves the same counts; equals the MERGE path', async () => {
  const bulk = await fresh(true);
  await bulk.loadArticles(ALL());
  const first = await bulk.counts();
  expect((await bulk.loadArticles(ALL())).every((o) => o === 'unchanged')).toBe(true);
  expect(await bulk.counts()).toEqual(first);
  const merge = await fresh(false);
  await merge.loadArticles(ALL());
  expect(await merge.counts()).toEqual(first);
});

test('bulk path into filled tables (LOAD FROM … MERGE): replaced articles, shared entities, aliases as one by one', async () => {
  const v1 = corpus(30);
  const v2 = corpus(30, 'v2').slice(10); // 20 replaced (same text, new extractor version)
  const extra = corpus(45).slice(30); // 15 new
  const expected = await oneByOne([...v1, ...v2, ...extra, A1, A1_CHANGED]);
  const s = await fresh(true);
  await s.loadArticles(v1.slice(0, 10));
  await s.loadArticles(v1.slice(10));
  const outcomes = await s.loadArticles([...v2, ...extra, A1]);
  expect(outcomes.filter((o) => o === 'replaced')).toHaveLength(20);
  expect(outcomes.filter((o) => o === 'created')).toHaveLength(16);
  expect(await s.loadArticles([A1_CHANGED])).toEqual(['replaced']);
  expect(await s.counts()).toEqual(expected);
  const china = 'MATCH (l:Location {key: $key}) RETURN l.aliases AS aliases, l.name AS name';
  expect(await s.run(china, { key: 'LOC:china' })).toEqual(await reference!.run(china, { key: 'LOC:china' }));
  const orgs = 'MATCH (o:Organization) RETURN o.key AS key, o.name AS name, o.aliases AS aliases, o.subtype AS subtype ORDER BY key';
  expect(await s.run(orgs)).toEqual(await reference!.run(orgs));
  // Globex is the accuser of articles 1, 7, 13, ... (i % 3 = 1, odd i: subtype company) and never gets other aliases.
  const globex = await s.run('MATCH (o:Organization {key: $key}) RETURN o.aliases AS aliases, o.subtype AS subtype', { key: 'ORG:globex' });
  expect(globex).toEqual([{ aliases: ['Globex', 'Globex 1'], subtype: 'company' }]);
});

test('odd text survives the staged CSV files exactly: quotes, commas, newlines, Cypher, RTL, emoji', async () => {
  const text = 'Line one, "quoted"\nline two; \'single\' `tick` $param [list] 😀 שלום\r\nA, "B" [C] or it\'s x\ny end';
  const rows = rowsFor({ id: 'odd', date: '2020-01-02', text }, [
    { id: 'e1', cls: 'ORG', name: 'A, "B" [C]', key: 'ORG:a-b-c', aliases: ['A, "B" [C]', "it's", 'x\ny'] },
  ], []);
  const s = await fresh(true);
  await s.loadArticles([rows, NASTY]);
  expect(await s.run('MATCH (a:Article {id: $id}) RETURN a.text AS text', { id: 'odd' })).toEqual([{ text }]);
  const org = await s.run('MATCH (o:Organization {key: $key}) RETURN o.name AS name, o.aliases AS aliases', { key: 'ORG:a-b-c' });
  expect(org).toEqual([{ name: 'A, "B" [C]', aliases: ['A, "B" [C]', "it's", 'x\ny'].sort() }]);
  const nasty = await s.run('MATCH (o:Organization {name: $name}) RETURN o.aliases AS aliases', { name: NASTY_NAME });
  expect(nasty).toEqual([{ aliases: ['$param', NASTY_NAME].sort() }]);
});

test('a batch is all or nothing: one bad article rolls back the whole batch, the others then load alone', async () => {
  const s = await fresh(true);
  await s.loadArticles([A1]);
  const before = await s.counts();
  const bad = {
    type: 'MENTIONS' as const,
    from: { label: 'Article' as const, key: 'a2' },
    to: { label: 'Organization' as const, key: 'ORG:hikvision' },
    props: { count: { not: 'storable' } as unknown as number, starts: [0], ends: [1] },
  };
  const broken = { ...A2, relationships: [...A2.relationships, bad] };
  await expect(s.loadArticles([...corpus(5), broken])).rejects.toThrow(/6 articles/);
  expect(await s.counts()).toEqual(before);
  expect(await s.loadArticles(corpus(5))).toEqual(Array(5).fill('created'));
});

test('the same article twice in one batch: the second copy is unchanged, or replaces the first', async () => {
  const s = await fresh(true);
  expect(await s.loadArticles([A1, A2, A1])).toEqual(['created', 'created', 'unchanged']);
  expect(await s.loadArticles([A1_CHANGED, A1])).toEqual(['replaced', 'replaced']);
  expect(await s.counts()).toEqual(await oneByOne([A1, A2]));
});
