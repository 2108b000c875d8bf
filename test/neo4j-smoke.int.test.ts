// The test Neo4j answers, is 5.26, serves Browser, and keeps committed data across a crash (SIGKILL) and restart.
import type { Driver } from 'neo4j-driver';
import { testDriver, wipe } from './neo4j/connect.js';
import { attachTestNeo4j, startNeo4j, type TestNeo4j } from './neo4j/server.js';

const START_TIMEOUT_MS = 240_000;

describe('test Neo4j (NEO4J_URI from jest global setup)', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = testDriver();
  });
  beforeEach(() => wipe(driver));
  afterAll(() => driver.close());

  it('creates a node and reads it back', async () => {
    await driver.executeQuery('CREATE (:SmokeTest {key: $key, n: 42})', { key: 'smoke-a' });
    const { records } = await driver.executeQuery('MATCH (s:SmokeTest {key: $key}) RETURN s.n AS n, count(*) AS c', { key: 'smoke-a' });
    expect(records).toHaveLength(1);
    expect(records[0]?.get('n').toNumber()).toBe(42);
    expect(records[0]?.get('c').toNumber()).toBe(1);
  });

  it('wipe() deletes every node and keeps constraints', async () => {
    await driver.executeQuery('CREATE CONSTRAINT smoke_key IF NOT EXISTS FOR (s:SmokeTest) REQUIRE s.key IS UNIQUE');
    try {
      await driver.executeQuery('CREATE (:SmokeTest {key: "x"})-[:LINKS]->(:Other)');
      await wipe(driver);
      const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS c');
      expect(records[0]?.get('c').toNumber()).toBe(0);
      const shown = await driver.executeQuery('SHOW CONSTRAINTS YIELD name WHERE name = "smoke_key" RETURN name');
      expect(shown.records.map((r) => r.get('name'))).toEqual(['smoke_key']);
    } finally {
      await driver.executeQuery('DROP CONSTRAINT smoke_key IF EXISTS');
    }
  });

  it('is Neo4j 5.26', async () => {
    const { records } = await driver.executeQuery('CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version');
    expect(records[0]?.get('name')).toBe('Neo4j Kernel');
    expect(String(records[0]?.get('version'))).toMatch(/^5\.26\./);
  });
});

describe('test Neo4j launcher (test/neo4j/server.ts)', () => {
  let server: TestNeo4j;
  let owned = false;

  beforeAll(async () => {
    // The server global setup started; with an outside NEO4J_URI, one of our own (it must be killable).
    const attached = attachTestNeo4j();
    if (attached !== undefined) server = attached;
    else {
      server = await startNeo4j();
      owned = true;
    }
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    if (owned) await server.stop({ removeFiles: true });
  }, 120_000);

  it('serves Neo4j Browser at /browser/', async () => {
    const res = await fetch(`${server.httpUrl}/browser/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Neo4j Browser</title>');
  });

  it('keeps a committed node after kill() (SIGKILL) and restart() on the same data dir', async () => {
    const neo4j = (await import('neo4j-driver')).default;
    const connect = (): Driver => neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
    const before = connect();
    const oldPid = server.pid;
    try {
      await before.executeQuery('MATCH (s:CrashTest) DELETE s');
      await before.executeQuery('CREATE (:CrashTest {key: $key})', { key: 'survives-kill' });
    } finally {
      await before.close();
    }

    await server.kill();
    expect(() => process.kill(oldPid, 0)).toThrow(); // the JVM is gone
    const down = connect();
    try {
      await expect(down.verifyConnectivity()).rejects.toThrow();
    } finally {
      await down.close();
    }

    const t0 = Date.now();
    await server.restart();
    const restartSeconds = (Date.now() - t0) / 1000;
    expect(server.pid).not.toBe(oldPid);
    const after = connect();
    try {
      const { records } = await after.executeQuery('MATCH (s:CrashTest) RETURN s.key AS key');
      expect(records.map((r) => r.get('key'))).toEqual(['survives-kill']);
      await after.executeQuery('MATCH (s:CrashTest) DELETE s');
    } finally {
      await after.close();
    }
    process.stderr.write(`test Neo4j restart after SIGKILL took ${restartSeconds.toFixed(1)} s\n`);
  }, START_TIMEOUT_MS);
});
