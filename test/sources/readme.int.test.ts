// The README's "Sources" examples, run as written (npx newsgraph = the built bin), in a folder holding the files
// they name, with https://news.example pointed at a loopback server that serves the pages and the feed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { CLI, killAll, startCli } from './cli-process.js';
import { BANK_STORY, MINE_STORY, newsPage, PORT_STORY, rssFeed } from './documents.js';
import { startServer, type TestServer } from './server.js';
import { readmeCommands as commandsOf } from '../readme-examples.js';

const SECTION = '## Sources: web pages, feeds and watch';
const HOST = 'https://news.example';

/** The commands of the section's first ```sh block, comments dropped. */
function readmeCommands(): string[][] {
  return commandsOf(SECTION);
}

let dir: string;
let server: TestServer;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'ng-readme-sources-'));
  server = await startServer();
  const b = server.base;
  const feed = rssFeed('Ledger World', [
    { story: MINE_STORY, guid: 'world-1', link: `${b}/2022/06/mine`, pubDate: 'Mon, 06 Jun 2022 08:00:00 +0200', full: true },
    { story: BANK_STORY, guid: 'world-2', link: `${b}/2022/06/bank-fine`, pubDate: 'Thu, 02 Jun 2022 23:30:00 -0400', full: false },
  ]);
  server.routes.set('/world.rss', { type: 'application/rss+xml; charset=utf-8', body: feed });
  server.routes.set('/2022/06/bank-fine', { type: 'text/html', body: newsPage(BANK_STORY, { date: '2022-06-02T16:00:00Z' }) });
  server.routes.set('/2022/06/port-strike', { type: 'text/html', body: newsPage(PORT_STORY, { date: '2022-06-14T06:30:00+02:00', canonical: `${b}/2022/06/port-strike` }) });
  for (const sub of ['saved', 'feeds', 'inbox']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'saved', 'port-strike.html'), newsPage(PORT_STORY, { date: '2022-06-14T06:30:00+02:00' }));
  writeFileSync(join(dir, 'feeds', 'world.rss'), feed);
  writeFileSync(join(dir, 'inbox', 'mine-briefing.txt'), `date 2021-09-07 ${MINE_STORY.paragraphs.slice(1).join('\n\n')}`);
});
afterAll(async () => {
  killAll();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('README: Sources examples', () => {
  const commands = readmeCommands();
  const run = (i: number) => {
    const [npx, bin, ...args] = commands[i]!;
    expect(`${npx} ${bin}`).toBe('npx newsgraph');
    return startCli(args.map((a) => a.replace(HOST, server.base)), dir);
  };

  it('has the five examples this test runs', () => {
    expect(commands.map((c) => c.slice(2, 4).join(' '))).toEqual([
      'ingest saved/port-strike.html',
      `ingest ${HOST}/world.rss`,
      `ingest ${HOST}/2022/06/port-strike`,
      'watch inbox',
      'watch inbox',
    ]);
  });

  it('ingests a saved page and a feed file', async () => {
    const cli = run(0);
    expect(await cli.exit()).toBe(0);
    expect(cli.stdout()).toBe('ingested 3 of 3 articles (3 new, 0 replaced, 0 unchanged), 0 failed\n');
  });

  it('ingests a feed URL, fetching the page of its summary-only item', async () => {
    const cli = run(1);
    expect(await cli.exit()).toBe(0);
    expect(cli.stdout()).toMatch(/^ingested 2 of 2 articles .*, 0 failed\n$/u);
    expect(server.hits.get('/2022/06/bank-fine')).toBeGreaterThanOrEqual(1);
  });

  it('ingests one web page', async () => {
    const cli = run(2);
    expect(await cli.exit()).toBe(0);
    expect(cli.stdout()).toBe('ingested 1 of 1 articles (1 new, 0 replaced, 0 unchanged), 0 failed\n');
  });

  it('watches a folder and a feed until Ctrl-C', async () => {
    const cli = run(3);
    await cli.waitFor(/^created mine-briefing \(/mu);
    await cli.waitFor(/^(created|replaced|unchanged) world-2 \(/mu);
    cli.child.kill('SIGINT');
    expect(await cli.exit()).toBe(0);
    expect(cli.stderr()).toMatch(/watch: SIGINT: stopping after the current article/u);
  });

  it('watches once', async () => {
    const cli = run(4);
    expect(await cli.exit()).toBe(0);
    expect(cli.stderr()).toMatch(/^unchanged mine-briefing \(/mu);
    expect(cli.stderr()).toMatch(/watch: 1 poll: 0 new, 0 replaced, 1 unchanged, 0 failed/u);
  });

  it('left one store with every article, dated as written', async () => {
    const store = await openStore({ store: 'embedded', db: join(dir, '.newsgraph') });
    try {
      const rows = await store.run('MATCH (a:Article) RETURN a.id AS id, a.date AS date, a.source AS source ORDER BY id');
      expect(rows).toEqual([
        { id: `${server.base}/2022/06/port-strike`, date: '2022-06-14', source: 'Daily Ledger' },
        { id: 'mine-briefing', date: '2021-09-07', source: null },
        { id: 'port-strike', date: '2022-06-14', source: 'Daily Ledger' },
        { id: 'world-1', date: '2022-06-06', source: 'Ledger World' },
        { id: 'world-2', date: '2022-06-02', source: 'Ledger World' },
      ]);
    } finally {
      await store.close();
    }
  });
});
