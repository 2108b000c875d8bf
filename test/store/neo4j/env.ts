// Connection options for the test Neo4j started by the jest global setup (or the server named by NEO4J_URI).
import type { StoreOptions } from '../../../src/store/types.js';

export function testNeo4jOptions(): StoreOptions {
  const uri = process.env['NEO4J_URI'];
  if (!uri) {
    throw new Error(
      'NEO4J_URI is not set: the jest global setup (test/setup/global-setup.ts) starts the test Neo4j and sets it; ' +
        'run through `npm test` or set NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD to a Neo4j 5 server',
    );
  }
  return {
    store: 'neo4j',
    neo4jUri: uri,
    neo4jUser: process.env['NEO4J_USER'] ?? 'neo4j',
    neo4jPassword: process.env['NEO4J_PASSWORD'],
    database: process.env['NEO4J_DATABASE'],
  };
}
