// newsgraph stats: node counts by label and relationship counts by type.
import type { CommandModule } from 'yargs';
import { formatTable, out, withStore, withStoreFlags, type StoreArgs } from './common.js';

interface Args extends StoreArgs {
  format: 'table' | 'json';
}

export const statsCommand: CommandModule<object, Args> = {
  command: 'stats',
  describe: 'count nodes by label and relationships by type',
  builder: (y) => withStoreFlags(y.option('format', { choices: ['table', 'json'] as const, default: 'table' as const }).example('$0 stats', 'counts in ./.newsgraph')) as never,
  handler: async (argv) => {
    await withStore(argv, { readOnly: true }, async (store) => {
      const counts = await store.counts();
      if (argv.format === 'json') {
        out(JSON.stringify(counts, null, 2));
        return;
      }
      const rows = [
        ...Object.entries(counts.nodes).map(([name, count]) => ({ kind: 'node', name, count })),
        ...Object.entries(counts.relationships).map(([name, count]) => ({ kind: 'relationship', name, count })),
      ];
      out(formatTable(rows));
    });
  },
};
