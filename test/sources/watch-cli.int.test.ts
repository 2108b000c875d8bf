// `newsgraph watch` as a user runs it (dist/cli.js; npm test builds first): picks up a new file, then its change,
// stops on SIGTERM with exit 0 and leaves a store that opens cleanly.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { MINE_STORY, PORT_STORY, rssFeed } from './documents.js';
import { CLI, killAll, startCli } from './cli-process.js';
import { startServer, type TestServer } from './server.js';


let dir: string;
let server: TestServer;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'ng-watch-cli-'));
  server = await startServer();
});
afterAll(async () => {
  killAll();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('newsgraph watch', () => {
  it('ingests a new file, then its change, and stops cleanly on SIGTERM', async () => {
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    const db = join(dir, 'db');
    const cli = startCli(['watch', inbox, '--interval', '1s', '--db', db], dir);
    await cli.waitFor(/watch: 1 source, every 1s/u);
    writeFileSync(join(inbox, 'port-strike.txt'), `date 2022-06-14 ${PORT_STORY.paragraphs.join('\n\n')}`);
    await cli.waitFor(/^created port-strike \(/mu);
    // Readers see the store while the watch holds it; a second writer is refused as locked.
    const reader = startCli(['query', 'MATCH (a:Article) RETURN a.id AS id', '--db', db, '--format', 'csv'], dir);
    expect(await reader.exit()).toBe(0);
    expect(reader.stdout()).toBe('id\nport-strike\n');
    const writer = startCli(['ingest', inbox, '--db', db], dir);
    expect(await writer.exit()).toBe(2);
    expect(writer.stderr()).toMatch(/is in use by another newsgraph process \(locked\)/u);
    const changed = PORT_STORY.paragraphs.slice(0, 2).join('\n\n');
    writeFileSync(join(inbox, 'port-strike.txt'), `date 2022-06-14 ${changed}`);
    await cli.waitFor(/^replaced port-strike \(/mu);
    cli.child.kill('SIGTERM');
    expect(await cli.exit()).toBe(0);
    expect(cli.stderr()).toMatch(/watch: SIGTERM: stopping after the current article/u);
    expect(cli.stderr()).toMatch(/watch: \d+ polls: 1 new, 1 replaced, 0 unchanged, 0 failed/u);
    expect(cli.stdout()).toBe('');

    const store = await openStore({ store: 'embedded', db });
    try {
      expect(await store.run('MATCH (a:Article) RETURN a.id AS id, a.text AS text')).toEqual([{ id: 'port-strike', text: changed }]);
    } finally {
      await store.close();
    }
  });

  it('stops on SIGINT while waiting for the next poll of a feed', async () => {
    server.routes.set('/feed.rss', {
      type: 'application/rss+xml',
      body: rssFeed('Small Wire', [{ story: MINE_STORY, guid: 'sw-1', link: `${server.base}/mine`, pubDate: 'Mon, 06 Sep 2021 08:00:00 +0200', full: true }]),
    });
    const cli = startCli(['watch', `${server.base}/feed.rss`, '--interval', '1h', '--db', join(dir, 'db2')], dir);
    await cli.waitFor(/^created sw-1 \(/mu);
    cli.child.kill('SIGINT');
    expect(await cli.exit()).toBe(0);
    expect(cli.stderr()).toMatch(/watch: 1 poll: 1 new, 0 replaced, 0 unchanged, 0 failed/u);
  });

  it('with --once, reports a feed that is down and exits 1', async () => {
    server.routes.set('/broken.rss', { type: 'text/plain', body: 'down', status: 500 });
    // Not spawnSync: the server answering it lives in this process.
    const cli = startCli(['watch', `${server.base}/broken.rss`, '--once', '--db', join(dir, 'db3')], dir);
    expect(await cli.exit()).toBe(1);
    expect(cli.stderr()).toContain(`watch: ${server.base}/broken.rss: HTTP 500 Internal Server Error\n`);
  });

  it('refuses a bad interval as a usage error (exit 2)', async () => {
    const cli = startCli(['watch', dir, '--interval', 'soon', '--db', join(dir, 'db4')], dir);
    expect(await cli.exit()).toBe(2);
    expect(cli.stderr()).toContain('--interval "soon" is not a duration; write it like 30s, 15m or 1h');
  });
});
