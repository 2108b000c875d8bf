// newsgraph export --format jsonl|csv|graphml [--out DIR|FILE]: writes the whole graph out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CommandModule } from 'yargs';
import { ConfigError } from '../errors.js';
import { readGraph } from '../export/read-graph.js';
import { toCsv } from '../export/to-csv.js';
import { toGraphml } from '../export/to-graphml.js';
import { articleLines } from '../export/to-jsonl.js';
import { err, out, withStore, withStoreFlags, type StoreArgs } from './common.js';

interface Args extends StoreArgs {
  format: 'jsonl' | 'csv' | 'graphml';
  out?: string;
}

export const exportCommand: CommandModule<object, Args> = {
  command: 'export',
  describe: 'write the graph out: JSON Lines that `load` reads back, CSV for neo4j-admin import, GraphML for Gephi',
  builder: (y) =>
    withStoreFlags(
      y
        .option('format', { choices: ['jsonl', 'csv', 'graphml'] as const, default: 'jsonl' as const, describe: 'output format' })
        .option('out', { type: 'string', describe: 'output file (jsonl, graphml; default stdout) or folder (csv, required)' })
        .example('$0 export --format jsonl --out graph.jsonl', 'one line of graph rows per article; `newsgraph load graph.jsonl` reads it back')
        .example('$0 export --format csv --out import/', 'nodes-<Label>.csv and relationships-<TYPE>.csv for neo4j-admin database import')
        .example('$0 export --format graphml --out graph.graphml', 'for Gephi'),
    ) as never,
  handler: async (argv) => {
    if (argv.format === 'csv' && !argv.out) throw new ConfigError('--format csv writes one file per label and type: pass --out with a folder', { option: 'out' });
    await withStore(argv, { readOnly: true }, async (store) => {
      const dump = await readGraph(store);
      const write = (text: string): void => {
        if (!argv.out) {
          process.stdout.write(text);
          return;
        }
        mkdirSync(dirname(argv.out), { recursive: true });
        writeFileSync(argv.out, text);
      };
      const summary = `${dump.nodes.length} nodes, ${dump.relationships.length} relationships`;
      if (argv.format === 'jsonl') {
        const lines = articleLines(dump);
        write(lines.map((l) => JSON.stringify(l) + '\n').join(''));
        if (argv.out) out(`exported ${lines.length} articles (${summary}) to ${argv.out}`);
      } else if (argv.format === 'graphml') {
        write(toGraphml(dump));
        if (argv.out) out(`exported ${summary} to ${argv.out}`);
      } else {
        const csv = toCsv(dump);
        mkdirSync(argv.out!, { recursive: true });
        for (const [name, text] of csv.files) writeFileSync(join(argv.out!, name), text);
        out(`exported ${summary} as ${csv.files.size} CSV files to ${argv.out}`);
        out(`import into an empty Neo4j (server stopped), from that folder:`);
        out(`  ${csv.command}`);
      }
      if (!argv.out) err(`exported ${summary}`);
    });
  },
};
