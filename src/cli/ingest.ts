// newsgraph ingest <inputs..>: extracts and loads into the store, then prints what was loaded.
import type { CommandModule } from 'yargs';
import { DEFAULT_BATCH, ingest } from '../ingest.js';
import { defaultWorkers } from '../parallel/extract-pool.js';
import { startProgress } from './progress.js';
import { runQuery } from '../run-query.js';
import { err, formatTable, out, withStore, withStoreFlags, type StoreArgs } from './common.js';

interface Args extends StoreArgs {
  inputs: string[];
  date?: string;
  'max-article-bytes': number;
  summary: boolean;
  quiet: boolean;
  workers: number;
  'batch-size': number;
  'keep-duplicates': boolean;
}

export const ingestCommand: CommandModule<object, Args> = {
  command: 'ingest <inputs..>',
  describe: 'extract articles and load them into the store (re-ingesting unchanged articles is a no-op)',
  builder: (y) =>
    withStoreFlags(
      y
        .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'files or folders (.txt, .jsonl, .json)' })
        .option('date', { type: 'string', describe: 'publication date (YYYY-MM-DD) for articles that have none' })
        .option('max-article-bytes', { type: 'number', default: 5 * 1024 * 1024, describe: 'refuse larger articles' })
        .option('summary', { type: 'boolean', default: false, describe: 'also print entities by class, events by type and the accusations' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
        .option('workers', { type: 'number', default: defaultWorkers(), describe: 'extraction worker threads (default: every core)' })
        .option('batch-size', { type: 'number', default: DEFAULT_BATCH, describe: 'articles per load transaction (1 = one per article); each article is all or nothing either way' })
        .option('keep-duplicates', { type: 'boolean', default: false, describe: 'load reprints of an earlier article whole instead of linking them DUPLICATE_OF it' })
        .example('$0 ingest corpus', 'into the embedded store ./.newsgraph')
        .example('$0 ingest corpus --store neo4j --neo4j-uri bolt://localhost:7687', 'into Neo4j'),
    ) as never,
  handler: async (argv) => {
    await withStore(argv, {}, async (store) => {
      const progress = startProgress({ quiet: argv.quiet });
      const summary = await ingest(argv.inputs, store, {
        date: argv.date,
        maxArticleBytes: argv['max-article-bytes'],
        workers: argv.workers,
        batchSize: argv['batch-size'],
        keepDuplicates: argv['keep-duplicates'],
        onError: (f) => err(`error: ${f.message}`),
        onArticle: () => progress.tick(),
      }).finally(() => progress.stop());
      const line = `ingested ${summary.created + summary.replaced + summary.unchanged} of ${summary.read + summary.failed - summary.failures.filter((f) => f.articleId).length} articles (${summary.created} new, ${summary.replaced} replaced, ${summary.unchanged} unchanged), ${summary.failed} failed`;
      if (summary.duplicates > 0) err(`${summary.duplicates} reprint(s) linked DUPLICATE_OF an earlier article (no events of their own); --keep-duplicates loads them whole`);
      if (!argv.summary) {
        out(line);
      } else {
        out(line);
        const counts = await store.counts();
        out('');
        out('entities by class:');
        for (const label of ['Person', 'Organization', 'Location', 'Misc']) out(`  ${label.padEnd(14)}${counts.nodes[label] ?? 0}`);
        const byType = await runQuery(store, 'MATCH (e:Event) RETURN e.type AS type, count(*) AS events ORDER BY type');
        out('events by type:');
        for (const r of byType) out(`  ${String(r.type).padEnd(14)}${String(r.events)}`);
        out('');
        out('accusations:');
        out(formatTable(await runQuery(store, 'accusations')));
      }
      process.exitCode = summary.failed > 0 ? 1 : 0;
    });
  },
};
