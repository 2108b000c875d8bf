// The load side of a huge article: a 50 MB Article.text and a MENTIONS edge with tens of thousands of offsets go into
// each store in one transaction (atomic per article), are read back whole, and a reload changes nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTRACTOR_VERSION } from '../../src/extract.js';
import { toGraph } from '../../src/graph/to-graph.js';
import type { GraphRows } from '../../src/graph/types.js';
import type { Article, ExtractionRecord } from '../../src/model/types.js';
import { openStore } from '../../src/store/index.js';
import type { StoreOptions } from '../../src/store/types.js';
import { testNeo4jOptions } from './neo4j/env.js';

const CHARS = 50 * 1024 * 1024;
const root = mkdtempSync(join(tmpdir(), 'ng-huge-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let article: Article;
let rows: GraphRows;
let mentions: number;

beforeAll(() => {
  const prose = readdirSync('corpus')
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join('corpus', f), 'utf8').replace(/^\s*date \S+\s+/u, '').trim())
    .join('\n\n');
  const parts: string[] = [];
  for (let n = 0; n < CHARS; n += prose.length + 2) parts.push(prose);
  const text = parts.join('\n\n');
  article = { id: 'huge', date: '2021-03-02', text };
  // One entity named at every "China" of the text: one MENTIONS edge with that many offsets.
  const spans: { text: string; start: number; end: number }[] = [];
  for (let i = text.indexOf('China'); i >= 0; i = text.indexOf('China', i + 1)) spans.push({ text: 'China', start: i, end: i + 5 });
  mentions = spans.length;
  const record: ExtractionRecord = {
    schemaVersion: 1,
    article: { id: article.id, date: article.date },
    entities: [{ id: 'e1', key: 'LOC:china', name: 'China', class: 'LOC', subtype: 'country', aliases: [], mentions: spans }],
    references: [],
    events: [],
    nonFactual: [],
    dates: [],
  };
  rows = toGraph(article, record, EXTRACTOR_VERSION);
}, 180_000);

const stores: [string, () => StoreOptions][] = [
  ['embedded', () => ({ store: 'embedded', db: join(root, 'db') })],
  ['neo4j', () => testNeo4jOptions()],
];

describe.each(stores)('a 50 MB article into the %s store', (_name, options) => {
  test('one transaction: the whole text and every offset stored, a reload unchanged', async () => {
    expect(article.text.length).toBeGreaterThanOrEqual(CHARS);
    expect(mentions).toBeGreaterThan(50_000);
    const store = await openStore(options());
    try {
      await store.wipe();
      await store.ensureSchema();
      expect(await store.loadArticles([rows])).toEqual(['created']);
      const [a] = await store.run('MATCH (a:Article {id: $id}) RETURN a.text AS text', { id: 'huge' });
      expect(String(a!['text']) === article.text).toBe(true);
      const edges = await store.run('MATCH (:Article {id: $id})-[m:MENTIONS]->(x) RETURN x.key AS key, m.count AS count, m.`starts` AS s, m.`ends` AS e', { id: 'huge' });
      expect(edges.length).toBe(1);
      const starts = (edges[0]!['s'] as unknown[]).map(Number);
      const ends = (edges[0]!['e'] as unknown[]).map(Number);
      expect([edges[0]!['key'], Number(edges[0]!['count']), starts.length, ends.length]).toEqual(['LOC:china', mentions, mentions, mentions]);
      expect(starts.every((s, i) => article.text.slice(s, ends[i]) === 'China')).toBe(true);
      expect(await store.loadArticles([rows])).toEqual(['unchanged']);
    } finally {
      await store.close();
    }
  }, 300_000);
});
