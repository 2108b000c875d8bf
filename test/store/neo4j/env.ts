// Store options for the test Neo4j started by the jest global setup (or the server named by NEO4J_URI).
import type { StoreOptions } from '../../../src/store/types.js';
import { testNeo4jEnv } from '../../neo4j/connect.js';

export function testNeo4jOptions(): StoreOptions {
  const { uri, user, password } = testNeo4jEnv();
  return {
    store: 'neo4j',
    neo4jUri: uri,
    neo4jUser: user,
    neo4jPassword: password === '' ? undefined : password,
    database: process.env['NEO4J_DATABASE'],
  };
}
