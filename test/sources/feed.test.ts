// Feeds: dates as written, full-content items read from the feed, summary-only items read from their linked page,
// URLs and feed files through readInputs, and one clear error per bad item.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs, type InputItem } from '../../src/input/read-inputs.js';
import type { Article } from '../../src/model/types.js';
import { feedDate, htmlText, parseFeed } from '../../src/sources/feed.js';
import { atomFeed, BANK_STORY, MINE_STORY, newsPage, PORT_STORY, rssFeed } from './documents.js';
import { startServer, type TestServer } from './server.js';

async function collect(inputs: string[], options = {}): Promise<{ articles: Article[]; errors: string[] }> {
  const articles: Article[] = [];
  const errors: string[] = [];
  for await (const item of readInputs(inputs, options) as AsyncIterable<InputItem>) {
    if ('article' in item) articles.push(item.article);
    else errors.push(item.error.message);
  }
  return { articles, errors };
}

describe('feedDate', () => {
  it.each([
    ['Mon, 25 May 2020 08:00:00 -0400', '2020-05-25'],
    ['Mon, 25 May 2020 23:30:00 -0400', '2020-05-25'], // already the 26th in UTC: the day as written wins
    ['Tue, 1 Dec 2020 00:15:00 +1300', '2020-12-01'], // still 30 November in UTC
    ['25 May 2020 08:00 GMT', '2020-05-25'],
    ['Sat, 07 Sep 19 10:00:00 +0000', '2019-09-07'],
    ['2021-03-02T23:59:00-08:00', '2021-03-02'],
    ['2021-03-02', '2021-03-02'],
  ])('%s -> %s', (raw, day) => {
    expect(feedDate(raw)).toBe(day);
  });

  it.each([['yesterday'], ['Mon, 31 Foo 2020 10:00:00 GMT'], ['Mon, 31 Feb 2020 10:00:00 GMT'], ['']])('%s -> nothing', (raw) => {
    expect(feedDate(raw)).toBeUndefined();
  });
});

describe('htmlText', () => {
  it('makes one paragraph per block and drops scripts', () => {
    expect(htmlText('<p>One &amp; two.</p><script>x()</script><ul><li>Three</li></ul>')).toBe('One & two.\n\nThree');
    expect(htmlText('First line<br><br>Second line')).toBe('First line\n\nSecond line');
  });
});

describe('parseFeed', () => {
  it('reads RSS guid, title, link, pubDate and content:encoded', () => {
    const feed = parseFeed(rssFeed('Ledger & World', [{ story: PORT_STORY, guid: 'ledger-101', link: 'https://ledger.example/port', pubDate: 'Tue, 14 Jun 2022 06:30:00 +0200', full: true }]), 'world.rss');
    expect(feed.title).toBe('Ledger & World');
    expect(feed.items[0]).toMatchObject({ id: 'ledger-101', title: PORT_STORY.title, link: 'https://ledger.example/port', rawDate: 'Tue, 14 Jun 2022 06:30:00 +0200' });
    expect(feed.items[0]!.content).toContain('<p>Dockworkers at the port');
  });

  it('reads Atom id, alternate link, published and html content', () => {
    const feed = parseFeed(atomFeed('Ledger Atom', [{ story: BANK_STORY, id: 'tag:ledger.example,2022:bank', link: 'https://ledger.example/bank', published: '2022-06-02T22:00:00-05:00', updated: '2022-06-03T08:00:00Z', full: true }]), 'x.atom');
    expect(feed.title).toBe('Ledger Atom');
    expect(feed.items[0]).toMatchObject({ id: 'tag:ledger.example,2022:bank', link: 'https://ledger.example/bank', rawDate: '2022-06-02T22:00:00-05:00' });
    expect(htmlText(feed.items[0]!.content!)).toBe(BANK_STORY.paragraphs.join('\n\n'));
  });

  it('refuses a document that is not a feed, naming it', () => {
    expect(() => parseFeed('<html><body><p>hello</p></body></html>', 'page.xml')).toThrow(/^page\.xml: not an RSS or Atom feed/u);
  });
});

describe('feeds and pages over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    const b = server.base;
    const routes: Record<string, Parameters<TestServer['routes']['set']>[1]> = {
      '/full.rss': {
        type: 'application/rss+xml; charset=utf-8',
        body: rssFeed('Ledger World', [
          { story: PORT_STORY, guid: 'ledger-101', link: `${b}/stories/port`, pubDate: 'Mon, 25 May 2020 08:00:00 -0400', full: true },
          { story: MINE_STORY, guid: 'ledger-102', link: `${b}/stories/mine`, pubDate: 'Mon, 25 May 2020 23:30:00 -0400', full: true },
        ]),
      },
      '/summary.rss': {
        type: 'application/rss+xml',
        body: rssFeed('Ledger Business', [
          { story: BANK_STORY, guid: 'ledger-201', link: `${b}/stories/bank`, pubDate: 'Thu, 02 Jun 2022 17:00:00 +0100', full: false },
          { story: MINE_STORY, link: `${b}/go/mine`, full: false },
          { story: PORT_STORY, guid: 'ledger-203', link: `${b}/stories/gone`, pubDate: 'Fri, 03 Jun 2022 09:00:00 +0100', full: false },
        ]),
      },
      '/world.atom': {
        type: 'application/atom+xml',
        body: atomFeed('Ledger Atom', [
          { story: BANK_STORY, id: 'tag:ledger.example,2022:bank', link: `${b}/stories/bank`, published: '2022-06-02T22:00:00-05:00', updated: '2022-06-03T08:00:00Z', full: true },
          { story: PORT_STORY, id: 'tag:ledger.example,2022:port', link: 'stories/port', updated: '2022-06-04T07:00:00Z', full: false },
        ]),
      },
      '/stories/port': { type: 'text/html', body: newsPage(PORT_STORY, { date: '2022-06-04T09:00:00+02:00' }) },
      '/stories/mine': { type: 'text/html', body: newsPage(MINE_STORY, { date: '2021-09-06T10:00:00+02:00' }) },
      '/stories/bank': { type: 'text/html; charset=utf-8', body: newsPage(BANK_STORY, { date: '2022-06-02T16:00:00Z', canonical: `${b}/business/bank-fine` }) },
      '/go/mine': { redirect: '/stories/mine' },
      '/stories/gone': { type: 'text/html', body: 'gone', status: 500 },
      '/photo': { type: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    };
    for (const [path, route] of Object.entries(routes)) server.routes.set(path, route);
  });
  afterAll(() => server.close());

  it('takes full-content items from the feed itself, without fetching their links', async () => {
    const { articles, errors } = await collect([`${server.base}/full.rss`]);
    expect(errors).toEqual([]);
    expect(articles.map((a) => [a.id, a.date, a.source, a.title])).toEqual([
      ['ledger-101', '2020-05-25', 'Ledger World', PORT_STORY.title],
      ['ledger-102', '2020-05-25', 'Ledger World', MINE_STORY.title],
    ]);
    expect(articles[0]!.text).toBe(PORT_STORY.paragraphs.join('\n\n'));
    expect(articles[0]!.url).toBe(`${server.base}/stories/port`);
    expect(server.hits.get('/stories/port') ?? 0).toBe(0);
  });

  it('fetches the linked page of a summary-only item (redirects followed); a broken link fails that item only', async () => {
    const { articles, errors } = await collect([`${server.base}/summary.rss`]);
    expect(articles.map((a) => a.id)).toEqual(['ledger-201', `${server.base}/go/mine`]);
    const [bank, mine] = articles;
    expect(bank!.text).toBe(BANK_STORY.paragraphs.join('\n\n'));
    expect(bank).toMatchObject({ date: '2022-06-02', source: 'Ledger Business', url: `${server.base}/stories/bank` });
    // No pubDate on the item: the page's own date.
    expect(mine!.date).toBe('2021-09-06');
    expect(mine!.text).toContain('revoked the operating licence');
    expect(mine!.text).not.toMatch(/Front page|Privacy/u);
    expect(errors).toEqual([`${server.base}/summary.rss item "${PORT_STORY.title}": summary only, and its page could not be read: ${server.base}/stories/gone: HTTP 500 Internal Server Error`]);
  });

  it('reads Atom: html content in the feed, relative links resolved against the feed URL', async () => {
    const { articles, errors } = await collect([`${server.base}/world.atom`]);
    expect(errors).toEqual([]);
    expect(articles.map((a) => [a.id, a.date])).toEqual([
      ['tag:ledger.example,2022:bank', '2022-06-02'],
      ['tag:ledger.example,2022:port', '2022-06-04'], // no <published>: <updated>
    ]);
    expect(articles[1]!.url).toBe(`${server.base}/stories/port`);
    expect(articles[1]!.text).toBe(PORT_STORY.paragraphs.join('\n\n'));
  });

  it('reads a web page as one article identified by its canonical URL', async () => {
    const { articles, errors } = await collect([`${server.base}/stories/bank`]);
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ id: `${server.base}/business/bank-fine`, url: `${server.base}/business/bank-fine`, date: '2022-06-02', source: 'Daily Ledger', file: `${server.base}/stories/bank` });
  });

  it('gives one error naming the URL for a non-HTML response and goes on with the next input', async () => {
    const { articles, errors } = await collect([`${server.base}/photo`, `${server.base}/stories/port`]);
    expect(errors).toEqual([`${server.base}/photo: content type "image/png" is neither an HTML page nor an RSS/Atom feed`]);
    expect(articles.map((a) => a.date)).toEqual(['2022-06-04']);
  });

  it('passes the fetch limits through readInputs', async () => {
    const { errors } = await collect([`${server.base}/stories/port`], { fetch: { maxBodyBytes: 500 } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/stories\/port: response of \d+ bytes is over the limit of 500 bytes/u);
  });

  it('reads feed files (.rss, .atom, .xml) in folders like other inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ng-feeds-'));
    writeFileSync(join(dir, 'a.rss'), rssFeed('File Feed', [{ story: PORT_STORY, guid: 'file-1', link: 'https://ledger.example/port', pubDate: 'Wed, 15 Jun 2022 10:00:00 GMT', full: true }]));
    writeFileSync(join(dir, 'b.atom'), atomFeed('File Atom', [{ story: MINE_STORY, id: 'file-2', link: 'https://ledger.example/mine', published: '2021-09-06T08:00:00+02:00', updated: '2021-09-06T08:00:00+02:00', full: true }]));
    writeFileSync(join(dir, 'c.xml'), '<?xml version="1.0"?><catalog><book>not a feed</book></catalog>');
    const { articles, errors } = await collect([dir]);
    expect(articles.map((a) => [a.id, a.date, a.source, a.file])).toEqual([
      ['file-1', '2022-06-15', 'File Feed', join(dir, 'a.rss')],
      ['file-2', '2021-09-06', 'File Atom', join(dir, 'b.atom')],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/c\.xml: not an RSS or Atom feed/u);
  });
});
