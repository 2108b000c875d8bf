// ingest() loads in batches: the same graph as one article per transaction, and re-ingesting changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest.js';
import { openStore } from '../../src/store/index.js';
import type { GraphStore } from '../../src/store/types.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-bulk-ingest-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withStore<T>(name: string, fn: (s: GraphStore) => Promise<T>): Promise<T> {
  const s = await openStore({ store: 'embedded', db: join(dir, name) });
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

test('corpus/ in batches of 4 (bulk path) equals one per transaction; a re-ingest is all unchanged, same counts', async () => {
  const single = await withStore('single', async (s) => {
    const summary = await ingest(['corpus'], s, { workers: 1, batchSize: 1 });
    expect(summary.failed).toBe(0);
    return s.counts();
  });
  await withStore('batched', async (s) => {
    const seen: string[] = [];
    const first = await ingest(['corpus'], s, { workers: 1, batchSize: 4, onArticle: (a, o) => seen.push(`${a.id}:${o}`) });
    expect(first.created).toBe(first.read);
    expect(first.read).toBeGreaterThanOrEqual(13);
    expect(seen).toHaveLength(first.read);
    expect(seen.every((x) => x.endsWith(':created'))).toBe(true);
    expect(await s.counts()).toEqual(single);
    const again = await ingest(['corpus'], s, { workers: 1, batchSize: 4 });
    expect(again).toMatchObject({ read: first.read, created: 0, replaced: 0, unchanged: first.read, failed: 0 });
    expect(await s.counts()).toEqual(single);
  });
}, 180_000);
