// Faults on the embedded store, through the real bin: SIGKILL mid-ingest, a second writer, a reader during an
// ingest. Each check compares with a clean run's graph.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE } from '../../src/store/embedded/embedded-store.js';
import { readStoreState, type GraphState } from './graph-check.js';
import { runCli, startCli, waitFor } from './cli-run.js';
import { writeCorpus } from './corpus.js';

const N = 400;
const root = mkdtempSync(join(tmpdir(), 'ng-faults-emb-'));
const corpus = join(root, 'corpus.jsonl');
const refDb = join(root, 'ref');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const readGraph = (db: string): Promise<GraphState> => readStoreState({ store: 'embedded', db });

const ingestArgs = (db: string, ...more: string[]): string[] => ['ingest', corpus, '--store', 'embedded', '--db', db, '--quiet', ...more];

let ref: GraphState;
beforeAll(async () => {
  writeCorpus(corpus, 0, N);
  const r = await runCli(ingestArgs(refDb));
  if (r.status !== 0) throw new Error(`clean reference ingest failed (exit ${r.status}):\n${r.stderr}`);
  ref = await readGraph(refDb);
  if (ref.shape.length !== N) throw new Error(`clean reference ingest stored ${ref.shape.length} of ${N} articles`);
}, 120_000);

describe('embedded store under faults (real bin, real LadybugDB)', () => {
  test('the reference graph: every generated article has mentions and events, no orphans', () => {
    expect(ref.shape.every((r) => Number(r['mentions']) > 0 && Number(r['events']) > 0)).toBe(true);
    expect(ref.orphans).toBe(0);
    expect(ref.duplicates).toBe(0);
  });

  test('during an ingest: a reader sees only whole articles, a second writer gets one "locked" line (exit 2); SIGKILL, then a re-run gives the clean graph', async () => {
    const db = join(root, 'crash');
    const writer = startCli(ingestArgs(db, '--batch-size', '5', '--workers', '1'));
    let exited = false;
    void writer.done.then(() => (exited = true));
    const byId = new Map(ref.shape.map((r) => [r['id'], r]));

    // Read while the writer commits batch after batch: every article seen is complete (same mentions, events, hash).
    await waitFor(() => exited || existsSync(join(db, DB_FILE)), 'the ingest to create its database');
    const seen: number[] = [];
    while (!exited && (seen.length < 3 || seen[seen.length - 1] === 0)) {
      const snapshot = await readGraph(db).catch((err: Error) => {
        // Before its first commit the writer may not have created the tables yet (a read-only open of a store whose
        // tables are being created tries to migrate it first, and finds it locked).
        if (seen.length === 0 && /Table \w+ does not exist|in use by another newsgraph process \(locked\)/u.test(err.message)) return undefined;
        throw new Error(`a read-only open during the ingest failed: ${err.message}`);
      });
      if (snapshot === undefined) continue;
      seen.push(snapshot.shape.length);
      for (const row of snapshot.shape) expect(row).toEqual(byId.get(row['id']));
      expect(snapshot.orphans).toBe(0);
      await new Promise((r) => setTimeout(r, 700));
    }
    expect(exited).toBe(false); // the corpus must outlast the reads, or this test proves nothing
    expect(seen[seen.length - 1]).toBeGreaterThan(0);
    expect(seen[seen.length - 1]).toBeLessThan(N);

    const second = await runCli(ingestArgs(db));
    expect(second.status).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/^newsgraph: store .*crash is in use by another newsgraph process \(locked\); wait for it to finish or use another --db\n$/u);

    writer.kill('SIGKILL');
    const killed = await writer.done;
    expect(killed.signal).toBe('SIGKILL');

    const after = await readGraph(db); // opens after the crash
    expect(after.shape.length).toBeGreaterThan(0);
    for (const row of after.shape) expect(row).toEqual(byId.get(row['id']));

    const rerun = await runCli(ingestArgs(db));
    expect({ status: rerun.status, stderr: rerun.stderr }).toEqual({ status: 0, stderr: '' });
    const stored = after.shape.length;
    expect(rerun.stdout.trim()).toBe(`ingested ${N} of ${N} articles (${N - stored} new, 0 replaced, ${stored} unchanged), 0 failed`);
    expect(await readGraph(db)).toEqual(ref);
  }, 180_000);
});
