import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedStore } from '../../../src/store/embedded/embedded-store.js';
import type { GraphStore } from '../../../src/store/types.js';
import { A1 } from '../fixtures.js';

let dir: string;
let store: GraphStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-emb-'));
  store = await openEmbeddedStore({ db: join(dir, 'store') });
  await store.ensureSchema();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await store.wipe();
});

test('smoke', async () => {
  expect(await store.loadArticle(A1)).toBe('created');
  console.log(await store.counts());
  expect(await store.loadArticle(A1)).toBe('unchanged');
});
