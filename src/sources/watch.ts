// Keeps a store current: polls folders and feed URLs, ingests new or changed files and new feed items.
// "watch(['inbox', 'https://news.example/world.rss'], store, { intervalMs: 900_000, signal })" -> runs until aborted
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ConfigError, InputError } from '../errors.js';
import { ingest, type IngestFailure } from '../ingest.js';
import { INPUT_EXTENSIONS, readInputs } from '../input/read-inputs.js';
import type { Article } from '../model/types.js';
import type { GraphStore, LoadOutcome } from '../store/types.js';
import { itemArticle, itemHash, parseFeed, type FeedReadOptions } from './feed.js';
import { fetchUrl, isUrl } from './fetch-url.js';
import { formatInterval } from './parse-interval.js';
import { pageArticle } from './read-url.js';

export interface WatchOptions extends FeedReadOptions {
  /** Time between polls of each source (default 15 minutes). */
  readonly intervalMs?: number;
  /** Poll every source once and return. */
  readonly once?: boolean;
  /** Aborting it stops the watch after the article in hand; the promise then resolves. */
  readonly signal?: AbortSignal;
  /** Longest wait before retrying a source that is down (default: the interval, at least 1 hour). */
  readonly maxBackoffMs?: number;
  /** Tries for a feed item whose page cannot be read before it is left alone until it changes (default 3). */
  readonly maxItemAttempts?: number;
  /** Extraction worker threads (default 1: a watch handles a trickle of articles). */
  readonly workers?: number;
  readonly batchSize?: number;
  /** Progress and trouble with a source (the CLI prints these on stderr). */
  readonly log?: (line: string) => void;
  readonly onArticle?: (article: Article, outcome: LoadOutcome) => void;
  /** A file, item or article that failed. */
  readonly onError?: (failure: IngestFailure) => void;
}

export interface WatchSummary {
  polls: number;
  created: number;
  replaced: number;
  unchanged: number;
  /** Articles, files and items that failed, and polls of a source that was down. */
  failed: number;
}

export const DEFAULT_INTERVAL_MS = 15 * 60_000;
const FIRST_RETRY_MAX_MS = 30_000;

interface PathSource {
  readonly kind: 'path';
  readonly path: string;
  /** File -> "mtime:size" when it was last read. */
  readonly files: Map<string, string>;
  nextDue: number;
}

interface UrlSource {
  readonly kind: 'url';
  readonly url: string;
  /** Item key -> item hash, once ingested (or given up on). Unchanged items cost nothing. */
  readonly seen: Map<string, string>;
  readonly attempts: Map<string, number>;
  failures: number;
  nextDue: number;
  etag?: string;
  lastModified?: string;
}

type Source = PathSource | UrlSource;

/**
 * Polls folders (new or changed files) and feed or page URLs (new or changed items) and ingests what is new.
 * A source that is down is logged and retried with exponential backoff; the others go on. Resolves when
 * `signal` aborts (after the current article) or, with `once`, after one round.
 * @example await watch(['inbox', 'https://news.example/world.rss'], store, { intervalMs: 60_000, signal: controller.signal, log: console.error });
 */
export async function watch(targets: readonly string[], store: GraphStore, options: WatchOptions = {}): Promise<WatchSummary> {
  if (targets.length === 0) throw new ConfigError('watch needs at least one folder, file or feed URL', { option: 'targets' });
  const interval = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const maxBackoff = options.maxBackoffMs ?? Math.max(interval, 3_600_000);
  const maxAttempts = options.maxItemAttempts ?? 3;
  // A file written in the last moments may still be growing: it is read at the next poll.
  const settleMs = options.once ? 0 : Math.min(1000, interval / 2);
  const signal = options.signal ?? new AbortController().signal;
  const log = options.log ?? ((): void => undefined);
  const summary: WatchSummary = { polls: 0, created: 0, replaced: 0, unchanged: 0, failed: 0 };

  const sources: Source[] = [];
  for (const target of targets) {
    if (isUrl(target)) {
      sources.push({ kind: 'url', url: target, seen: new Map(), attempts: new Map(), failures: 0, nextDue: 0 });
      continue;
    }
    try {
      await stat(target);
    } catch (err) {
      throw new ConfigError(`watch: cannot read "${target}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); name an existing folder or file`, { option: 'targets', cause: err });
    }
    sources.push({ kind: 'path', path: target, files: new Map(), nextDue: 0 });
  }

  const report = (f: IngestFailure): void => {
    summary.failed += 1;
    options.onError?.(f);
  };
  /** Where an article came from, to mark it seen once the store has it. */
  const pending = new Map<string, { source: UrlSource; key: string; hash: string }>();
  const itemFailed = (source: UrlSource, key: string, hash: string): void => {
    const n = (source.attempts.get(key) ?? 0) + 1;
    source.attempts.set(key, n);
    // A conditional GET would hide the item from the next poll: ask for the whole feed again.
    source.etag = undefined;
    source.lastModified = undefined;
    if (n >= maxAttempts) {
      source.seen.set(key, hash);
      log(`watch: ${source.url}: gave up on item "${key}" after ${n} attempts; it is tried again when the feed changes it`);
    }
  };
  const sourceDown = (source: UrlSource, err: unknown): void => {
    summary.failed += 1;
    source.failures += 1;
    const delay = Math.min(Math.min(interval, FIRST_RETRY_MAX_MS) * 2 ** (source.failures - 1), maxBackoff);
    source.nextDue = Date.now() + delay;
    const message = err instanceof InputError ? err.message : `${source.url}: ${(err as Error).message}`;
    log(options.once ? `watch: ${message}` : `watch: ${message}; retry ${source.failures} in ${formatInterval(delay)}`);
  };

  async function* fromPath(source: PathSource): AsyncGenerator<Article> {
    let files: string[];
    try {
      files = await scan(source.path);
    } catch (err) {
      report({ file: source.path, message: `${source.path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
      return;
    }
    const present = new Set(files);
    for (const known of [...source.files.keys()]) if (!present.has(known)) source.files.delete(known);
    for (const file of files) {
      if (signal.aborted) return;
      let fingerprint: string;
      try {
        const s = await stat(file);
        if (Date.now() - s.mtimeMs < settleMs) continue;
        fingerprint = `${s.mtimeMs}:${s.size}`;
      } catch {
        continue; // removed between the scan and now
      }
      if (source.files.get(file) === fingerprint) continue;
      // Marked before reading: a bad file is reported once, and again only when it changes.
      source.files.set(file, fingerprint);
      for await (const item of readInputs([file], options)) {
        if ('error' in item) {
          report({ file: item.error.file, line: item.error.line, message: item.error.message });
          continue;
        }
        if (signal.aborted) {
          source.files.delete(file);
          return;
        }
        yield item.article;
      }
    }
  }

  async function* fromUrl(source: UrlSource): AsyncGenerator<Article> {
    let fetched: Awaited<ReturnType<typeof fetchUrl>>;
    try {
      const headers: Record<string, string> = {
        ...(source.etag ? { 'if-none-match': source.etag } : {}),
        ...(source.lastModified ? { 'if-modified-since': source.lastModified } : {}),
      };
      fetched = await fetchUrl(source.url, { ...options.fetch, signal, headers: { ...options.fetch?.headers, ...headers } });
    } catch (err) {
      if (signal.aborted) return; // stopped mid-request: nothing was read, nothing failed
      sourceDown(source, err);
      return;
    }
    const recovered = source.failures > 0;
    source.failures = 0;
    source.nextDue = Date.now() + interval;
    if (recovered) log(`watch: ${source.url}: back`);
    if (fetched.status === 304) return;
    let clean = true;
    if (fetched.kind === 'feed') {
      let feed: ReturnType<typeof parseFeed>;
      try {
        feed = parseFeed(fetched.body, source.url);
      } catch (err) {
        sourceDown(source, err);
        return;
      }
      // Only items still in the feed are remembered: the set stays the size of the feed.
      const current = new Set(feed.items.map((i) => i.id ?? i.link ?? ''));
      for (const key of [...source.seen.keys()]) if (!current.has(key)) source.seen.delete(key);
      for (const key of [...source.attempts.keys()]) if (!current.has(key)) source.attempts.delete(key);
      for (const item of feed.items) {
        if (signal.aborted) return;
        const key = item.id ?? item.link ?? '';
        const hash = itemHash(item);
        if (source.seen.get(key) === hash) continue;
        let article: Article;
        try {
          article = await itemArticle(item, feed, { ...options, fetch: { ...options.fetch, signal } });
        } catch (err) {
          if (signal.aborted) return;
          clean = false;
          report({ file: source.url, message: (err as Error).message });
          itemFailed(source, key, hash);
          continue;
        }
        pending.set(article.id, { source, key, hash });
        yield article;
      }
    } else {
      let article: Article;
      try {
        article = pageArticle(fetched.body, source.url, fetched.url, options);
      } catch (err) {
        report({ file: source.url, message: (err as Error).message });
        return;
      }
      const hash = createHash('sha1').update(JSON.stringify([article.date, article.title, article.text])).digest('hex');
      if (source.seen.get(source.url) === hash) return;
      pending.set(article.id, { source, key: source.url, hash });
      yield article;
    }
    if (clean) {
      source.etag = fetched.etag;
      source.lastModified = fetched.lastModified;
    }
  }

  async function* due(): AsyncGenerator<Article> {
    const now = Date.now();
    for (const source of sources) {
      if (signal.aborted) return;
      if (source.nextDue > now) continue;
      if (source.kind === 'path') {
        source.nextDue = now + interval;
        yield* fromPath(source);
      } else {
        yield* fromUrl(source);
      }
    }
  }

  while (!signal.aborted) {
    summary.polls += 1;
    const round = await ingest(due(), store, {
      workers: options.workers ?? 1,
      batchSize: options.batchSize,
      onArticle: (article, outcome) => {
        const from = pending.get(article.id);
        pending.delete(article.id);
        if (from) {
          from.source.seen.set(from.key, from.hash);
          from.source.attempts.delete(from.key);
        }
        options.onArticle?.(article, outcome);
      },
      onError: (f) => {
        const from = f.articleId !== undefined ? pending.get(f.articleId) : undefined;
        if (from) {
          pending.delete(f.articleId!);
          itemFailed(from.source, from.key, from.hash);
        }
        options.onError?.(f);
      },
    });
    summary.created += round.created;
    summary.replaced += round.replaced;
    summary.unchanged += round.unchanged;
    summary.failed += round.failed;
    if (options.once) break;
    const next = Math.min(...sources.map((s) => s.nextDue));
    await sleep(Math.max(0, next - Date.now()), signal);
  }
  return summary;
}

/** The input files under a folder (or the file itself), sorted; hidden files are skipped. */
async function scan(path: string): Promise<string[]> {
  const s = await stat(path);
  if (!s.isDirectory()) return [path];
  const out: string[] = [];
  const entries = await readdir(path, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...(await scan(p)));
    else if (INPUT_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
