// Across articles: a later article's short form joins the actor an earlier one named in full; unsure cases don't merge.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest.js';
import type { Article } from '../../src/model/types.js';
import { openStore } from '../../src/store/index.js';
import type { GraphStore } from '../../src/store/types.js';

const ARTICLES: Article[] = [
  { id: 'a1', date: '2021-03-01', text: 'President Donald Trump accused Ruritania of currency manipulation on Monday, the White House said.' },
  { id: 'a2', date: '2021-03-03', text: 'U.S. President Trump threatened new tariffs on Ruritanian steel on Wednesday.' },
  { id: 'a3', date: '2021-03-04', text: 'Commerce Ministry spokesman Zhang Wei criticized the tariffs on Thursday.' },
  { id: 'a4', date: '2021-03-05', text: 'Tianrui Optics chief executive Zhang Lin said on Friday the company had done nothing wrong.' },
  { id: 'a5', date: '2021-03-06', text: 'Zhang said on Saturday the accusations were groundless.' },
  { id: 'a6', date: '2021-03-07', text: 'Japan protested on Sunday, and Tokyo said it would ask the World Trade Organization to rule on the tariffs.' },
  { id: 'a7', date: '2021-03-08', text: 'Trade ministers met in Tokyo on Monday to discuss the tariffs imposed by the United States.' },
];

describe('ingest across articles', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openStore({ store: 'embedded', db: join(mkdtempSync(join(tmpdir(), 'ng-across-')), 'db') });
    await ingest(ARTICLES, store, { workers: 1 });
  }, 120_000);
  afterAll(async () => store?.close());

  const people = async () =>
    (await store.run('MATCH (a:Article)-[:MENTIONS]->(p:Person) RETURN p.key AS key, p.name AS name, collect(DISTINCT a.id) AS articles ORDER BY key')).map((r) => ({
      key: String(r.key),
      name: String(r.name),
      articles: [...(r.articles as string[])].sort(),
    }));

  it('puts "Trump" of a later article on the Donald Trump node, with the short form as an alias', async () => {
    const trump = (await people()).filter((p) => /trump/iu.test(String(p.key)));
    expect(trump).toEqual([{ key: 'PER:donald trump', name: 'Donald Trump', articles: ['a1', 'a2'] }]);
    const [row] = await store.run("MATCH (p:Person {key: 'PER:donald trump'}) RETURN p.aliases AS aliases");
    expect(row!.aliases).toEqual(expect.arrayContaining(['Donald Trump', 'Trump']));
  });

  it('keeps two people who share a surname apart, and a bare surname that fits both on a node of its own', async () => {
    const zhangs = (await people()).filter((p) => /zhang/iu.test(String(p.key)));
    const keys = zhangs.map((z) => z.key);
    expect(keys).toEqual(expect.arrayContaining(['PER:zhang wei', 'PER:zhang lin']));
    expect(zhangs.find((z) => z.key === 'PER:zhang wei')!.articles).toEqual(['a3']);
    expect(zhangs.find((z) => z.key === 'PER:zhang lin')!.articles).toEqual(['a4']);
  });

  it('keeps the city apart from the country whose capital stood for it in an earlier article', async () => {
    const rows = await store.run("MATCH (a:Article {id: 'a7'})-[:MENTIONS]->(x:Location) RETURN x.key AS key ORDER BY key");
    expect(rows.map((r) => r.key)).toContain('LOC:tokyo');
  });

  it('ingesting the same articles again changes nothing', async () => {
    const before = await store.counts();
    const again = await ingest(ARTICLES, store, { workers: 1 });
    expect(again.unchanged).toBe(ARTICLES.length);
    expect(await store.counts()).toEqual(before);
  });
});
