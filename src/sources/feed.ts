// RSS 2.0 / RSS 1.0 / Atom -> one article per item, parsed with feedsmith. An item whose content holds the full story
// is read from the feed; a summary-only item has its link fetched and read with Readability.
// <item><guid>x</guid><pubDate>Mon, 25 May 2020 08:00:00 -0400</pubDate>… -> { id: 'x', date: '2020-05-25', … }
import { createHash } from 'node:crypto';
import { isValid, parse as parseDate, format } from 'date-fns';
import { parseFeed as parseAnyFeed, type AtomFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { InputError } from '../errors.js';
import { readHtml } from '../input/html.js';
import { checkDate, type InputItem, type ReadOptions } from '../input/read-inputs.js';
import type { Article } from '../model/types.js';
import { fetchUrl } from './fetch-url.js';

/** One feed entry, format-neutral; `content` is HTML from content:encoded / Atom content, `summary` from description/summary. */
export interface FeedItem {
  readonly id?: string;
  readonly title?: string;
  readonly link?: string;
  /** The date as the feed writes it (pubDate, dc:date, published or updated). */
  readonly rawDate?: string;
  readonly content?: string;
  readonly summary?: string;
}

export interface Feed {
  readonly title?: string;
  /** Where the feed came from (file path or URL); relative item links resolve against it when it is a URL. */
  readonly location: string;
  readonly items: readonly FeedItem[];
}

export interface FeedReadOptions extends ReadOptions {
  /** Plain-text characters an item's own content needs to count as the full story (default 500). */
  readonly minFullTextChars?: number;
}

export const DEFAULT_MIN_FULL_TEXT_CHARS = 500;
/** Teasers end like this even when they are long: "… [Read more]". */
const TEASER_END = /(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading)\W*$/iu;
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre';

/**
 * Parses an RSS or Atom document. Throws an InputError naming `location` when it is not a feed.
 * @example parseFeed(xml, 'news.rss').items[0]?.rawDate // 'Mon, 25 May 2020 08:00:00 -0400'
 */
export function parseFeed(xml: string, location: string): Feed {
  let parsed: ReturnType<typeof parseAnyFeed>;
  try {
    parsed = parseAnyFeed(xml);
  } catch (err) {
    throw new InputError(`${location}: not an RSS or Atom feed (${(err as Error).message})`, { file: location, cause: err });
  }
  if (parsed.format === 'atom') {
    const f = parsed.feed as AtomFeed.Feed<string>;
    return {
      location,
      title: textOf(f.title),
      items: (f.entries ?? []).map((e) => ({
        id: e.id,
        title: textOf(e.title),
        link: (e.links ?? []).find((l) => (l.rel ?? 'alternate') === 'alternate')?.href ?? e.links?.[0]?.href,
        rawDate: e.published ?? e.updated ?? e.dc?.dates?.[0],
        content: e.content?.src ? undefined : contentHtml(e.content?.value, e.content?.type),
        summary: contentHtml(e.summary?.value, e.summary?.type),
      })),
    };
  }
  if (parsed.format === 'rss' || parsed.format === 'rdf') {
    const f = parsed.feed;
    const items = (f.items ?? []) as ReadonlyArray<{
      title?: string;
      link?: string;
      description?: string;
      guid?: { value?: string };
      pubDate?: string;
      dc?: { dates?: string[] };
      content?: { encoded?: string };
      rdf?: { about?: string };
    }>;
    return {
      location,
      title: f.title ? plain(f.title) : undefined,
      items: items.map((i) => ({
        id: i.guid?.value ?? i.rdf?.about ?? i.link,
        title: i.title ? plain(i.title) : undefined,
        link: i.link,
        rawDate: i.pubDate ?? i.dc?.dates?.[0],
        content: i.content?.encoded,
        summary: i.description,
      })),
    };
  }
  throw new InputError(`${location}: a JSON feed, not RSS or Atom; convert it to JSON Lines ({"id","date","text"}) instead`, { file: location });
}

/**
 * The publication day as the feed writes it, with no time-zone shift: RFC 822 ("Mon, 25 May 2020 08:00:00 -0400")
 * or ISO 8601 ("2020-05-25T23:30:00-04:00") -> "2020-05-25". Undefined when it is neither.
 * @example feedDate('Mon, 25 May 2020 08:00:00 -0400') // '2020-05-25'
 */
export function feedDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const value = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T\s]|$)/u.exec(value);
  if (iso) return iso[1];
  // RFC 822 day-month-year, weekday optional; the clock time and zone after it do not move the day as written.
  const rfc = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4}|\d{2})\b/u.exec(value);
  if (!rfc) return undefined;
  const year = rfc[3]!.length === 2 ? String(2000 + Number(rfc[3])) : rfc[3]!;
  const day = parseDate(`${rfc[1]} ${rfc[2]!.slice(0, 3)} ${year}`, 'd MMM yyyy', new Date(2000, 0, 1));
  return isValid(day) ? format(day, 'yyyy-MM-dd') : undefined;
}

/**
 * HTML -> plain text, one paragraph per block element, blank lines between (sentence splitting needs them).
 * @example htmlText('<p>One &amp; two.</p><p>Three.</p>') // 'One & two.\n\nThree.'
 */
export function htmlText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // linkedom's NodeList is typed differently with and without the DOM lib; read it as a plain array of elements.
  const all = (selector: string): HtmlElement[] => Array.from(document.querySelectorAll(selector) as unknown as ArrayLike<HtmlElement>);
  for (const el of all('script, style, noscript, iframe, figure, figcaption')) el.remove();
  for (const br of all('br')) br.replaceWith('\n');
  const blocks = all(BLOCKS).filter((el) => !el.querySelector(BLOCKS));
  const parts: string[] = blocks.length > 0 ? blocks.map((el) => el.textContent ?? '') : (document.body?.textContent ?? '').split(/\n\s*\n/u);
  return parts
    .map((t) => t.replace(/\s+/gu, ' ').trim())
    .filter((t) => t !== '')
    .join('\n\n');
}

interface HtmlElement {
  readonly textContent: string | null;
  querySelector(selector: string): unknown;
  remove(): void;
  replaceWith(node: string): void;
}

/**
 * True when the item's own content is the whole story rather than a teaser.
 * @example holdsFullStory({ summary: 'Dockworkers walked out…' }) // false: no content, only a summary
 */
export function holdsFullStory(item: FeedItem, minChars = DEFAULT_MIN_FULL_TEXT_CHARS): boolean {
  if (!item.content) return false;
  const text = htmlText(item.content);
  return text.length >= minChars && !TEASER_END.test(text);
}

/**
 * A fingerprint of what the feed says about an item: a changed story gets a new one.
 * @example itemHash({ id: 'a', title: 'T' }) !== itemHash({ id: 'a', title: 'T (updated)' }) // true
 */
export function itemHash(item: FeedItem): string {
  return createHash('sha1').update(JSON.stringify([item.id, item.title, item.link, item.rawDate, item.content, item.summary])).digest('hex');
}

/**
 * Turns one feed item into an article: its own content when that holds the full story, else the page at its link
 * (fetched and read with Readability), else — with no link — whatever text the item has.
 * @example const article = await itemArticle(feed.items[0]!, feed, { fetch: { timeoutMs: 10_000 } });
 */
export async function itemArticle(item: FeedItem, feed: Feed, options: FeedReadOptions = {}): Promise<Article> {
  const label = item.title ?? item.id ?? item.link ?? '(untitled)';
  const where = `${feed.location} item "${label}"`;
  const fail = (reason: string, cause?: unknown): InputError => new InputError(`${where}: ${reason}`, { file: feed.location, cause });
  const link = item.link ? resolveLink(item.link, feed.location) : undefined;
  const id = item.id ?? link;
  if (!id) throw fail('no guid, id or link to identify it');
  let text: string;
  let pageDate: string | undefined;
  let pageTitle: string | undefined;
  if (holdsFullStory(item, options.minFullTextChars)) {
    text = htmlText(item.content!);
  } else if (link) {
    let read: ReturnType<typeof readHtml>;
    try {
      const page = await fetchUrl(link, options.fetch);
      if (page.kind !== 'html') throw new InputError(`${link}: a feed, not the HTML page of a story`, { file: link });
      read = readHtml(page.body, link);
    } catch (err) {
      throw fail(`summary only, and its page could not be read: ${(err as Error).message}`, err);
    }
    text = read.text;
    pageDate = read.date;
    pageTitle = read.title;
  } else {
    text = htmlText(item.content ?? item.summary ?? '');
    if (text === '') throw fail('no text and no link to fetch it from');
  }
  const date = checkDate(feedDate(item.rawDate) ?? pageDate ?? options.date, where);
  const title = item.title ?? pageTitle;
  return {
    id,
    date,
    text,
    file: feed.location,
    ...(title ? { title } : {}),
    ...(link ? { url: link } : {}),
    ...(feed.title ? { source: feed.title } : {}),
  };
}

/**
 * Every item of a feed document as an article, or an error naming the feed and the item; one bad item does not stop the rest.
 * @example for await (const x of readFeed(xml, 'world.rss')) if ('article' in x) console.log(x.article.id);
 */
export async function* readFeed(xml: string, location: string, options: FeedReadOptions = {}): AsyncGenerator<InputItem> {
  let feed: Feed;
  try {
    feed = parseFeed(xml, location);
  } catch (err) {
    yield { error: err as InputError };
    return;
  }
  for (const item of feed.items) {
    try {
      yield { article: await itemArticle(item, feed, options) };
    } catch (err) {
      yield { error: err instanceof InputError ? err : new InputError(`${location}: ${(err as Error).message}`, { file: location, cause: err }) };
    }
  }
}

function resolveLink(link: string, base: string): string {
  try {
    return new URL(link, /^https?:\/\//iu.test(base) ? base : undefined).href;
  } catch {
    return link;
  }
}

function textOf(t: { value?: string; type?: string } | undefined): string | undefined {
  if (!t?.value) return undefined;
  const s = t.type === 'html' || t.type === 'xhtml' ? htmlText(t.value) : plain(t.value);
  return s === '' ? undefined : s;
}

function contentHtml(value: string | undefined, type: string | undefined): string | undefined {
  if (!value) return undefined;
  // Atom text content is plain text: escape it so htmlText reads it back unchanged.
  if (type === undefined || type === 'text') return value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/\n\s*\n/gu, '<br><br>');
  return value;
}

function plain(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}
