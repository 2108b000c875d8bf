// fetchUrl against a loopback server: kinds, redirects, and one clear error per failure.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../../src/errors.js';
import { fetchUrl, isUrl } from '../../src/sources/fetch-url.js';
import { MINE_STORY, newsPage, rssFeed } from './documents.js';
import { startServer, type TestServer } from './server.js';

let server: TestServer;
const page = newsPage(MINE_STORY, { date: '2021-09-06T10:00:00+02:00' });
const feed = rssFeed('Ledger World', [{ story: MINE_STORY, link: 'https://ledger.example/mine', guid: 'mine-1', full: true }]);

beforeAll(async () => {
  server = await startServer({
    '/page': { type: 'text/html; charset=utf-8', body: page },
    '/feed': { type: 'application/rss+xml', body: feed },
    '/feed-as-xml': { type: 'text/xml', body: feed },
    '/untyped-feed': { handler: (_req, res) => res.end(feed) },
    '/moved': { redirect: '/hop', status: 301 },
    '/hop': { redirect: '/page', status: 302 },
    '/loop': { redirect: '/loop' },
    '/broken': { type: 'text/html', body: '<h1>oops</h1>', status: 500 },
    '/slow': { hang: true },
    '/logo.png': { type: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
    '/big-declared': { type: 'text/html', body: 'x'.repeat(4096) },
    '/big-streamed': { stream: true, type: 'text/html', chunks: 4096, chunkBytes: 16 * 1024 },
  });
});
afterAll(() => server.close());

async function failure(url: string, options = {}): Promise<InputError> {
  try {
    await fetchUrl(url, options);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error(`${url} did not fail`);
}

describe('fetchUrl', () => {
  it('tells URLs from paths', () => {
    expect([isUrl('https://a.example/x'), isUrl('HTTP://a.example'), isUrl('corpus/a.txt'), isUrl('ftp://x')]).toEqual([true, true, false, false]);
  });

  it('reads an HTML page and an RSS feed, by content type or, without one, by the document root', async () => {
    const html = await fetchUrl(`${server.base}/page`);
    expect(html).toMatchObject({ kind: 'html', status: 200 });
    expect(html.body).toContain(MINE_STORY.paragraphs[1]);
    expect((await fetchUrl(`${server.base}/feed`)).kind).toBe('feed');
    expect((await fetchUrl(`${server.base}/feed-as-xml`)).kind).toBe('feed');
    expect((await fetchUrl(`${server.base}/untyped-feed`)).kind).toBe('feed');
  });

  it('follows redirects and reports the URL that answered', async () => {
    const r = await fetchUrl(`${server.base}/moved`);
    expect(r.url).toBe(`${server.base}/page`);
    expect(r.kind).toBe('html');
  });

  it('gives up after the redirect limit', async () => {
    const e = await failure(`${server.base}/loop`, { maxRedirects: 3 });
    expect(e.message).toMatch(/\/loop: more than 3 redirects/u);
    expect(e.file).toBe(`${server.base}/loop`);
  });

  it('reports an HTTP error status with the URL', async () => {
    expect((await failure(`${server.base}/broken`)).message).toBe(`${server.base}/broken: HTTP 500 Internal Server Error`);
    expect((await failure(`${server.base}/nowhere`)).message).toMatch(/nowhere: HTTP 404/u);
  });

  it('times out on a server that never answers', async () => {
    const started = Date.now();
    const e = await failure(`${server.base}/slow`, { timeoutMs: 300 });
    expect(e.message).toMatch(/slow: no answer within 300 ms \(timeout\)/u);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect((await failure(`${server.base}/slow`, { timeoutMs: 30_000, signal: controller.signal })).message).toBe(`${server.base}/slow: request cancelled`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a content type that is neither HTML nor a feed', async () => {
    expect((await failure(`${server.base}/logo.png`)).message).toBe(`${server.base}/logo.png: content type "image/png" is neither an HTML page nor an RSS/Atom feed`);
  });

  it('refuses an oversized body by its Content-Length, and stops a streamed one past the limit', async () => {
    expect((await failure(`${server.base}/big-declared`, { maxBodyBytes: 1000 })).message).toMatch(/big-declared: response of 4096 bytes is over the limit of 1000 bytes/u);
    const e = await failure(`${server.base}/big-streamed`, { maxBodyBytes: 100_000 });
    expect(e.message).toMatch(/big-streamed: response is over the limit of 100000 bytes \(download stopped\)/u);
    // 64 MiB were on offer; the download stopped long before that.
    expect(server.streamed).toBeLessThan(16 * 1024 * 1024);
  });

  it('reports a network failure (nothing listening)', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    expect((await failure(`http://127.0.0.1:${port}/feed`)).message).toBe(`http://127.0.0.1:${port}/feed: cannot connect (ECONNREFUSED)`);
  });
});
