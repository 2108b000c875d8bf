// newsgraph extract <inputs..>: prints one extraction record per article; no store.
import type { CommandModule } from 'yargs';
import { readInputs, type InputItem } from '../input/read-inputs.js';
import { inShard, parseShard } from '../input/shard.js';
import { EXTRACTOR_VERSION } from '../extract.js';
import { defaultWorkers, extractStream } from '../parallel/extract-pool.js';
import { err, out } from './common.js';

interface Args {
  inputs: string[];
  format: 'json' | 'jsonl';
  date?: string;
  'max-article-bytes': number;
  workers: number;
  shard?: string;
  'with-text': boolean;
}

export const extractCommand: CommandModule<object, Args> = {
  command: 'extract <inputs..>',
  describe: 'print extraction records (entities, events, dates) for articles; no store',
  builder: (y) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'files or folders (.txt, .jsonl, .json)' })
      .option('format', { choices: ['json', 'jsonl'] as const, default: 'jsonl' as const })
      .option('date', { type: 'string', describe: 'publication date (YYYY-MM-DD) for articles that have none' })
      .option('max-article-bytes', { type: 'number', default: 5 * 1024 * 1024, describe: 'refuse larger articles' })
      .option('workers', { type: 'number', default: defaultWorkers(), describe: 'extraction worker threads (default: every core)' })
      .option('shard', { type: 'string', describe: 'only articles of shard i/n (stable by article id), e.g. 2/4' })
      .option('with-text', { type: 'boolean', default: false, describe: 'include the article text and extractor version, so `load` can store the records' })
      .example('$0 extract corpus/000_724705b57007fe02.txt', 'one JSON line per article')
      .example('$0 extract articles.jsonl --shard 1/4 --with-text > part1.jsonl', 'a quarter of the articles, loadable with `load`')
      .example('$0 extract notes.txt --date 2024-03-01 --format json', 'a JSON array') as never,
  handler: async (argv) => {
    let failed = 0;
    let first = true;
    if (argv.format === 'json') process.stdout.write('[');
    const shard = argv.shard !== undefined ? parseShard(argv.shard) : undefined;
    const all = readInputs(argv.inputs, { date: argv.date, maxArticleBytes: argv['max-article-bytes'] });
    const inputs = shard ? onlyShard(all, (id) => inShard(id, shard)) : all;
    for await (const r of extractStream(inputs, { workers: argv.workers })) {
      if ('error' in r) {
        failed += 1;
        err(`error: ${r.error.message}`);
      } else if ('failure' in r) {
        failed += 1;
        err(`error: ${r.article.file ?? r.article.id}: ${r.failure}`);
      } else if (argv.format === 'json') {
        process.stdout.write(`${first ? '\n' : ',\n'}${JSON.stringify(withText(r.record, r.article.text))}`);
        first = false;
      } else out(JSON.stringify(withText(r.record, r.article.text)));
    }
    if (argv.format === 'json') process.stdout.write('\n]\n');
    process.exitCode = failed > 0 ? 1 : 0;
    function withText<T extends { article: object }>(record: T, text: string): T {
      return argv['with-text'] ? { ...record, extractorVersion: EXTRACTOR_VERSION, article: { ...record.article, text } } : record;
    }
  },
};

/** Keeps the articles of one shard; an input error goes to the shard of its file and line, so exactly one reports it. */
async function* onlyShard(items: AsyncIterable<InputItem>, keep: (id: string) => boolean): AsyncGenerator<InputItem> {
  for await (const item of items) {
    const id = 'error' in item ? `${item.error.file ?? ''}:${item.error.line ?? 0}` : item.article.id;
    if (keep(id)) yield item;
  }
}
