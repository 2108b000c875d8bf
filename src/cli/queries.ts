// newsgraph queries: lists the named queries with their descriptions and parameters.
import type { CommandModule } from 'yargs';
import { listQueries } from '../queries.js';
import { out } from './common.js';

export const queriesCommand: CommandModule = {
  command: 'queries',
  describe: 'list the named queries in queries/',
  builder: (y) => y.example('$0 queries', 'names, parameters and what each answers'),
  handler: () => {
    for (const q of listQueries()) {
      const params = q.parameters.length ? ` (${q.parameters.map((p) => `$${p}`).join(', ')})` : '';
      out(`${q.name}${q.neo4jOnly ? ' [neo4j only]' : ''}${params}: ${q.description}`);
    }
  },
};
