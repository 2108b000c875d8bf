// openStore: picks the embedded store (default) or Neo4j from the options; the rest of the code sees GraphStore.
import { openEmbeddedStore } from './embedded/embedded-store.js';
import { openNeo4jStore } from './neo4j/neo4j-store.js';
import type { GraphStore, StoreOptions } from './types.js';

export type { Counts, GraphStore, LoadOutcome, RemoveOutcome, Row, StoreKind, StoreOptions } from './types.js';

/**
 * Opens the store named by `options.store` (default 'embedded' at `options.db`, default ./.newsgraph).
 * @example const store = await openStore({ store: 'embedded', db: './.newsgraph' });
 */
export async function openStore(options: StoreOptions = {}): Promise<GraphStore> {
  if ((options.store ?? 'embedded') === 'neo4j') return openNeo4jStore(options);
  return openEmbeddedStore({ db: options.db ?? './.newsgraph', readOnly: options.readOnly, bulk: options.bulk, bufferPoolMb: options.bufferPoolMb });
}
