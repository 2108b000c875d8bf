// Batched loading on Neo4j: loadArticles gives the same graph as loading article by article, reloading changes
// nothing, and a failing batch writes nothing.
import type { GraphRows } from '../../src/graph/types.js';
import { openStore } from '../../src/store/index.js';
import type { Counts, GraphStore } from '../../src/store/types.js';
import { A1, A1_CHANGED, A2, BARE, NASTY, rowsFor } from './fixtures.js';
import { testNeo4jOptions } from './neo4j/env.js';

let store: GraphStore;
beforeAll(async () => {
  store = await openStore(testNeo4jOptions());
  await store.ensureSchema();
});
afterAll(async () => {
  await store?.close();
});
beforeEach(async () => {
  await store.wipe();
});

function corpus(count: number, version = 'v1'): GraphRows[] {
  const names = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay'];
  return Array.from({ length: count }, (_, i) => {
    const a = names[i % names.length]!;
    const b = names[(i * 7 + 1) % names.length]!;
    const text = `${a} accused ${b} of fraud on Monday. Report ${i} on ${a} ${i % 3}.`;
    return rowsFor(
      { id: `g${i}`, date: '2021-03-04', text },
      [
        { id: 'e1', cls: 'ORG', name: a, key: `ORG:${a.toLowerCase().replace(/ /g, '-')}`, aliases: [a, `${a} ${i % 3}`], subtype: i % 2 ? 'company' : undefined },
        { id: 'e2', cls: 'ORG', name: b, key: `ORG:${b.toLowerCase().replace(/ /g, '-')}` },
      ],
      [{ id: `g${i}-ev1`, type: 'ACCUSE', by: ['e1'], against: ['e2'], evidence: `${a} accused ${b} of fraud`, confidence: i % 2 ? 0.5 : 1, charge: 'fraud' }],
      version,
    );
  });
}

const ORGS = 'MATCH (o:Organization) RETURN o.key AS key, o.name AS name, o.aliases AS aliases, o.subtype AS subtype, labels(o) AS labels ORDER BY key';

async function oneByOne(rows: readonly GraphRows[]): Promise<{ counts: Counts; orgs: unknown }> {
  await store.wipe();
  for (const r of rows) await store.loadArticle(r);
  const out = { counts: await store.counts(), orgs: await store.run(ORGS) };
  await store.wipe();
  return out;
}

test('a batch equals loading one by one; loading it again is all unchanged with the same counts', async () => {
  const all = [A1, A2, NASTY, BARE, ...corpus(60)];
  const expected = await oneByOne(all);
  expect((await store.loadArticles(all)).every((o) => o === 'created')).toBe(true);
  expect(await store.counts()).toEqual(expected.counts);
  expect(await store.run(ORGS)).toEqual(expected.orgs);
  expect((await store.loadArticles(all)).every((o) => o === 'unchanged')).toBe(true);
  expect(await store.counts()).toEqual(expected.counts);
});

test('replaced articles in a batch: old events and mentions go, orphans go, aliases union as one by one', async () => {
  const steps = [corpus(30), [...corpus(30, 'v2').slice(10), ...corpus(40).slice(30), A1, A2], [A1_CHANGED]];
  const expected = await oneByOne(steps.flat());
  for (const step of steps) await store.loadArticles(step);
  expect(await store.counts()).toEqual(expected.counts);
  expect(await store.run(ORGS)).toEqual(expected.orgs);
});

test('a failing batch writes nothing; its good articles then load', async () => {
  await store.loadArticles([A1]);
  const before = await store.counts();
  const bad = {
    type: 'MENTIONS' as const,
    from: { label: 'Article' as const, key: 'a2' },
    to: { label: 'Organization' as const, key: 'ORG:hikvision' },
    props: { count: { not: 'storable' } as unknown as number, starts: [0], ends: [1] },
  };
  await expect(store.loadArticles([...corpus(5), { ...A2, relationships: [...A2.relationships, bad] }])).rejects.toThrow(/6 articles/);
  expect(await store.counts()).toEqual(before);
  expect(await store.loadArticles(corpus(5))).toEqual(Array(5).fill('created'));
});
