// The test Neo4j for *.int.test.ts: a driver from NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD (set by test/setup/global-setup.ts).
import neo4j, { type Driver } from 'neo4j-driver';

export interface Neo4jEnv {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

/** The server the tests use: the one global setup started, or the user's NEO4J_URI. */
export function testNeo4jEnv(env: NodeJS.ProcessEnv = process.env): Neo4jEnv {
  const uri = env.NEO4J_URI;
  if (uri === undefined || uri === '') {
    throw new Error(
      'NEO4J_URI is not set: run integration tests through jest, whose global setup (test/setup/global-setup.ts) starts ' +
        'the test Neo4j and sets it when the run includes a *.int.test.ts file that mentions neo4j.',
    );
  }
  return { uri, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '' };
}

/**
 * A driver for the test server; the caller closes it (afterAll).
 * @example const driver = testDriver(); beforeEach(() => wipe(driver)); afterAll(() => driver.close());
 */
export function testDriver(): Driver {
  const { uri, user, password } = testNeo4jEnv();
  return neo4j.driver(uri, password === '' ? undefined : neo4j.auth.basic(user, password));
}

/** Deletes every node and relationship of the default database; constraints and indexes stay. */
export async function wipe(driver: Driver): Promise<void> {
  await driver.executeQuery('MATCH (n) DETACH DELETE n');
}
