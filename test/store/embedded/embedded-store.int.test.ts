import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, QueryError, StoreLockedError } from '../../../src/errors.js';
import { DB_FILE, openEmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import { openStore } from '../../../src/store/index.js';
import type { GraphStore } from '../../../src/store/types.js';
import { storeContract } from '../contract.js';
import { A1, A2 } from '../fixtures.js';

let dir: string;
let folder: string;
let store: GraphStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-emb-'));
  folder = join(dir, 'store');
  store = await openStore({ store: 'embedded', db: folder });
  await store.ensureSchema();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await store.wipe();
});

describe('embedded store: the GraphStore contract', () => {
  storeContract(() => store);
});

describe('embedded store: LadybugDB sharp edges', () => {
  test('(n:A:B) means A OR B in LadybugDB, so the loader gives every node exactly one label', async () => {
    await store.loadArticle(A1);
    await store.loadArticle(A2);
    const c = await store.counts();
    const either = await store.run('MATCH (n:Organization:Location) RETURN count(n) AS n');
    expect(either).toEqual([{ n: c.nodes['Organization']! + c.nodes['Location']! }]);
    const labels = await store.run('MATCH (n) RETURN n AS node');
    for (const r of labels) expect((r['node'] as { labels: string[] }).labels).toHaveLength(1);
  });

  test('unbound $param: the store refuses before LadybugDB could drop the WHERE and return every row', async () => {
    await store.loadArticle(A2);
    await expect(store.run('MATCH (o:Organization) WHERE o.key = $key RETURN o.key AS k', {})).rejects.toThrow(
      'query uses parameter $key but no value was given; pass --param key=...',
    );
  });

  test('a second read-write open gets StoreLockedError with one clear line: same process', async () => {
    const err = await openEmbeddedStore({ db: folder }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(StoreLockedError);
    expect((err as Error).message).toBe(
      `store ${folder} is in use by another newsgraph process (locked); wait for it to finish or use another --db`);
  });

  test('a second read-write open gets StoreLockedError with one clear line: another process', async () => {
    const other = join(dir, 'other');
    const holder = await holdLock(other);
    try {
      const err = await openEmbeddedStore({ db: other }).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(StoreLockedError);
      expect((err as Error).message.split('\n')).toHaveLength(1);
      expect((err as Error).message).toMatch(/^store .*other is in use by another newsgraph process \(locked\)/);
    } finally {
      holder.kill();
    }
  });

  test('a read that does not fit a writer\'s page cache is run again with a bigger cache; the store keeps its data and its lock', async () => {
    const small = await openStore({ store: 'embedded', db: join(dir, 'small-cache'), bufferPoolMb: 8 });
    try {
      await small.ensureSchema();
      expect(await small.loadArticles([A1])).toEqual(['created']);
      // 300,000 distinct strings do not fit 8 MB: LadybugDB says "buffer pool is full" on the first try
      const [row] = await small.run("UNWIND range(1, 300000) AS i WITH 'x' + string(i) AS t RETURN count(DISTINCT t) AS c");
      expect(Number(row!['c'])).toBe(300_000);
      expect((await small.run('MATCH (a:Article) RETURN a.id AS id')).map((r) => r['id'])).toEqual([A1.articleId]);
      expect(await small.loadArticles([A2])).toEqual(['created']);
      await expect(openStore({ store: 'embedded', db: join(dir, 'small-cache') })).rejects.toBeInstanceOf(StoreLockedError);
    } finally {
      await small.close();
    }
  });

  test('read-only open: queries work, writes are refused, a missing store is a ConfigError', async () => {
    const ro = join(dir, 'ro');
    const w = await openEmbeddedStore({ db: ro });
    await w.loadArticle(A1);
    await w.close();
    const r = await openEmbeddedStore({ db: ro, readOnly: true });
    try {
      expect(await r.run('MATCH (a:Article) RETURN a.id AS id')).toEqual([{ id: 'a1' }]);
      await expect(r.run("CREATE (p:Person {key: 'x'})", {}, { write: true })).rejects.toThrow(QueryError);
      await expect(r.loadArticle(A2)).rejects.toThrow(ConfigError);
    } finally {
      await r.close();
    }
    await expect(openEmbeddedStore({ db: join(dir, 'missing'), readOnly: true })).rejects.toThrow(
      /does not exist yet/);
  });
});

function holdLock(folder: string): Promise<ChildProcess> {
  const code = `
    const lbug = require('@ladybugdb/core');
    const fs = require('node:fs');
    fs.mkdirSync(${JSON.stringify(folder)}, { recursive: true });
    const db = new lbug.Database(${JSON.stringify(join(folder, DB_FILE))});
    db.init().then(() => { process.stdout.write('ready\\n'); setInterval(() => {}, 1000); });
  `;
  const child = spawn(process.execPath, ['-e', code], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (c) => reject(new Error(`lock holder exited with ${c}`)));
  });
}
