// Named or literal Cypher against a store, with every parameter the statement names checked first.
import { ConfigError } from './errors.js';
import { listQueries, parameterNames } from './queries.js';
import type { GraphStore, Row } from './store/types.js';

/**
 * Runs a named query from queries/ (by name) or literal Cypher; read-only unless `write` is set.
 * @example await runQuery(store, 'entity-events', { name: 'China' })
 */
export async function runQuery(
  store: GraphStore,
  nameOrCypher: string,
  params: Record<string, unknown> = {},
  options: { write?: boolean } = {},
): Promise<Row[]> {
  const named = listQueries().find((q) => q.name === nameOrCypher);
  if (named?.neo4jOnly && store.kind !== 'neo4j') {
    throw new ConfigError(`Query "${named.name}" needs Neo4j-only Cypher; run it with --store neo4j`, { option: 'store' });
  }
  const cypher = named ? named.cypher : nameOrCypher;
  const missing = parameterNames(cypher).filter((p) => !(p in params));
  if (missing.length > 0) {
    throw new ConfigError(
      `${named ? `Query "${named.name}"` : 'The statement'} needs parameter${missing.length > 1 ? 's' : ''} ${missing.map((m) => `$${m}`).join(', ')}; pass ${missing.map((m) => `--param ${m}=…`).join(' ')}`,
      { option: 'param' },
    );
  }
  return store.run(cypher, params, { write: options.write ?? false });
}
