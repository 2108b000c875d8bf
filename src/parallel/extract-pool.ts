// Extraction on worker threads with ordered output and a bounded number of articles in flight (flat memory).
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { articleWindows, EXTRACTOR_VERSION, extract, windowArticle } from '../extract.js';
import { mergeWindows } from '../pipeline/merge-windows.js';
import { toGraph } from '../graph/to-graph.js';
import type { GraphRows } from '../graph/types.js';
import type { InputError } from '../errors.js';
import type { InputItem } from '../input/read-inputs.js';
import type { Article, ExtractionRecord, Span } from '../model/types.js';
import type { WorkerResponse } from './messages.js';

/** `exact`: rows read back from `newsgraph export`, loaded as they are (no reprint check, no actor re-keying). */
export type Extracted =
  | { readonly article: Article; readonly record: ExtractionRecord; readonly rows?: GraphRows; readonly exact?: boolean }
  | { readonly article: Article; readonly failure: string }
  | { readonly error: InputError };

export interface PoolOptions {
  /** Worker threads; 1 (or no compiled worker) extracts on the calling thread. Default: all cores. */
  readonly workers?: number;
  /** Also build graph rows (for loading). */
  readonly withRows?: boolean;
  /** Workers already started (and warmed up) to use instead of starting new ones; the caller closes it. */
  readonly pool?: ExtractPool;
}

/** Articles queued per worker: the next one is already in its port when it finishes one, so it never waits for us. */
const PER_WORKER = 2;

/** The compiled worker next to this module, or undefined when running from TypeScript sources (tests). */
function workerUrl(): URL | undefined {
  const url = new URL('./extract-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Default worker count: every core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A set of extraction worker threads (each loads the model once), reusable across streams; `close` ends them.
 * Each worker holds up to PER_WORKER articles, sent to the one with the fewest.
 * @example const pool = ExtractPool.start(2); await pool.extract(article, true); await pool.close();
 */
export class ExtractPool {
  private readonly load: number[];
  private readonly pending = new Map<number, (r: WorkerResponse) => void>();
  private readonly waiting: (() => void)[] = [];
  private seq = 0;

  private constructor(private readonly workers: readonly Worker[]) {
    this.load = workers.map(() => 0);
    workers.forEach((w, i) => {
      w.on('message', (r: WorkerResponse) => {
        this.load[i]! -= 1;
        const resolve = this.pending.get(r.seq);
        this.pending.delete(r.seq);
        resolve?.(r);
        this.waiting.shift()?.();
      });
      w.on('error', (err) => {
        for (const resolve of this.pending.values()) resolve({ seq: -1, error: `worker failed: ${err.message}` });
        this.pending.clear();
        this.load.fill(0);
        for (const wake of this.waiting.splice(0)) wake();
      });
    });
  }

  /** Starts n workers; undefined when there is no compiled worker (running from TypeScript sources). */
  static start(n: number): ExtractPool | undefined {
    const url = workerUrl();
    if (!url || n < 1) return undefined;
    return new ExtractPool(Array.from({ length: n }, () => new Worker(url)));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends one article to the least loaded worker (waiting while all are full); resolves with its result. */
  async extract(article: Article, withRows: boolean): Promise<Extracted> {
    let i = this.leastLoaded();
    while (this.load[i]! >= PER_WORKER) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      i = this.leastLoaded();
    }
    const s = this.seq++;
    this.load[i]! += 1;
    return new Promise<Extracted>((resolve) => {
      this.pending.set(s, (r) => resolve(r.error !== undefined ? { article, failure: r.error } : { article, record: r.record, rows: r.rows }));
      this.workers[i]!.postMessage({ seq: s, article, withRows });
    });
  }

  /** Runs the articles through every worker and waits (JIT and lazy loading done before anything is timed). */
  async warmUp(articles: readonly Article[], withRows = true): Promise<void> {
    await Promise.all(articles.map((a) => this.extract(a, withRows)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private leastLoaded(): number {
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    return best;
  }
}

/**
 * Extracts a stream of inputs, yielding results in input order. At most `4 × workers` articles are in flight.
 * @example for await (const r of extractStream(readInputs(['corpus']), { workers: 2 })) console.log(r);
 */
export async function* extractStream(items: AsyncIterable<InputItem>, options: PoolOptions = {}): AsyncGenerator<Extracted> {
  const n = options.pool?.size ?? options.workers ?? defaultWorkers();
  const withRows = options.withRows ?? false;
  const pool = options.pool ?? (n > 1 ? ExtractPool.start(n) : undefined);
  if (!pool) {
    for await (const item of items) {
      if ('error' in item) {
        yield { error: item.error };
        continue;
      }
      try {
        const record = extract(item.article);
        yield { article: item.article, record, rows: withRows ? toGraph(item.article, record, EXTRACTOR_VERSION) : undefined };
      } catch (err) {
        yield { article: item.article, failure: (err as Error).message };
      }
    }
    return;
  }
  // In-order queue of results (promises), bounded.
  const queue: Promise<Extracted>[] = [];
  const limit = pool.size * 4;
  try {
    for await (const item of items) {
      const windows = 'error' in item ? undefined : articleWindows(item.article);
      if ('error' in item) {
        queue.push(Promise.resolve({ error: item.error }));
      } else if (windows) {
        const article = item.article;
        // A huge article: its windows spread over the workers, their records merged here.
        const parts = windows.map((win) => pool.extract(windowArticle(article, win), false));
        queue.push(Promise.all(parts).then((rs) => mergeParts(article, windows, rs, withRows)));
      } else {
        queue.push(pool.extract(item.article, withRows));
      }
      while (queue.length >= limit) yield await queue.shift()!;
      // Yield finished heads early so output streams.
      while (queue.length > 0 && (await settledNow(queue[0]!))) yield await queue.shift()!;
    }
    while (queue.length > 0) yield await queue.shift()!;
  } finally {
    if (!options.pool) await pool.close();
  }
}

/** One article's record from its windows' records (or the first window's failure). */
function mergeParts(article: Article, windows: readonly Span[], rs: readonly Extracted[], withRows: boolean): Extracted {
  const records: ExtractionRecord[] = [];
  for (const r of rs) {
    if ('failure' in r) return { article, failure: r.failure };
    if ('error' in r) return r;
    records.push(r.record);
  }
  try {
    const record = mergeWindows(article, records.map((r, i) => ({ offset: windows[i]!.start, record: r })));
    return { article, record, rows: withRows ? toGraph(article, record, EXTRACTOR_VERSION) : undefined };
  } catch (err) {
    return { article, failure: (err as Error).message };
  }
}

async function settledNow(p: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  const r = await Promise.race([p, Promise.resolve(marker)]);
  return r !== marker;
}
