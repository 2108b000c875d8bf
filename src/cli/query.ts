// newsgraph query <name|cypher>: runs a named query from queries/ or literal Cypher, read-only by default.
import type { CommandModule } from 'yargs';
import { ConfigError } from '../errors.js';
import { runQuery } from '../run-query.js';
import { READ_BUFFER_POOL_MB } from '../store/embedded/embedded-store.js';
import { formatCsv, formatTable, out, withStore, withStoreFlags, type StoreArgs } from './common.js';

interface Args extends StoreArgs {
  query: string;
  param: string[];
  format: 'table' | 'json' | 'csv';
  write: boolean;
}

/**
 * Parses `k=v` into a typed parameter: numbers, booleans and null typed; everything else (dates too) a string.
 * @example parseParam('limit=10') // ['limit', 10]
 */
export function parseParam(kv: string): [string, unknown] {
  const eq = kv.indexOf('=');
  if (eq <= 0) throw new ConfigError(`--param "${kv}" is not key=value`, { option: 'param' });
  const key = kv.slice(0, eq);
  const raw = kv.slice(eq + 1);
  if (/^-?\d+(\.\d+)?$/u.test(raw)) return [key, Number(raw)];
  if (raw === 'true' || raw === 'false') return [key, raw === 'true'];
  if (raw === 'null') return [key, null];
  return [key, raw];
}

export const queryCommand: CommandModule<object, Args> = {
  command: 'query <query>',
  describe: 'run a named query (see `queries`) or literal Cypher; read-only unless --write',
  builder: (y) =>
    withStoreFlags(
      y
        .positional('query', { type: 'string', demandOption: true, describe: 'a query name or Cypher text' })
        .option('param', { type: 'string', array: true, default: [] as string[], describe: 'k=v; numbers and booleans are typed' })
        .option('format', { choices: ['table', 'json', 'csv'] as const, default: 'table' as const })
        .option('write', { type: 'boolean', default: false, describe: 'allow the statement to write' })
        .example('$0 query accusations', 'who accused whom')
        .example('$0 query entity-events --param name=China --format json', 'with a parameter')
        .example('$0 query "MATCH (p:Person) RETURN p.name AS name ORDER BY name"', 'literal Cypher'),
    ) as never,
  handler: async (argv) => {
    const params = Object.fromEntries(argv.param.map(parseParam));
    // A query that writes still reads like one: it keeps the reader's page cache.
    await withStore(argv, { readOnly: !argv.write, bufferPoolMb: argv['page-cache-mb'] ?? READ_BUFFER_POOL_MB }, async (store) => {
      const rows = await runQuery(store, argv.query, params, { write: argv.write });
      if (argv.format === 'json') out(JSON.stringify(rows, null, 2));
      else if (argv.format === 'csv') out(formatCsv(rows));
      else out(formatTable(rows));
    });
  },
};
