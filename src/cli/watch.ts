// newsgraph watch <dir|feed-url..>: keeps the store current until SIGINT/SIGTERM (or one round with --once).
import type { CommandModule } from 'yargs';
import { DEFAULT_MAX_BODY_BYTES } from '../sources/fetch-url.js';
import { parseInterval } from '../sources/parse-interval.js';
import { watch } from '../sources/watch.js';
import { err, withStore, withStoreFlags, type StoreArgs } from './common.js';

interface Args extends StoreArgs {
  targets: string[];
  interval: string;
  once: boolean;
  date?: string;
  timeout: string;
  'max-body-bytes': number;
  'max-backoff'?: string;
  workers: number;
}

export const watchCommand: CommandModule<object, Args> = {
  command: 'watch <targets..>',
  describe: 'poll folders and RSS/Atom feed URLs and ingest new or changed articles until stopped (Ctrl-C)',
  builder: (y) =>
    withStoreFlags(
      y
        .positional('targets', { type: 'string', array: true, demandOption: true, describe: 'folders or files to watch, and http(s) feed or page URLs' })
        .option('interval', { type: 'string', default: '15m', describe: 'time between polls: 30s, 15m, 1h' })
        .option('once', { type: 'boolean', default: false, describe: 'poll every source once, then exit' })
        .option('date', { type: 'string', describe: 'publication date (YYYY-MM-DD) for articles that have none' })
        .option('timeout', { type: 'string', default: '30s', describe: 'per request to a feed or page' })
        .option('max-body-bytes', { type: 'number', default: DEFAULT_MAX_BODY_BYTES, describe: 'refuse larger pages and feeds' })
        .option('max-backoff', { type: 'string', describe: 'longest wait before retrying a feed that is down (default: the interval, at least 1h)' })
        .option('workers', { type: 'number', default: 1, describe: 'extraction worker threads' })
        .example('$0 watch inbox --interval 30s', 'ingest files dropped into ./inbox')
        .example('$0 watch https://news.example/world.rss --interval 15m', 'follow a feed'),
    ) as never,
  handler: async (argv) => {
    const intervalMs = parseInterval(argv.interval, '--interval');
    const timeoutMs = parseInterval(argv.timeout, '--timeout');
    const maxBackoffMs = argv['max-backoff'] !== undefined ? parseInterval(argv['max-backoff'], '--max-backoff') : undefined;
    await withStore(argv, {}, async (store) => {
      const controller = new AbortController();
      const stop = (signal: NodeJS.Signals): void => {
        err(`watch: ${signal}: stopping after the current article`);
        controller.abort();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (!argv.once) err(`watch: ${argv.targets.length} source${argv.targets.length === 1 ? '' : 's'}, every ${argv.interval}; Ctrl-C stops`);
      try {
        const summary = await watch(argv.targets, store, {
          intervalMs,
          once: argv.once,
          signal: controller.signal,
          maxBackoffMs,
          date: argv.date,
          workers: argv.workers,
          fetch: { timeoutMs, maxBodyBytes: argv['max-body-bytes'] },
          log: err,
          onError: (f) => err(`error: ${f.message}`),
          onArticle: (article, outcome) => err(`${outcome} ${article.id} (${article.url ?? article.file ?? ''})`),
        });
        err(`watch: ${summary.polls} poll${summary.polls === 1 ? '' : 's'}: ${summary.created} new, ${summary.replaced} replaced, ${summary.unchanged} unchanged, ${summary.failed} failed`);
        // A stopped watch exits 0; a single round reports failures in its exit code like ingest.
        process.exitCode = argv.once && summary.failed > 0 ? 1 : 0;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
  },
};
