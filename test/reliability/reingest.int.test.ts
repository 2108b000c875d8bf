// Re-ingest through the real pipeline on both stores: unchanged = no-op; a changed text or date replaces the
// article's events and mentions, and entities no article mentions any more are removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest.js';
import { openStore } from '../../src/store/index.js';
import type { GraphStore } from '../../src/store/types.js';
import { testNeo4jOptions } from '../store/neo4j/env.js';
import { article } from './corpus.js';
import { readState } from './graph-check.js';

const M = 40;
const root = mkdtempSync(join(tmpdir(), 'ng-reingest-'));
const original = Array.from({ length: M }, (_, i) => article(i));
const EXTRA = ' Hooli Systems denied any role.';

const stores: [string, () => Promise<GraphStore>][] = [
  ['embedded', () => openStore({ store: 'embedded', db: join(root, 'db') })],
  ['neo4j', () => openStore(testNeo4jOptions())],
];

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.each(stores)('re-ingest on the %s store', (_name, open) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await open();
    await store.wipe();
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  const hooli = async (): Promise<number> =>
    Number((await store.run("MATCH (a:Article)-[:MENTIONS]->(o:Organization) WHERE o.name CONTAINS 'Hooli' RETURN count(DISTINCT a) AS n"))[0]!['n']);

  test('unchanged articles: every one "unchanged", the graph identical', async () => {
    const first = await ingest(original, store, { workers: 1 });
    expect({ created: first.created, failed: first.failed }).toEqual({ created: M, failed: 0 });
    const before = await readState(store);
    expect({ orphans: before.orphans, duplicates: before.duplicates }).toEqual({ orphans: 0, duplicates: 0 });
    const again = await ingest(original, store, { workers: 1 });
    expect({ unchanged: again.unchanged, created: again.created, replaced: again.replaced }).toEqual({ unchanged: M, created: 0, replaced: 0 });
    expect(await readState(store)).toEqual(before);
  }, 120_000);

  test('changed text replaces events and mentions; the entity only the new text had is removed when it goes', async () => {
    const before = await readState(store);
    const changed = original.slice(0, 20).map((a) => ({ ...a, text: a.text + EXTRA }));
    const r = await ingest(changed, store, { workers: 1 });
    expect({ replaced: r.replaced, failed: r.failed }).toEqual({ replaced: 20, failed: 0 });
    expect(await hooli()).toBe(20);
    const mid = await readState(store);
    expect({ orphans: mid.orphans, duplicates: mid.duplicates, articles: mid.counts.nodes['Article'] }).toEqual({ orphans: 0, duplicates: 0, articles: M });
    // Each changed article now mentions one more entity; the others are as before.
    const old = new Map(before.shape.map((row) => [row['id'], row]));
    for (const row of mid.shape) {
      const was = old.get(row['id'])!;
      if (changed.some((a) => a.id === row['id'])) {
        expect(row['hash']).not.toBe(was['hash']);
        expect(Number(row['mentions'])).toBe(Number(was['mentions']) + 1);
      } else {
        expect(row).toEqual(was);
      }
    }
    const back = await ingest(original, store, { workers: 1 });
    expect({ replaced: back.replaced, unchanged: back.unchanged }).toEqual({ replaced: 20, unchanged: M - 20 });
    expect(await hooli()).toBe(0);
    expect(Number((await store.run("MATCH (o:Organization) WHERE o.name CONTAINS 'Hooli' RETURN count(o) AS n"))[0]!['n'])).toBe(0);
    expect(await readState(store)).toEqual(before);
  }, 120_000);

  test('a changed date alone re-extracts (the hash covers the date): replaced, same shape, new hash', async () => {
    const before = await readState(store);
    const redated = { ...original[0]!, date: '2020-12-31' };
    const r = await ingest([redated], store, { workers: 1 });
    expect(r.replaced).toBe(1);
    const row = (await store.run('MATCH (a:Article {id: $id}) RETURN a.date AS date, a.contentHash AS hash', { id: redated.id }))[0]!;
    expect(row['date']).toBe('2020-12-31');
    expect(row['hash']).not.toBe(before.shape.find((s) => s['id'] === redated.id)!['hash']);
    const back = await ingest([original[0]!], store, { workers: 1 });
    expect(back.replaced).toBe(1);
    expect(await readState(store)).toEqual(before);
  }, 120_000);
});
