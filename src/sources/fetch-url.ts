// One http(s) GET with the limits a news reader needs: a timeout, a body-size cap (streamed, aborted past it),
// bounded redirects and a content-type verdict. "https://example.com/feed" -> { kind: 'feed', body: '<rss…' }
import { InputError } from '../errors.js';

export interface FetchOptions {
  /** Whole request, headers and body (default 30 s). */
  readonly timeoutMs?: number;
  /** Largest body read; past it the download is aborted (default 10 MiB). */
  readonly maxBodyBytes?: number;
  /** Redirects followed before giving up (default 5). */
  readonly maxRedirects?: number;
  /** Extra request headers (watch sends If-None-Match / If-Modified-Since). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Cancels the request (watch passes its stop signal). */
  readonly signal?: AbortSignal;
}

export type BodyKind = 'html' | 'feed';

export interface Fetched {
  /** The URL that answered, after redirects. */
  readonly url: string;
  readonly status: number;
  /** 'html' or 'feed'; absent only for 304 Not Modified. */
  readonly kind?: BodyKind;
  readonly contentType: string;
  readonly body: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'newsgraph (+https://www.npmjs.com/package/newsgraph)';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml']);

/**
 * True for the inputs that name a web resource rather than a file.
 * @example isUrl('https://news.example/world.rss') // true; isUrl('corpus/a.txt') // false
 */
export function isUrl(input: string): boolean {
  return /^https?:\/\//iu.test(input);
}

/**
 * Fetches a page or feed. Every failure is an InputError naming the URL and the reason: network, timeout,
 * HTTP status, too many redirects, oversized body, or a content type that is neither HTML nor RSS/Atom.
 * @example const { kind, body } = await fetchUrl('https://news.example/feed.xml', { timeoutMs: 10_000 });
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = (): void => controller.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) controller.abort();
  const fail = (reason: string, cause?: unknown): InputError => new InputError(`${url}: ${reason}`, { file: url, cause });
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      let target: URL;
      try {
        target = new URL(current);
      } catch (err) {
        throw fail(`not a valid URL ("${current}")`, err);
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw fail(`redirected to ${current}, which is not http(s)`);
      let res: Response;
      try {
        res = await fetch(target, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'user-agent': USER_AGENT, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1', ...options.headers },
        });
      } catch (err) {
        if (timedOut) throw fail(`no answer within ${timeoutMs} ms (timeout); try again later or raise --timeout`, err);
        if (options.signal?.aborted) throw fail('request cancelled', err);
        throw fail(`cannot connect (${networkReason(err)})`, err);
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw fail(`HTTP ${res.status} redirect without a Location header`);
        if (hop >= maxRedirects) throw fail(`more than ${maxRedirects} redirects (last to ${new URL(location, target).href})`);
        current = new URL(location, target).href;
        continue;
      }
      const etag = res.headers.get('etag') ?? undefined;
      const lastModified = res.headers.get('last-modified') ?? undefined;
      const meta = { url: current, status: res.status, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return { ...meta, contentType: '', body: '' };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw fail(`HTTP ${res.status} ${res.statusText}`.trimEnd() + (current !== url ? ` (at ${current})` : ''));
      }
      const contentType = res.headers.get('content-type') ?? '';
      const mime = contentType.split(';')[0]!.trim().toLowerCase();
      const declared = HTML_TYPES.has(mime) ? 'html' : FEED_TYPES.has(mime) || mime.endsWith('+xml') ? 'feed' : undefined;
      if (!declared && mime !== '' && mime !== 'application/octet-stream') {
        await res.body?.cancel().catch(() => undefined);
        throw fail(`content type "${mime}" is neither an HTML page nor an RSS/Atom feed`);
      }
      const length = Number(res.headers.get('content-length') ?? NaN);
      if (length > max) {
        await res.body?.cancel().catch(() => undefined);
        throw fail(`response of ${length} bytes is over the limit of ${max} bytes; raise it with --max-body-bytes`);
      }
      let bytes: Buffer;
      try {
        bytes = await readCapped(res, max);
      } catch (err) {
        if (err instanceof InputError) throw fail(err.message);
        if (timedOut) throw fail(`body not complete within ${timeoutMs} ms (timeout); try again later or raise --timeout`, err);
        if (options.signal?.aborted) throw fail('request cancelled', err);
        throw fail(`connection lost while reading (${networkReason(err)})`, err);
      }
      const body = decode(bytes, contentType);
      const kind = declared ?? sniff(body);
      if (!kind) throw fail(`content is neither an HTML page nor an RSS/Atom feed (no content type; starts "${body.slice(0, 40).replace(/\s+/gu, ' ')}")`);
      return { ...meta, kind, contentType, body };
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** Reads the body chunk by chunk and cancels the download as soon as it passes `max` bytes. */
async function readCapped(res: Response, max: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new InputError(`response is over the limit of ${max} bytes (download stopped); raise it with --max-body-bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Buffer, contentType: string): string {
  const charset = /charset="?([\w.:-]+)"?/iu.exec(contentType)?.[1];
  let text: string;
  try {
    text = new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes); // an unknown charset label: read it as UTF-8
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Without a content type: an XML prolog or <rss>/<feed>/<rdf:RDF> root is a feed, <html> a page. */
function sniff(body: string): BodyKind | undefined {
  const head = body.slice(0, 1024).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)[\s>]/u.test(head)) return 'feed';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return undefined;
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
