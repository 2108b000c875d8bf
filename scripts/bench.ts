// npm run bench [-- --json] [-- --articles N]: extraction, parallelism, loading and memory figures in one run, each
// against a baseline measured in the same run (absolute times on a shared machine vary), with targets and PASS/FAIL.
// Runs the compiled code (dist/, built by the npm script) so extraction uses worker threads as `newsgraph` does.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { extract } from '../dist/extract.js';
import type { GraphRows } from '../dist/graph/types.js';
import { readInputs, type InputItem } from '../dist/input/read-inputs.js';
import type { Article } from '../dist/model/types.js';
import { parseFloor } from '../dist/nlp/parse-floor.js';
import { conllArticles, corpusArticles } from './bench-articles.js';
import { ExtractPool, extractStream } from '../dist/parallel/extract-pool.js';
import { openStore } from '../dist/store/index.js';
import type { GraphStore, StoreOptions } from '../dist/store/types.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    articles: { type: 'string', default: '10000' },
    sample: { type: 'string' },
    'speedup-articles': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help === true) {
  process.stdout.write(
    'usage: npm run bench [-- --json] [-- --articles N] [-- --sample S]\n' +
      '  --articles N  scale runs (memory, end to end) at N articles, the memory baseline at N/10 (default 10000)\n' +
      '  --sample S    articles for the extraction and load measures (default min(600, N))\n' +
      '  --speedup-articles P  articles for the worker speed-up, timed after a warm-up (default min(1200, N), at least S)\n' +
      '  Neo4j: the test server from test/neo4j/ is started unless NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD) names one.\n',
  );
  process.exit(0);
}
const N = Math.max(10, Number(values.articles));
const SAMPLE = Math.min(N, Math.max(10, Number(values.sample ?? 600)));
const SPEEDUP = Math.min(N, Math.max(SAMPLE, Number(values['speedup-articles'] ?? 1200)));
/** Articles each worker extracts before the speed-up is timed: module loading, the model and the JIT are warm. */
const WARM_PER_WORKER = 40;
const CORES = availableParallelism();
const BATCH = 200;
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

// ---------- corpus: CoNLL eng.train stories as articles, plus corpus/ ----------

/** The base articles repeated with new ids (`<id>~<k>`) up to n. */
function* scaled(base: readonly Article[], n: number): Generator<Article> {
  for (let i = 0; i < n; i++) {
    const a = base[i % base.length]!;
    const k = Math.floor(i / base.length);
    yield k === 0 ? a : { ...a, id: `${a.id}~${k}` };
  }
}

async function* asItems(articles: Iterable<Article>): AsyncGenerator<InputItem> {
  for (const article of articles) yield { article };
}

async function writeJsonl(file: string, articles: Iterable<Article>): Promise<void> {
  const out = createWriteStream(file);
  for (const a of articles) if (!out.write(JSON.stringify(a) + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
  out.end();
  await finished(out);
}

// ---------- measures ----------

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly pass?: boolean;
  readonly detail: string;
}
const figures: Figure[] = [];
const extra: Record<string, unknown> = {};

/** Extraction through a started and warmed-up pool of `workers` threads: seconds, CPU seconds, and the rows. */
async function timedPool(workers: number, articles: readonly Article[], warm: readonly Article[]): Promise<{ seconds: number; cpu: number; rows: GraphRows[] }> {
  const pool = ExtractPool.start(workers);
  if (!pool) throw new Error('no compiled worker: run npm run build first');
  try {
    await pool.warmUp(warm.slice(0, WARM_PER_WORKER * workers));
    const rows: GraphRows[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for await (const r of extractStream(asItems(articles), { pool, withRows: true })) {
      if ('failure' in r) throw new Error(r.failure);
      if ('rows' in r && r.rows) rows.push(r.rows);
    }
    const s = seconds(t0);
    const c = process.cpuUsage(cpu0);
    return { seconds: s, cpu: (c.user + c.system) / 1e6, rows };
  } finally {
    await pool.close();
  }
}

/**
 * (1) pipeline vs compromise alone, on this thread; (2) a warmed-up pool of all cores vs a warmed-up pool of one
 * worker, the same work both ways (records and graph rows, sent back to this thread). Returns the sample's rows.
 */
async function extraction(sample: readonly Article[], speedSample: readonly Article[], warm: readonly Article[]): Promise<GraphRows[]> {
  for (const a of sample.slice(0, 5)) extract(a); // warm up: model, lexicons, JIT
  for (const a of sample.slice(0, 5)) parseFloor(a.text);
  let t0 = process.hrtime.bigint();
  for (const a of sample) parseFloor(a.text);
  const floor = seconds(t0);
  log(`floor: compromise alone ${((floor / sample.length) * 1000).toFixed(1)} ms/article`);
  t0 = process.hrtime.bigint();
  for await (const r of extractStream(asItems(sample), { workers: 1 })) if ('failure' in r) throw new Error(r.failure);
  const inThread = seconds(t0);
  log(`pipeline, this thread: ${((inThread / sample.length) * 1000).toFixed(1)} ms/article`);
  const load0 = loadavg()[0]!;
  const one = await timedPool(1, speedSample, warm);
  log(`pipeline, 1 worker thread (warm): ${((one.seconds / speedSample.length) * 1000).toFixed(1)} ms/article`);
  const all = await timedPool(CORES, speedSample, warm);
  const load1 = loadavg()[0]!;
  const busy = all.cpu / all.seconds; // cores this process kept busy: < CORES means it was starved
  log(`pipeline, ${CORES} worker threads (warm): ${((all.seconds / speedSample.length) * 1000).toFixed(1)} ms/article`);
  const ratio = inThread / floor;
  figures.push({
    name: 'extraction vs floor', value: ratio, unit: '×', target: '≤ 2.0', pass: ratio <= 2.0,
    detail: `pipeline ${((inThread / sample.length) * 1000).toFixed(1)} ms/article vs compromise alone ${((floor / sample.length) * 1000).toFixed(1)} ms (${sample.length} articles)`,
  });
  const speedup = one.seconds / all.seconds;
  figures.push({
    name: `worker speed-up (${CORES} workers vs 1)`, value: speedup, unit: '×', target: '≥ 1.7', pass: speedup >= 1.7,
    detail:
      `${(speedSample.length / all.seconds).toFixed(1)} vs ${(speedSample.length / one.seconds).toFixed(1)} articles/s (${speedSample.length} articles, ` +
      `workers warmed on ${WARM_PER_WORKER} each); the process got ${busy.toFixed(2)} of ${CORES} cores (1 worker: ${(one.cpu / one.seconds).toFixed(2)}), ` +
      `load average ${load0.toFixed(1)} → ${load1.toFixed(1)}`,
  });
  return all.rows.slice(0, sample.length);
}

const total = (c: { nodes: Readonly<Record<string, number>>; relationships: Readonly<Record<string, number>> }): number =>
  [...Object.values(c.nodes), ...Object.values(c.relationships)].reduce((a, b) => a + b, 0);

async function loadAll(store: GraphStore, rows: readonly GraphRows[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += BATCH) await store.loadArticles(rows.slice(i, i + BATCH));
  return seconds(t0);
}

/** The same rows with plain `UNWIND $rows CREATE` (one row per key), the store's own speed. */
async function rawCreate(store: GraphStore, rows: readonly GraphRows[]): Promise<number> {
  const nodes = new Map<string, Map<string, Record<string, unknown>>>();
  const rels = new Map<string, Map<string, Record<string, unknown>>>();
  for (const r of rows) {
    for (const n of r.nodes) {
      const byKey = nodes.get(n.label) ?? new Map();
      nodes.set(n.label, byKey);
      const props: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(n.props)) if (v !== null) props[k] = v;
      byKey.set(n.key, n.label === 'Article' ? { ...props, contentHash: r.contentHash } : props);
    }
    for (const x of r.relationships) {
      const g = `${x.type}|${x.from.label}|${x.to.label}`;
      const byKey = rels.get(g) ?? new Map();
      rels.set(g, byKey);
      const props: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x.props)) if (v !== null) props[k] = v;
      byKey.set(JSON.stringify([x.from.key, x.to.key, x.props['event'] ?? null]), { from: x.from.key, to: x.to.key, props });
    }
  }
  const key = (label: string): string => (label === 'Article' || label === 'Event' ? 'id' : 'key');
  const t0 = process.hrtime.bigint();
  for (const [label, byKey] of nodes) {
    const list = [...byKey.values()];
    for (let i = 0; i < list.length; i += 2000) {
      await store.run(`UNWIND $rows AS r CREATE (n:${label}) SET n = r`, { rows: list.slice(i, i + 2000) }, { write: true });
    }
  }
  for (const [g, byKey] of rels) {
    const [type, from, to] = g.split('|') as [string, string, string];
    const list = [...byKey.values()];
    for (let i = 0; i < list.length; i += 2000) {
      await store.run(
        `UNWIND $rows AS r MATCH (s:${from} {${key(from)}: r.from}) MATCH (t:${to} {${key(to)}: r.to}) CREATE (s)-[x:${type}]->(t) SET x = r.props`,
        { rows: list.slice(i, i + 2000) },
        { write: true },
      );
    }
  }
  return seconds(t0);
}

/** (3) the loader into Neo4j vs raw CREATE of the same rows into an empty database; checks idempotence. */
async function neo4jLoad(options: StoreOptions, rows: readonly GraphRows[]): Promise<void> {
  const store = await openStore(options);
  try {
    await store.ensureSchema();
    await store.wipe();
    const tBase = await rawCreate(store, rows);
    const base = total(await store.counts());
    await store.wipe();
    const tLoad = await loadAll(store, rows);
    const counts = await store.counts();
    const loaded = total(counts);
    const again = await store.loadArticles(rows.slice(0, BATCH));
    const idempotent = again.every((o) => o === 'unchanged') && total(await store.counts()) === loaded;
    const ratio = loaded / tLoad / (base / tBase);
    extra['neo4jCounts'] = counts;
    figures.push({
      name: 'Neo4j load vs raw CREATE', value: ratio, unit: '×', target: '≥ 0.5', pass: ratio >= 0.5 && idempotent && base === loaded,
      detail: `${(loaded / tLoad).toFixed(0)} vs ${(base / tBase).toFixed(0)} nodes+rels/s (${loaded} vs ${base} items, ${rows.length} articles; reload unchanged: ${idempotent})`,
    });
    await store.wipe();
  } finally {
    await store.close();
  }
}

/** (4) the embedded store: batched UNWIND MERGE vs the staged-file bulk path; a bulk load twice keeps the counts. */
async function embeddedLoad(dir: string, rows: readonly GraphRows[]): Promise<void> {
  const rates: Record<string, number> = {};
  const counts: Record<string, number> = {};
  let twice = false;
  for (const bulk of [false, true]) {
    const store = await openStore({ store: 'embedded', db: join(dir, bulk ? 'bulk' : 'merge'), bulk });
    try {
      await store.ensureSchema();
      const t = await loadAll(store, rows);
      counts[bulk ? 'bulk' : 'merge'] = total(await store.counts());
      rates[bulk ? 'bulk' : 'merge'] = counts[bulk ? 'bulk' : 'merge']! / t;
      if (bulk) {
        await loadAll(store, rows);
        twice = total(await store.counts()) === counts['bulk'];
      }
    } finally {
      await store.close();
    }
  }
  const ratio = rates['bulk']! / rates['merge']!;
  const same = counts['bulk'] === counts['merge'] && twice;
  figures.push({
    name: 'embedded bulk vs UNWIND MERGE', value: ratio, unit: '×', target: 'same graph, reload keeps counts', pass: same,
    detail: `bulk ${rates['bulk']!.toFixed(0)} vs MERGE ${rates['merge']!.toFixed(0)} nodes+rels/s (${counts['bulk']} items both ways: ${counts['bulk'] === counts['merge']}; bulk twice same counts: ${twice})`,
  });
}

/** Writes the child's peak RSS (KB, worker threads included) to NG_RSS_FILE on exit. */
const RSS_HOOK = new URL('./report-rss.mjs', import.meta.url).pathname;
let rssRuns = 0;

/** Runs `newsgraph ingest` in a child process; returns wall time, peak RSS (MB) and the summary line. */
function ingestChild(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; rssMb: number; summary: string }> {
  const cli = new URL('../dist/cli.js', import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const rssFile = join(tmpdir(), `ng-bench-rss-${process.pid}-${rssRuns++}.txt`);
    const child = spawn(process.execPath, ['--import', RSS_HOOK, cli, 'ingest', ...args, '--quiet'], {
      env: { ...env, NG_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      let kb = NaN;
      try {
        kb = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        // no file: the child did not reach its exit handler; reported below
      }
      rmSync(rssFile, { force: true });
      if (code !== 0 || !Number.isFinite(kb)) return reject(new Error(`newsgraph ingest exited ${code}: ${err.slice(-2000)}`));
      resolve({ seconds: seconds(t0), rssMb: kb / 1024, summary: out.trim().split('\n')[0] ?? '' });
    });
  });
}

// ---------- run ----------

const startedAt = new Date();
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
let neo4jServer: { stop(o?: { removeFiles?: boolean }): Promise<void> } | undefined;
try {
  const base = [...(await corpusArticles()).map(({ id, date, text }) => ({ id, date, text })), ...conllArticles()];
  log(`corpus: ${base.length} base articles (corpus/ + eng.train stories), scale runs at ${N}, sample ${SAMPLE}`);
  const sample = [...scaled(base, SAMPLE)];
  const speedSample = [...scaled(base, SPEEDUP)];
  // Warm-up articles from the end of the base list, the same for both pools (each is new, with its own caches).
  const warm = base.slice(-WARM_PER_WORKER * CORES).map((a) => ({ ...a, id: `${a.id}~warm` }));
  const rows = await extraction(sample, speedSample, warm);

  let neo4j: StoreOptions;
  if (process.env['NEO4J_URI']) {
    neo4j = { store: 'neo4j', neo4jUri: process.env['NEO4J_URI'], neo4jUser: process.env['NEO4J_USER'] ?? 'neo4j', neo4jPassword: process.env['NEO4J_PASSWORD'] };
  } else {
    log('starting the test Neo4j (test/neo4j/) ...');
    const { startNeo4j } = await import('../test/neo4j/server.js');
    const server = await startNeo4j({ log });
    neo4jServer = server;
    neo4j = { store: 'neo4j', neo4jUri: server.uri, neo4jUser: server.user, neo4jPassword: server.password };
  }
  await neo4jLoad(neo4j, rows);
  log('Neo4j load done');
  await embeddedLoad(dir, rows);
  log('embedded load done');

  const small = Math.max(1, Math.round(N / 10));
  const smallFile = join(dir, `articles-${small}.jsonl`);
  const bigFile = join(dir, `articles-${N}.jsonl`);
  await writeJsonl(smallFile, scaled(base, small));
  await writeJsonl(bigFile, scaled(base, N));
  const env = { ...process.env, NEO4J_URI: neo4j.neo4jUri, NEO4J_USER: neo4j.neo4jUser, NEO4J_PASSWORD: neo4j.neo4jPassword };
  log(`ingest ${small} articles (embedded) ...`);
  const runSmall = await ingestChild([smallFile, '--db', join(dir, 'e2e-small')], env);
  log(`ingest ${N} articles (embedded) ...`);
  const runBig = await ingestChild([bigFile, '--db', join(dir, 'e2e-big')], env);
  const rssRatio = runBig.rssMb / runSmall.rssMb;
  figures.push({
    name: `peak RSS ${N} vs ${small} articles`, value: rssRatio, unit: '×', target: '≤ 1.3', pass: rssRatio <= 1.3,
    detail: `${runBig.rssMb.toFixed(0)} MB vs ${runSmall.rssMb.toFixed(0)} MB (newsgraph ingest, JSON Lines, embedded store)`,
  });
  const wipe = await openStore(neo4j);
  await wipe.wipe();
  await wipe.close();
  log(`ingest ${N} articles (Neo4j) ...`);
  const runNeo = await ingestChild([bigFile, '--store', 'neo4j'], env);
  figures.push({
    name: `end to end, embedded (${N} articles)`, value: N / runBig.seconds, unit: 'articles/s',
    detail: `${runBig.seconds.toFixed(0)} s; ${runBig.summary}`,
  });
  figures.push({
    name: `end to end, Neo4j (${N} articles)`, value: N / runNeo.seconds, unit: 'articles/s',
    detail: `${runNeo.seconds.toFixed(0)} s, peak RSS ${runNeo.rssMb.toFixed(0)} MB; ${runNeo.summary}`,
  });
} finally {
  if (neo4jServer) await neo4jServer.stop({ removeFiles: true }).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}

const machine = `${CORES} cores (${cpus()[0]?.model.trim() ?? 'cpu'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
const result = { date: startedAt.toISOString(), machine, articles: N, sample: SAMPLE, speedupArticles: SPEEDUP, seconds: (Date.now() - startedAt.getTime()) / 1000, figures, ...extra };
if (values.json === true) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const rowsOut = figures.map((f) => [
    f.name,
    `${f.value.toFixed(f.unit === '×' ? 2 : 1)} ${f.unit}`,
    f.target ?? '-',
    f.pass === undefined ? '-' : f.pass ? 'PASS' : 'FAIL',
    f.detail,
  ]);
  const head = ['measure', 'value', 'target', 'result', 'detail'];
  const widths = head.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  process.stdout.write(`newsgraph bench, ${result.date.slice(0, 10)}, ${machine}, ${result.seconds.toFixed(0)} s\n`);
  process.stdout.write(line(head) + '\n' + rowsOut.map(line).join('\n') + '\n');
}
process.exit(0);
