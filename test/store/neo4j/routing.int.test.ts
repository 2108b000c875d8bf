// Past one machine: the routing scheme (neo4j://, as a cluster or Aura uses), database selection, and a read that
// follows a write seeing it (bookmarks), checked against the single test Neo4j server.
import { openStore } from '../../../src/store/index.js';
import type { GraphStore } from '../../../src/store/types.js';
import { A1, A2 } from '../fixtures.js';
import { testNeo4jOptions } from './env.js';

function routingOptions() {
  const base = testNeo4jOptions();
  const uri = base.neo4jUri!.replace(/^bolt:\/\//u, 'neo4j://');
  expect(uri.startsWith('neo4j://')).toBe(true);
  return { ...base, neo4jUri: uri };
}

describe('Neo4j over the routing scheme', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openStore({ ...routingOptions(), database: 'neo4j' });
    await store.wipe();
  });
  afterAll(async () => store?.close());

  it('loads and immediately reads back what it wrote (read session after write session)', async () => {
    for (const rows of [A1, A2]) {
      await store.loadArticle(rows);
      const seen = await store.run('MATCH (a:Article {id: $id}) RETURN a.id AS id', { id: rows.articleId });
      expect(seen).toEqual([{ id: rows.articleId }]);
    }
  });

  it('names a missing database in one clear line', async () => {
    await expect(openStore({ ...routingOptions(), database: 'no-such-db' })).rejects.toThrow(/no such database; check --database/u);
  });
});
