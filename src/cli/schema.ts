// newsgraph schema: creates the constraints (Neo4j) or tables (embedded); safe to run again.
import type { CommandModule } from 'yargs';
import { out, withStore, withStoreFlags, type StoreArgs } from './common.js';

export const schemaCommand: CommandModule<object, StoreArgs> = {
  command: 'schema',
  describe: 'create constraints / tables in the store (idempotent)',
  builder: (y) => withStoreFlags(y.example('$0 schema --store neo4j', 'uniqueness constraints in Neo4j')) as never,
  handler: async (argv) => {
    await withStore(argv, {}, async (store) => {
      await store.ensureSchema();
      out(`schema ready in the ${store.kind} store`);
    });
  },
};
