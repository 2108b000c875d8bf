// newsgraph load <records.jsonl..>: loads extraction records (from `extract --with-text`) without re-extracting.
import type { CommandModule } from 'yargs';
import { loadExtracted } from '../ingest.js';
import { readRecords } from '../input/read-records.js';
import { startProgress } from './progress.js';
import { err, out, withStore, withStoreFlags, type StoreArgs } from './common.js';

interface Args extends StoreArgs {
  records: string[];
  quiet: boolean;
  'keep-duplicates': boolean;
}

export const loadCommand: CommandModule<object, Args> = {
  command: 'load <records..>',
  describe: 'load extraction records (JSON Lines from `extract --with-text`) into the store, without re-extracting',
  builder: (y) =>
    withStoreFlags(
      y
        .positional('records', { type: 'string', array: true, demandOption: true, describe: 'JSON Lines files of extraction records' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
        .option('keep-duplicates', { type: 'boolean', default: false, describe: 'load reprints of an earlier article whole instead of linking them DUPLICATE_OF it' })
        .example('$0 extract articles.jsonl --shard 1/2 --with-text > part1.jsonl', 'on one machine')
        .example('$0 load part1.jsonl part2.jsonl --store neo4j', 'then load every part into Neo4j'),
    ) as never,
  handler: async (argv) => {
    await withStore(argv, {}, async (store) => {
      const progress = startProgress({ quiet: argv.quiet, label: 'records' });
      const summary = await loadExtracted(readRecords(argv.records), store, {
        onError: (f) => err(`error: ${f.message}`),
        onArticle: () => progress.tick(),
        keepDuplicates: argv['keep-duplicates'],
      }).finally(() => progress.stop());
      out(
        `loaded ${summary.created + summary.replaced + summary.unchanged} records (${summary.created} new, ${summary.replaced} replaced, ${summary.unchanged} unchanged), ${summary.failed} failed`,
      );
      if (summary.duplicates > 0) err(`${summary.duplicates} reprint(s) linked DUPLICATE_OF an earlier article (no events of their own); --keep-duplicates loads them whole`);
      process.exitCode = summary.failed > 0 ? 1 : 0;
    });
  },
};
