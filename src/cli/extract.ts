// newsgraph extract <inputs..>: prints one extraction record per article; no store.
import type { CommandModule } from 'yargs';
import { readInputs } from '../input/read-inputs.js';
import { defaultWorkers, extractStream } from '../parallel/extract-pool.js';
import { err, out } from './common.js';

interface Args {
  inputs: string[];
  format: 'json' | 'jsonl';
  date?: string;
  'max-article-bytes': number;
  workers: number;
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
      .example('$0 extract corpus/000_724705b57007fe02.txt', 'one JSON line per article')
      .example('$0 extract notes.txt --date 2024-03-01 --format json', 'a JSON array') as never,
  handler: async (argv) => {
    let failed = 0;
    let first = true;
    if (argv.format === 'json') process.stdout.write('[');
    const inputs = readInputs(argv.inputs, { date: argv.date, maxArticleBytes: argv['max-article-bytes'] });
    for await (const r of extractStream(inputs, { workers: argv.workers })) {
      if ('error' in r) {
        failed += 1;
        err(`error: ${r.error.message}`);
      } else if ('failure' in r) {
        failed += 1;
        err(`error: ${r.article.file ?? r.article.id}: ${r.failure}`);
      } else if (argv.format === 'json') {
        process.stdout.write(`${first ? '\n' : ',\n'}${JSON.stringify(r.record)}`);
        first = false;
      } else out(JSON.stringify(r.record));
    }
    if (argv.format === 'json') process.stdout.write('\n]\n');
    process.exitCode = failed > 0 ? 1 : 0;
  },
};
