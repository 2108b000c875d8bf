#!/usr/bin/env node
// The newsgraph bin: parses argv, runs one command module, maps errors to exit codes.
import { config as loadDotenv } from 'dotenv';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { extractCommand } from './cli/extract.js';
import { ingestCommand } from './cli/ingest.js';
import { loadCommand } from './cli/load.js';
import { queryCommand } from './cli/query.js';
import { queriesCommand } from './cli/queries.js';
import { schemaCommand } from './cli/schema.js';
import { statsCommand } from './cli/stats.js';
import { viewCommand } from './cli/view.js';
import { guideCommand } from './cli/guide.js';
import { watchCommand } from './cli/watch.js';
import { removeCommand } from './cli/remove.js';
import { exportCommand } from './cli/export.js';
import { ConfigError, InputError, NewsGraphError, QueryError, StoreLockedError, StoreUnavailableError } from './errors.js';

export const EXIT = { ok: 0, someFailed: 1, usage: 2, neo4jUnavailable: 3 } as const;

/** One place that turns an error into a line on stderr and an exit code. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof StoreUnavailableError) return EXIT.neo4jUnavailable;
  // A refused or broken query (a write without --write, a missing parameter) is a usage error.
  if (error instanceof ConfigError || error instanceof StoreLockedError || error instanceof QueryError) return EXIT.usage;
  if (error instanceof InputError) return EXIT.someFailed;
  if (error instanceof NewsGraphError) return EXIT.someFailed;
  return EXIT.someFailed;
}

export async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  try {
    await yargs(argv)
      .scriptName('newsgraph')
      .command(extractCommand)
      .command(ingestCommand)
      .command(loadCommand)
      .command(queryCommand)
      .command(queriesCommand)
      .command(schemaCommand)
      .command(statsCommand)
      .command(viewCommand)
      .command(guideCommand)
      .command(watchCommand)
      .command(removeCommand)
      .command(exportCommand)
      .demandCommand(1, 'name a command; see --help')
      .strict()
      .epilogue('Exit codes: 0 ok, 1 some articles failed, 2 usage or config error, 3 Neo4j unavailable.')
      .fail((msg, e) => {
        if (e) throw e;
        throw new ConfigError(msg ?? 'bad usage');
      })
      .help()
      .parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`newsgraph: ${message}\n`);
    if (!(error instanceof NewsGraphError) && process.env.NEWSGRAPH_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return exitCodeFor(error);
  }
}

main(hideBin(process.argv)).then((code) => {
  process.exitCode = code;
});
