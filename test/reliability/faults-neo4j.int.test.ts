// Faults on Neo4j, through the real bin: the server is killed (SIGKILL) in the middle of an ingest, and two ingests
// of overlapping corpora run at once. Uses its own Neo4j (test/neo4j/server.ts), not the shared one, so killing it
// disturbs no other test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import type { StoreOptions } from '../../src/store/types.js';
import { startNeo4j, type TestNeo4j } from '../neo4j/server.js';
import { runCli, startCli } from './cli-run.js';
import { writeCorpus } from './corpus.js';
import { readStoreState, type GraphState } from './graph-check.js';

const N = 200;
const root = mkdtempSync(join(tmpdir(), 'ng-faults-neo4j-'));
const corpus = join(root, 'corpus.jsonl');
let server: TestNeo4j;
let ref: GraphState;

const options = (): StoreOptions => ({ store: 'neo4j', neo4jUri: server.uri, neo4jUser: server.user, neo4jPassword: server.password });
const env = (): Record<string, string> => ({ NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password });
const ingestArgs = (file: string, ...more: string[]): string[] => ['ingest', file, '--store', 'neo4j', '--quiet', ...more];

async function wipe(): Promise<void> {
  const store = await openStore(options());
  try {
    await store.wipe();
  } finally {
    await store.close();
  }
}

async function articleCount(): Promise<number> {
  const store = await openStore(options());
  try {
    return Number((await store.run('MATCH (a:Article) RETURN count(a) AS n'))[0]!['n']);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  writeCorpus(corpus, 0, N);
  server = await startNeo4j({ heap: '512m' });
  const r = await runCli(ingestArgs(corpus), env());
  if (r.status !== 0) throw new Error(`clean reference ingest into Neo4j failed (exit ${r.status}):\n${r.stderr}`);
  ref = await readStoreState(options());
  if (ref.shape.length !== N) throw new Error(`clean reference ingest stored ${ref.shape.length} of ${N} articles`);
}, 300_000);

afterAll(async () => {
  await server?.stop({ removeFiles: true });
  rmSync(root, { recursive: true, force: true });
});

describe('Neo4j under faults (real bin, a Neo4j of its own)', () => {
  test('the reference graph: no duplicates, no orphans, every article whole', () => {
    expect(ref.duplicates).toBe(0);
    expect(ref.orphans).toBe(0);
    expect(ref.shape.every((r) => Number(r['mentions']) > 0 && Number(r['events']) > 0)).toBe(true);
  });

  test('Neo4j killed mid-ingest: one clear line, exit 3 within the retry bound; after restart a re-run gives the clean graph', async () => {
    await wipe();
    const writer = startCli(ingestArgs(corpus, '--batch-size', '5', '--workers', '1'), env());
    let exited = false;
    void writer.done.then(() => (exited = true));
    // Kill the server once some batches are committed and more are coming.
    for (;;) {
      const n = await articleCount();
      if (n >= 20) break;
      if (exited) throw new Error(`the ingest ended before the server could be killed:\n${writer.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const killedAt = Date.now();
    await server.kill();
    const r = await writer.done;
    const seconds = (Date.now() - killedAt) / 1000;
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 3, stdout: '' });
    expect(r.stderr).toMatch(/^newsgraph: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ became unavailable while trying to load \d+ articles? .*\n$/u);
    expect(r.stderr).not.toContain(server.password);
    expect(r.stderr).not.toMatch(/^\s+at /mu);
    expect(seconds).toBeLessThan(60); // the driver retries for at most 15 s, connections time out in 10-20 s

    await server.restart();
    const partial = await readStoreState(options());
    expect(partial.duplicates).toBe(0);
    expect(partial.shape.length).toBeGreaterThanOrEqual(20);
    expect(partial.shape.length).toBeLessThan(N);
    const byId = new Map(ref.shape.map((row) => [row['id'], row]));
    for (const row of partial.shape) expect(row).toEqual(byId.get(row['id'])); // only whole articles survived

    const rerun = await runCli(ingestArgs(corpus), env());
    expect({ status: rerun.status, stderr: rerun.stderr }).toEqual({ status: 0, stderr: '' });
    const stored = partial.shape.length;
    expect(rerun.stdout.trim()).toBe(`ingested ${N} of ${N} articles (${N - stored} new, 0 replaced, ${stored} unchanged), 0 failed`);
    expect(await readStoreState(options())).toEqual(ref);
  }, 300_000);

  test('two ingests of overlapping corpora at the same time give the graph of one ingest', async () => {
    await wipe();
    const a = join(root, 'a.jsonl');
    const b = join(root, 'b.jsonl');
    writeCorpus(a, 0, 130);
    writeCorpus(b, 70, N);
    const [ra, rb] = await Promise.all([
      runCli(ingestArgs(a, '--batch-size', '20', '--workers', '1'), env()),
      runCli(ingestArgs(b, '--batch-size', '20', '--workers', '1'), env()),
    ]);
    expect({ a: ra.status, b: rb.status, errors: ra.stderr + rb.stderr }).toEqual({ a: 0, b: 0, errors: '' });
    expect(await readStoreState(options())).toEqual(ref);
  }, 300_000);
});

