// newsgraph view: writes one self-contained HTML file with the interactive actor network from the store.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { loadGrass } from '../view/grass.js';
import { DEFAULT_VIEW_QUERY, loadViewGraph } from '../view/load-view-graph.js';
import { cytoscapeSource, renderViewHtml } from '../view/render-html.js';
import { err, out, withStore, withStoreFlags, type StoreArgs } from './common.js';
import { parseParam } from './query.js';

interface Args extends StoreArgs {
  out: string;
  query: string;
  param: string[];
  title: string;
}

export const viewCommand: CommandModule<object, Args> = {
  command: 'view',
  describe: 'write one self-contained HTML file with the interactive actor network (opens offline in any browser)',
  builder: (y) =>
    withStoreFlags(
      y
        .option('out', { type: 'string', default: 'graph.html', describe: 'the HTML file to write ("-" for stdout)' })
        .option('query', { type: 'string', default: DEFAULT_VIEW_QUERY, describe: 'a named graph query (event-network, accusation-network, neighbourhood, sanctions-web, …)' })
        .option('param', { type: 'string', array: true, default: [] as string[], describe: 'k=v for the query; numbers and booleans are typed' })
        .option('title', { type: 'string', default: 'newsgraph: actor network', describe: 'page title' })
        .example('$0 view', 'graph.html with every actor-to-actor event')
        .example('$0 view --query accusation-network --out accusations.html', 'only the accusations')
        .example('$0 view --query neighbourhood --param name=China --param depth=2', 'one actor and its neighbours'),
    ) as never,
  handler: async (argv) => {
    const params = Object.fromEntries(argv.param.map(parseParam));
    const { rules } = loadGrass();
    await withStore(argv, { readOnly: true }, async (store) => {
      const graph = await loadViewGraph(store, argv.query, params, rules);
      const html = renderViewHtml(graph, {
        title: argv.title,
        subtitle: `query ${argv.query}${argv.param.length ? ` (${argv.param.join(', ')})` : ''} · ${store.kind} store · ${graph.nodes.length} actors, ${graph.edges.length} edges`,
        rules,
        cytoscapeJs: cytoscapeSource(),
      });
      if (argv.out === '-') {
        process.stdout.write(html);
        return;
      }
      writeFileSync(argv.out, html);
      err(`wrote ${graph.nodes.length} actors and ${graph.edges.length} edges`);
      out(resolve(argv.out));
    });
  },
};
