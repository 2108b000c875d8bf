// A saved web page -> an article: body, title, byline, publication date and canonical URL, read with
// Mozilla's Readability over a linkedom DOM (no regexes over markup).
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { InputError } from '../errors.js';

export interface HtmlArticle {
  readonly text: string;
  readonly title?: string;
  readonly byline?: string;
  /** YYYY-MM-DD when the page states it. */
  readonly date?: string;
  readonly url?: string;
  readonly source?: string;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

/**
 * Reads the article out of an HTML page.
 * @example readHtml('<html><head><title>T</title></head><body><article><p>China said…</p></article></body></html>', 'a.html').text
 */
export function readHtml(html: string, where: string): HtmlArticle {
  const { document } = parseHTML(html);
  const date = publishedDate(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;
  const siteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? undefined;
  // Pages with no article-like block (menus, error pages, link lists) are refused rather than half-read.
  if (!isProbablyReaderable(document as unknown as Parameters<typeof isProbablyReaderable>[0], { minContentLength: 80, minScore: 20 })) {
    throw new InputError(`${where}: no article text found in the HTML page`, { file: where });
  }
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100 }).parse();
  const paragraphs = parsed?.content ? paragraphText(parsed.content) : '';
  const text = paragraphs.trim() !== '' ? paragraphs : (parsed?.textContent ?? '').trim();
  if (text === '') throw new InputError(`${where}: no article text found in the HTML page`, { file: where });
  return {
    text,
    ...(parsed?.title ? { title: parsed.title } : {}),
    ...(parsed?.byline ? { byline: parsed.byline } : {}),
    ...(date ? { date } : {}),
    ...(canonical ? { url: canonical } : {}),
    ...(siteName ?? parsed?.siteName ? { source: (siteName ?? parsed?.siteName)! } : {}),
  };
}

/** Readability's cleaned HTML -> one paragraph per block, separated by blank lines (sentence splitting needs them). */
function paragraphText(content: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const blocks = elements(document.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre'))
    .filter((el) => !el.querySelector('p, li, blockquote'))
    .map((el) => (el.textContent ?? '').replace(/\s+/gu, ' ').trim())
    .filter((t) => t !== '');
  return blocks.join('\n\n');
}

/** The DOM's element list as an array, whichever DOM typings the compiler sees. */
interface El {
  readonly textContent: string | null;
  querySelector(selector: string): unknown;
}
function elements(list: unknown): El[] {
  return Array.from(list as ArrayLike<El>);
}

function publishedDate(document: ReturnType<typeof parseHTML>['document']): string | undefined {
  for (const sel of DATE_META) {
    const v = document.querySelector(sel)?.getAttribute('content');
    const d = isoDay(v);
    if (d) return d;
  }
  for (const script of elements(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const d = findDatePublished(JSON.parse(script.textContent ?? ''));
      if (d) return d;
    } catch {
      // A broken JSON-LD block is ignored; the page may still date itself elsewhere.
    }
  }
  return isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime'));
}

function findDatePublished(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const d = findDatePublished(n);
      if (d) return d;
    }
    return undefined;
  }
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const d = isoDay(typeof o.datePublished === 'string' ? o.datePublished : undefined);
    if (d) return d;
    if (o['@graph']) return findDatePublished(o['@graph']);
  }
  return undefined;
}

/** The calendar day as written in the timestamp (no time-zone shift): "2020-05-25T08:00:00-04:00" -> 2020-05-25. */
function isoDay(value: string | null | undefined): string | undefined {
  const m = value ? /^(\d{4}-\d{2}-\d{2})/u.exec(value.trim()) : null;
  return m?.[1];
}
