// Load side: a 50 MB Article.text and a MENTIONS edge with >100k starts into each store, one transaction.
import { readFileSync, rmSync } from 'node:fs';
import { toGraph } from '/work/wt-huge/src/graph/to-graph.ts';
import { openStore } from '/work/wt-huge/src/store/index.ts';
import { startNeo4j } from '/work/wt-huge/test/neo4j/server.ts';
const which = process.argv[2]!;
const mb = Number(process.argv[3] ?? 50);
const unit = readFileSync('/tmp/huge/a1000000.txt', 'utf8');
let text = ''; while (text.length < mb * 1e6) text += unit;
const article = { id: 'huge', date: '2021-03-02', text };
const mentions: { text: string; start: number; end: number }[] = [];
for (let i = text.indexOf('China'); i >= 0; i = text.indexOf('China', i + 1)) mentions.push({ text: 'China', start: i, end: i + 5 });
const record = { schemaVersion: 1, article: { id: 'huge', date: article.date }, entities: [{ id: 'e1', key: 'LOC:china', name: 'China', class: 'LOC' as const, aliases: [], mentions }], references: [], events: [], nonFactual: [], dates: [] };
let t = Date.now();
const rows = toGraph(article, record, 'x');
console.log('chars', text.length, 'mentions', mentions.length, 'toGraph ms', Date.now() - t);
let server;
const opts = which === 'embedded' ? (rmSync('/tmp/huge/dbload', { recursive: true, force: true }), { store: 'embedded' as const, db: '/tmp/huge/dbload' })
  : (server = await startNeo4j({ heap: '1g' }), { store: 'neo4j' as const, neo4jUri: server.uri, neo4jUser: server.user, neo4jPassword: server.password });
const store = await openStore(opts);
try {
  await store.ensureSchema();
  t = Date.now();
  try { console.log(await store.loadArticle(rows), 'load ms', Date.now() - t); } catch (e) { console.log('LOAD FAILED', (e as Error).message.slice(0, 500)); }
  const r = await store.run('MATCH (a:Article {id: $id})-[m:MENTIONS]->(x) RETURN size(a.text) AS n, m.count AS c, m.`ends` AS s', { id: 'huge' });
  console.log(r.map((x) => ({ ...x, s: (x.s as unknown[]).length })));
  t = Date.now();
  console.log('reload', await store.loadArticle(rows), Date.now() - t);
} finally { await store.close(); await server?.stop({ removeFiles: true }); }
console.log('peak rss', Math.round(process.resourceUsage().maxRSS / 1024));
