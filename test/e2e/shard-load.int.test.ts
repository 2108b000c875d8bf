// Scale-out shape: N extract shards -> JSON Lines -> several loaders into one Neo4j at once = the graph of one ingest.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ingest } from '../../src/ingest.js';
import { openStore } from '../../src/store/index.js';
import type { Counts } from '../../src/store/types.js';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'dist', 'cli.js');

function neo4jFlags(): string[] {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: the jest global setup should have started the test Neo4j (see test/neo4j/)');
  return ['--store', 'neo4j', '--neo4j-uri', uri, '--neo4j-user', process.env.NEO4J_USER ?? 'neo4j', '--neo4j-password', process.env.NEO4J_PASSWORD ?? ''];
}

function neo4jOptions() {
  return { store: 'neo4j' as const, neo4jUri: process.env.NEO4J_URI, neo4jUser: process.env.NEO4J_USER, neo4jPassword: process.env.NEO4J_PASSWORD };
}

describe('extract --shard, then parallel load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-shards-'));
  const parts = [1, 2, 3].map((i) => join(dir, `part${i}.jsonl`));
  let reference: Counts;

  beforeAll(async () => {
    const store = await openStore(neo4jOptions());
    await store.wipe();
    await ingest(['corpus'], store, { workers: 1 });
    reference = await store.counts();
    await store.wipe();
    await store.close();
    for (const [i, part] of parts.entries()) {
      const stdout = execFileSync(process.execPath, [CLI, 'extract', 'corpus', '--shard', `${i + 1}/3`, '--with-text', '--workers', '1'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      writeFileSync(part, stdout);
    }
  }, 300_000);

  it('splits the articles into disjoint shards that cover them all', () => {
    const ids = parts.map((p) => readFileSync(p, 'utf8').trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { article: { id: string } }).article.id));
    const all = ids.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(13);
    expect(ids.filter((s) => s.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('three loaders at once into Neo4j give the same graph as one ingest; loading again changes nothing', async () => {
    const results = await Promise.all(parts.map((p) => run(process.execPath, [CLI, 'load', p, '--quiet', ...neo4jFlags()], { encoding: 'utf8' })));
    for (const r of results) expect(r.stdout).toMatch(/, 0 failed/u);
    const store = await openStore(neo4jOptions());
    try {
      expect(await store.counts()).toEqual(reference);
      await run(process.execPath, [CLI, 'load', ...parts, '--quiet', ...neo4jFlags()]);
      expect(await store.counts()).toEqual(reference);
    } finally {
      await store.close();
    }
  }, 300_000);

  it('names the file and line of a record it cannot load, and loads the rest', async () => {
    const bad = join(dir, 'bad.jsonl');
    const good = readFileSync(parts.find((p) => readFileSync(p, 'utf8').trim() !== '')!, 'utf8').trim().split('\n')[0]!;
    const noText = JSON.parse(good) as { article: Record<string, unknown> };
    delete noText.article.text;
    writeFileSync(bad, [good, '{"schemaVersion": 1', JSON.stringify(noText), JSON.stringify({ schemaVersion: 1 })].join('\n'));
    const db = join(dir, 'embedded');
    const r = await run(process.execPath, [CLI, 'load', bad, '--db', db, '--quiet']).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect((r as { code?: number }).code).toBe(1);
    expect(r.stderr).toMatch(/bad\.jsonl:2: malformed JSON/u);
    expect(r.stderr).toMatch(/bad\.jsonl:3: record has no article text; make the records with `newsgraph extract --with-text`/u);
    expect(r.stderr).toMatch(/bad\.jsonl:4: not an extraction record/u);
    expect(r.stdout).toMatch(/loaded 1 records \(1 new/u);
  }, 120_000);
});
