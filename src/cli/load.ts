// newsgraph load <records.jsonl..>: loads extraction records (from `extract --with-text`) without re-extracting.
import type { CommandModule } from 'yargs';
import { loadExtracted } from '../ingest.js';
import { readRecords } from '../input/read-records.js';
import { startProgress } from './progress.js';
import { err, out, withStore, withStoreFlags, type StoreArgs } from './common.js';

interface Args extends StoreArgs {
  records: string[];
  quiet: boolean;
}

export const loadCommand: CommandModule<object, Args> = {
  command: 'load <records..>',
  describe: 'load extraction records (JSON Lines from `extract --with-text`) into the store, without re-extracting',
  builder: (y) =>
    withStoreFlags(
      y
        .positional('records', { type: 'string', array: true, demandOption: true, describe: 'JSON Lines files of extraction records' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
        .example('$0 extract articles.jsonl --shard 1/2 --with-text > part1.jsonl', 'on one machine')
        .example('$0 load part1.jsonl part2.jsonl --store neo4j', 'then load every part into Neo4j'),
    ) as never,
  handler: async (argv) => {
    await withStore(argv, {}, async (store) => {
      const progress = startProgress({ quiet: argv.quiet, label: 'records' });
      const summary = await loadExtracted(readRecords(argv.records), store, {
        onError: (f) => err(`error: ${f.message}`),
        onArticle: () => progress.tick(),
      }).finally(() => progress.stop());
      out(
        `loaded ${summary.created + summary.replaced + summary.unchanged} records (${summary.created} new, ${summary.replaced} replaced, ${summary.unchanged} unchanged), ${summary.failed} failed`,
      );
      process.exitCode = summary.failed > 0 ? 1 : 0;
    });
  },
};
