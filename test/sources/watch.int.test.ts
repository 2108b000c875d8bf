// watch() as a library against the embedded store: feed items once, unchanged feeds cost nothing, a feed that is
// down is retried with backoff and recovers, folders pick up new and changed files, abort stops it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Article } from '../../src/model/types.js';
import { openStore } from '../../src/store/index.js';
import type { GraphStore, LoadOutcome } from '../../src/store/types.js';
import { watch, type WatchOptions } from '../../src/sources/watch.js';
import { BANK_STORY, MINE_STORY, newsPage, PORT_STORY, rssFeed } from './documents.js';
import { startServer, type TestServer } from './server.js';

let dir: string;
let store: GraphStore;
let server: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ng-watch-'));
  store = await openStore({ store: 'embedded', db: join(dir, 'db') });
  server = await startServer();
});
afterAll(async () => {
  await store.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await store.wipe();
});

/** Runs a watch in the background and records what it says; `until` polls the records, bounded. */
function run(targets: string[], options: WatchOptions) {
  const controller = new AbortController();
  const outcomes: [string, LoadOutcome][] = [];
  const logs: string[] = [];
  const errors: string[] = [];
  const done = watch(targets, store, {
    signal: controller.signal,
    log: (l) => logs.push(l),
    onError: (f) => errors.push(f.message),
    onArticle: (a: Article, o) => outcomes.push([a.id, o]),
    ...options,
  });
  const until = async (what: string, test: () => boolean, ms = 15_000): Promise<void> => {
    const end = Date.now() + ms;
    while (!test()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; logs: ${logs.join(' | ')}; errors: ${errors.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { controller, outcomes, logs, errors, done, until };
}

async function articleIds(): Promise<string[]> {
  return (await store.run('MATCH (a:Article) RETURN a.id AS id ORDER BY id')).map((r) => String(r.id));
}

describe('watch on feeds', () => {
  it('ingests each item once; an unchanged feed answered 304 costs no item work; a new item is picked up', async () => {
    const b = server.base;
    let items = [
      { story: PORT_STORY, guid: 'w-1', link: `${b}/w/port`, pubDate: 'Tue, 14 Jun 2022 06:30:00 +0200', full: true },
      { story: BANK_STORY, guid: 'w-2', link: `${b}/w/bank`, pubDate: 'Thu, 02 Jun 2022 17:00:00 +0100', full: false },
    ];
    let notModified = 0;
    server.routes.set('/w/feed', {
      handler: (req: IncomingMessage, res: ServerResponse) => {
        const body = rssFeed('Watch Wire', items);
        const etag = `"${body.length}-${items.length}"`;
        if (req.headers['if-none-match'] === etag) {
          notModified += 1;
          res.writeHead(304, { etag }).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
      },
    });
    server.routes.set('/w/bank', { type: 'text/html', body: newsPage(BANK_STORY, { date: '2022-06-02T16:00:00Z' }) });
    server.routes.set('/w/mine', { type: 'text/html', body: newsPage(MINE_STORY, { date: '2021-09-06T10:00:00+02:00' }) });

    const w = run([`${b}/w/feed`], { intervalMs: 150 });
    await w.until('the two first items', () => w.outcomes.length >= 2);
    await w.until('a 304 round', () => notModified >= 2);
    expect(w.outcomes).toEqual([['w-1', 'created'], ['w-2', 'created']]);
    expect(server.hits.get('/w/bank')).toBe(1); // the summary-only item's page, fetched once

    items = [...items, { story: MINE_STORY, guid: 'w-3', link: `${b}/w/mine`, pubDate: 'Mon, 06 Sep 2021 08:00:00 +0200', full: false }];
    await w.until('the new item', () => w.outcomes.length >= 3);
    w.controller.abort();
    const summary = await w.done;
    expect(w.outcomes[2]).toEqual(['w-3', 'created']);
    expect(server.hits.get('/w/bank')).toBe(1); // seen items are not read again
    expect(summary).toMatchObject({ created: 3, replaced: 0, unchanged: 0, failed: 0 });
    expect(summary.polls).toBeGreaterThanOrEqual(3);
    expect(w.errors).toEqual([]);
    expect(await articleIds()).toEqual(['w-1', 'w-2', 'w-3']);
  });

  it('survives a feed that is down: logs, retries with growing delays, and ingests once it is back', async () => {
    const b = server.base;
    let calls = 0;
    const at: number[] = [];
    server.routes.set('/down/feed', {
      handler: (_req, res) => {
        calls += 1;
        at.push(Date.now());
        if (calls <= 3) {
          res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('Flaky Wire', [{ story: MINE_STORY, guid: 'f-1', link: `${b}/x`, pubDate: 'Mon, 06 Sep 2021 08:00:00 +0200', full: true }]));
      },
    });
    const w = run([`${b}/down/feed`], { intervalMs: 100, maxBackoffMs: 1000 });
    await w.until('the item after recovery', () => w.outcomes.length >= 1);
    w.controller.abort();
    await w.done;
    expect(w.outcomes).toEqual([['f-1', 'created']]);
    const retries = w.logs.filter((l) => l.includes('HTTP 503'));
    expect(retries).toEqual([
      `watch: ${b}/down/feed: HTTP 503 Service Unavailable; retry 1 in 100ms`,
      `watch: ${b}/down/feed: HTTP 503 Service Unavailable; retry 2 in 200ms`,
      `watch: ${b}/down/feed: HTTP 503 Service Unavailable; retry 3 in 400ms`,
    ]);
    expect(w.logs).toContain(`watch: ${b}/down/feed: back`);
    // The gaps between tries grow: at least 100, 200 and 400 ms (timers may fire a little late, never early).
    const gaps = at.slice(1, 4).map((t, i) => t - at[i]!);
    expect(gaps.map((g, i) => g >= [95, 195, 395][i]!)).toEqual([true, true, true]);
  });

  it('caps the backoff at maxBackoffMs', async () => {
    server.routes.set('/dead/feed', { type: 'text/plain', body: 'no', status: 500 });
    const w = run([`${server.base}/dead/feed`], { intervalMs: 100, maxBackoffMs: 250 });
    await w.until('four failed tries', () => w.logs.filter((l) => l.includes('HTTP 500')).length >= 4);
    w.controller.abort();
    const summary = await w.done;
    const delays = w.logs.filter((l) => l.includes('HTTP 500')).map((l) => /in (\d+)ms$/u.exec(l)?.[1]);
    expect(delays.slice(0, 4)).toEqual(['100', '200', '250', '250']);
    expect(summary.failed).toBeGreaterThanOrEqual(4);
  });
});

describe('stopping', () => {
  it('a stop during a feed request that hangs cancels it at once, with nothing failed', async () => {
    server.routes.set('/hang/feed', { hang: true });
    const w = run([`${server.base}/hang/feed`], { intervalMs: 60_000, fetch: { timeoutMs: 30_000 } });
    await w.until('the request', () => (server.hits.get('/hang/feed') ?? 0) >= 1);
    const stopped = Date.now();
    w.controller.abort();
    const summary = await w.done;
    expect(Date.now() - stopped).toBeLessThan(5000);
    expect(summary).toMatchObject({ polls: 1, failed: 0 });
    expect(w.logs).toEqual([]);
  });
});

describe('watch on folders', () => {
  it('ingests new and changed files, leaves unchanged ones, and stops on abort', async () => {
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(inbox, 'port.txt'), `date 2022-06-14 ${PORT_STORY.paragraphs.join('\n\n')}`);
    const w = run([inbox], { intervalMs: 100 });
    await w.until('the first file', () => w.outcomes.length >= 1);
    writeFileSync(join(inbox, 'mine.txt'), `date 2021-09-06 ${MINE_STORY.paragraphs.join('\n\n')}`);
    await w.until('the new file', () => w.outcomes.length >= 2);
    writeFileSync(join(inbox, 'port.txt'), `date 2022-06-14 ${PORT_STORY.paragraphs.slice(0, 2).join('\n\n')}`);
    await w.until('the changed file', () => w.outcomes.length >= 3);
    w.controller.abort();
    const summary = await w.done;
    expect(w.outcomes).toEqual([['port', 'created'], ['mine', 'created'], ['port', 'replaced']]);
    expect(summary).toMatchObject({ created: 2, replaced: 1, failed: 0 });
    const text = await store.run("MATCH (a:Article) WHERE a.id = 'port' RETURN a.text AS text");
    expect(text).toEqual([{ text: PORT_STORY.paragraphs.slice(0, 2).join('\n\n') }]);
  });

  it('with once, reads everything one time and reports bad files', async () => {
    const once = join(dir, 'once');
    mkdirSync(once, { recursive: true });
    writeFileSync(join(once, 'bank.txt'), `date 2022-06-02 ${BANK_STORY.paragraphs.join('\n\n')}`);
    writeFileSync(join(once, 'undated.txt'), BANK_STORY.paragraphs[0]!);
    const w = run([once], { once: true });
    const summary = await w.done;
    expect(summary).toMatchObject({ polls: 1, created: 1, failed: 1 });
    expect(w.errors).toEqual([`${join(once, 'undated.txt')}: no publication date (add a "date YYYY-MM-DD" lead, a "date" field, or pass --date)`]);
  });

  it('refuses a folder that does not exist', async () => {
    await expect(watch([join(dir, 'nope')], store, { once: true })).rejects.toThrow(/watch: cannot read ".*nope" \(ENOENT\)/u);
  });
});
