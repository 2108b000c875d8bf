// newsgraph remove <article-id..>: takes articles out with everything only they supported.
import type { CommandModule } from 'yargs';
import { err, out, withStore, withStoreFlags, type StoreArgs } from './common.js';

interface Args extends StoreArgs {
  ids: string[];
}

export const removeCommand: CommandModule<object, Args> = {
  command: 'remove <ids..>',
  describe: 'remove articles (exit 1 if an id is not in the store) with their events, mentions, DUPLICATE_OF edges and the entities nothing else mentions',
  builder: (y) =>
    withStoreFlags(
      y
        .positional('ids', { type: 'string', array: true, demandOption: true, describe: 'article ids (the Article node id)' })
        .example('$0 remove 003_entity-list-tianrui', 'from the embedded store ./.newsgraph')
        .example('$0 remove reuters-123 ap-456 --store neo4j', 'from Neo4j'),
    ) as never,
  handler: async (argv) => {
    await withStore(argv, {}, async (store) => {
      const outcome = await store.removeArticles(argv.ids.map(String));
      for (const id of outcome.missing) err(`warning: no article with id "${id}" in the store`);
      out(`removed ${outcome.removed.length} of ${argv.ids.length} articles`);
      process.exitCode = outcome.missing.length > 0 ? 1 : 0;
    });
  },
};
