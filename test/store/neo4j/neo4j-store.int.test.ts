import { ConfigError, StoreUnavailableError } from '../../../src/errors.js';
import { openStore } from '../../../src/store/index.js';
import type { GraphStore } from '../../../src/store/types.js';
import { storeContract } from '../contract.js';
import { A1, A2 } from '../fixtures.js';
import { testNeo4jOptions } from './env.js';

let store: GraphStore;
beforeAll(async () => {
  store = await openStore(testNeo4jOptions());
  await store.ensureSchema();
});
afterAll(async () => {
  await store?.close();
});
beforeEach(async () => {
  await store.wipe();
});

describe('Neo4j store: the GraphStore contract', () => {
  storeContract(() => store);
});

describe('Neo4j store: constraints, labels, connection errors', () => {
  test('ensureSchema creates one uniqueness constraint per label key and is idempotent', async () => {
    await store.ensureSchema();
    const rows = await store.run(
      'SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = "UNIQUENESS" RETURN labelsOrTypes[0] AS label, properties[0] AS prop ORDER BY label');
    expect(rows).toEqual([
      { label: 'Article', prop: 'id' }, { label: 'Event', prop: 'id' }, { label: 'Location', prop: 'key' },
      { label: 'Misc', prop: 'key' }, { label: 'Organization', prop: 'key' }, { label: 'Person', prop: 'key' },
    ]);
  });

  test('secondary labels mirror subtype and event type; the primary label comes first', async () => {
    await store.loadArticle(A1);
    await store.loadArticle(A2);
    const companies = await store.run('MATCH (c:Company) RETURN c.key AS key ORDER BY key');
    expect(companies).toEqual([{ key: 'ORG:hikvision' }, { key: 'ORG:huawei' }]);
    const [row] = await store.run('MATCH (e:Event {id: $id}) RETURN e AS e', { id: 'a1-ev1' });
    expect((row!['e'] as { labels: string[] }).labels).toEqual(['Event', 'Accusation']);
  });

  test('a wrong password is one clear ConfigError line that never shows the password', async () => {
    const opts = testNeo4jOptions();
    const err = await openStore({ ...opts, neo4jPassword: 'wrong-secret-Zq9' }).then(() => null, (e: unknown) => e);
    if (opts.neo4jPassword === undefined) {
      // auth disabled on this server: any password is accepted, nothing to refuse
      expect(err).toBeNull();
      return;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg.split('\n')).toHaveLength(1);
    expect(msg).toMatch(/refused user ".*" with the given password; check --neo4j-user\/--neo4j-password/);
    expect(msg).not.toContain('wrong-secret-Zq9');
  });

  test('an unreachable server is one clear StoreUnavailableError line; credentials in the URI are not shown', async () => {
    const err = await openStore({ store: 'neo4j', neo4jUri: 'bolt://alice:s3cret-pw@127.0.0.1:9', neo4jPassword: 'pw-Zq9' }).then(
      () => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    const msg = (err as Error).message;
    expect(msg.split('\n')).toHaveLength(1);
    expect(msg).toMatch(/^Neo4j is unavailable at bolt:\/\/127\.0\.0\.1:9/);
    expect(msg).not.toMatch(/s3cret-pw|pw-Zq9|alice/);
  });
});
