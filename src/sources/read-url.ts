// An http(s) input -> its articles: an HTML page is one article (Readability), an RSS/Atom feed one per item.
// "https://news.example/world.rss" -> every item; "https://news.example/a.html" -> { id: 'https://news.example/a', … }
import { InputError } from '../errors.js';
import { readHtml } from '../input/html.js';
import { checkDate, type InputItem } from '../input/read-inputs.js';
import type { Article } from '../model/types.js';
import { readFeed, type FeedReadOptions } from './feed.js';
import { fetchUrl } from './fetch-url.js';

/**
 * Fetches a URL and yields its articles, or one InputError naming the URL and the reason.
 * @example for await (const x of readUrl('https://news.example/world.rss', { fetch: { timeoutMs: 10_000 } })) console.log(x);
 */
export async function* readUrl(url: string, options: FeedReadOptions = {}): AsyncGenerator<InputItem> {
  let fetched: Awaited<ReturnType<typeof fetchUrl>>;
  try {
    fetched = await fetchUrl(url, options.fetch);
  } catch (err) {
    yield { error: asInputError(err, url) };
    return;
  }
  if (fetched.kind === 'feed') {
    yield* readFeed(fetched.body, url, options);
    return;
  }
  try {
    yield { article: pageArticle(fetched.body, url, fetched.url, options) };
  } catch (err) {
    yield { error: asInputError(err, url) };
  }
}

/**
 * A fetched web page as an article. Its id is the page's canonical URL (else the URL that answered), so the same
 * story reached through a redirect or a tracking query string is one article.
 * @example pageArticle(html, 'https://t.co/x', 'https://news.example/a') // { id: 'https://news.example/a', … }
 */
export function pageArticle(html: string, requested: string, answered: string, options: FeedReadOptions = {}): Article {
  const page = readHtml(html, requested);
  const canonical = page.url ? absolute(page.url, answered) : undefined;
  const id = canonical ?? answered;
  return {
    id,
    date: checkDate(page.date ?? options.date, requested),
    text: page.text,
    file: requested,
    url: id,
    ...(page.title ? { title: page.title } : {}),
    ...(page.source ? { source: page.source } : {}),
  };
}

function absolute(link: string, base: string): string | undefined {
  try {
    return new URL(link, base).href;
  } catch {
    return undefined;
  }
}

function asInputError(err: unknown, url: string): InputError {
  if (err instanceof InputError) return err;
  return new InputError(`${url}: ${(err as Error).message}`, { file: url, cause: err });
}
