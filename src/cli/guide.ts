// newsgraph guide [--serve]: where the Neo4j Browser guide is, or serve it on localhost for `:play`.
import type { CommandModule } from 'yargs';
import { GRASS_FILE } from '../view/grass.js';
import { BROWSER_DIR, serveGuide } from '../view/guide-server.js';
import { err, out } from './common.js';

interface Args {
  serve: boolean;
  port: number;
  host: string;
}

export const guideCommand: CommandModule<object, Args> = {
  command: 'guide',
  describe: 'the Neo4j Browser guide: print its path, or --serve it on localhost and print the :play command',
  builder: (y) =>
    y
      .option('serve', { type: 'boolean', default: false, describe: 'serve browser/ (guide and style sheet) until Ctrl-C' })
      .option('port', { type: 'number', default: 8765, describe: 'port to serve on (0 picks a free one)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'interface to listen on' })
      .example('$0 guide --serve', 'then paste the printed :play command into Neo4j Browser')
      .example('$0 guide', 'the path of browser/guide.html') as never,
  handler: async (argv) => {
    if (!argv.serve) {
      out(`${BROWSER_DIR}/guide.html`);
      err(`style sheet: ${GRASS_FILE}; run "newsgraph guide --serve" to open the guide in Browser with :play`);
      return;
    }
    const server = await serveGuide({ port: argv.port, host: argv.host });
    out(server.playCommand);
    err(`serving ${BROWSER_DIR} at ${server.url}; in Neo4j Browser run:`);
    err(`  ${server.playCommand}`);
    err(`  ${server.styleCommand}`);
    err('Ctrl-C stops the server.');
    await new Promise<void>((resolveStop) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolveStop();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    err('stopped');
  },
};
