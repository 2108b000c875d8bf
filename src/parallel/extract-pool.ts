// Extraction on worker threads with ordered output and a bounded number of articles in flight (flat memory).
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { articleWindows, EXTRACTOR_VERSION, extract, windowArticle } from '../extract.js';
import { WindowMerger } from '../pipeline/merge-windows.js';
import { toGraph } from '../graph/to-graph.js';
import type { GraphRows } from '../graph/types.js';
import type { InputError } from '../errors.js';
import type { InputItem } from '../input/read-inputs.js';
import type { Article, ExtractionRecord, Span } from '../model/types.js';
import type { WorkerRequest, WorkerResponse } from './messages.js';

/**
 * `exact`: rows read back from `newsgraph export`, loaded as they are (no reprint check, no actor re-keying).
 * `abridged`: a huge article extracted with rows: `record` holds its entities without their mentions and nothing
 * else; the rows hold everything (their events deferred to files: see WindowMerger.graph).
 */
export type Extracted =
  | { readonly article: Article; readonly record: ExtractionRecord; readonly rows?: GraphRows; readonly exact?: boolean; readonly abridged?: boolean }
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
 * Old-space limit of each worker's V8 heap (MB). Without one V8 lets a busy worker's heap grow for minutes before it
 * collects, so an ingest's memory would climb with its length; a 128K-character window of a huge article needs
 * well under half of it. A worker that still runs out fails its article and is replaced.
 */
export const WORKER_HEAP_MB = 192;

/** One worker and the requests it holds. */
interface Slot {
  worker: Worker;
  /** The requests posted to the worker and not answered yet, oldest (the one it is working on) first. */
  readonly held: Map<number, WorkerRequest>;
  /** Deaths since the worker last answered; at RESPAWN_LIMIT the slot stays dead, with this reason. */
  deaths: number;
  dead?: string;
}

/** A worker that dies this many times in a row without answering is not started again (it can't even load). */
const RESPAWN_LIMIT = 3;

/**
 * A set of extraction worker threads (each loads the model once), reusable across streams; `close` ends them.
 * Each worker holds up to PER_WORKER articles, sent to the one with the fewest. A worker that dies (out of memory)
 * fails only the articles it held and is replaced by a new one.
 * @example const pool = ExtractPool.start(2); await pool.extract(article, true); await pool.close();
 */
export class ExtractPool {
  private readonly slots: Slot[];
  private readonly pending = new Map<number, (r: WorkerResponse) => void>();
  private readonly waiting: (() => void)[] = [];
  private seq = 0;
  private closing = false;

  private constructor(
    private readonly url: URL,
    n: number,
    private readonly heapMb: number,
  ) {
    this.slots = Array.from({ length: n }, () => ({ worker: this.spawn(), held: new Map<number, WorkerRequest>(), deaths: 0 }));
    this.slots.forEach((slot) => this.watch(slot));
  }

  private spawn(): Worker {
    return new Worker(this.url, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
  }

  private watch(slot: Slot): void {
    const w = slot.worker;
    w.on('message', (r: WorkerResponse) => {
      slot.deaths = 0;
      slot.held.delete(r.seq);
      this.settle(r.seq, r);
    });
    const lost = (why: string): void => {
      if (slot.worker !== w) return; // already replaced ('error' is followed by 'exit')
      // The oldest request is the one the worker died on; those queued behind it go to its replacement.
      const [first, ...queued] = [...slot.held.values()];
      slot.held.clear();
      const fail = (r: WorkerRequest): void => this.settle(r.seq, { seq: r.seq, error: `worker failed: ${why}` });
      if (first) fail(first);
      slot.deaths += 1;
      if (this.closing || slot.deaths >= RESPAWN_LIMIT) {
        if (!this.closing) slot.dead = why;
        queued.forEach(fail);
        for (const wake of this.waiting.splice(0)) wake();
        return;
      }
      slot.worker = this.spawn();
      this.watch(slot);
      for (const r of queued) this.post(slot, r);
    };
    w.on('error', (err) => lost(err.message));
    w.on('exit', (code) => lost(`worker exited with code ${code}`));
  }

  private settle(seq: number, r: WorkerResponse): void {
    const resolve = this.pending.get(seq);
    this.pending.delete(seq);
    resolve?.(r);
    this.waiting.shift()?.();
  }

  /** Starts n workers; undefined when there is no compiled worker (running from TypeScript sources). */
  static start(n: number, heapMb = WORKER_HEAP_MB): ExtractPool | undefined {
    const url = workerUrl();
    if (!url || n < 1) return undefined;
    return new ExtractPool(url, n, heapMb);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Sends one article to the least loaded worker (waiting while all are full); resolves with its result. */
  async extract(article: Article, withRows: boolean): Promise<Extracted> {
    let slot = this.leastLoaded();
    while (slot && slot.held.size >= PER_WORKER) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.leastLoaded();
    }
    if (!slot) return { article, failure: `worker failed: ${this.slots[0]!.dead}` };
    const s = this.seq++;
    const target = slot;
    return new Promise<Extracted>((resolve) => {
      this.pending.set(s, (r) => resolve(r.error !== undefined ? { article, failure: r.error } : { article, record: r.record, rows: r.rows }));
      this.post(target, { seq: s, article, withRows });
    });
  }

  private post(slot: Slot, req: WorkerRequest): void {
    slot.held.set(req.seq, req);
    slot.worker.postMessage(req);
  }

  /** Runs the articles through every worker and waits (JIT and lazy loading done before anything is timed). */
  async warmUp(articles: readonly Article[], withRows = true): Promise<void> {
    await Promise.all(articles.map((a) => this.extract(a, withRows)));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** The live worker holding the fewest articles; undefined when every worker is dead. */
  private leastLoaded(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (!s.dead && (!best || s.held.size < best.held.size)) best = s;
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
      const windows = articleWindows(item.article);
      if (windows) {
        yield await extractWindows(item.article, windows, 1, withRows, async (a) => ({ article: a, record: extract(a) }));
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
        // A huge article: its windows spread over the workers, their records merged here as they come.
        queue.push(extractWindows(item.article, windows, pool.size * PER_WORKER + 1, withRows, (a) => pool.extract(a, false)));
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

/**
 * A huge article's record (or rows) from its windows, at most `inFlight` of them extracting at once and each folded
 * into the merger as soon as the windows before it are in, so memory holds a few window records, not all of them.
 * With `withRows` the windows' events are spilled to files and the rows defer them (the caller disposes of them);
 * the first window that fails fails the article.
 */
async function extractWindows(
  article: Article,
  windows: readonly Span[],
  inFlight: number,
  withRows: boolean,
  extractWindow: (window: Article) => Promise<Extracted>,
): Promise<Extracted> {
  const merger = new WindowMerger(article, { spill: withRows });
  const started: Promise<Extracted>[] = [];
  const start = (w: number): Promise<Extracted> => extractWindow(windowArticle(article, windows[w]!)).catch((err: Error) => ({ article, failure: err.message }));
  try {
    for (let w = 0; w < windows.length; w += 1) {
      while (started.length < windows.length && started.length < w + inFlight) started.push(start(started.length));
      const r = await started[w]!;
      delete started[w];
      if ('failure' in r) return fail(merger, { article, failure: r.failure });
      if ('error' in r) return fail(merger, r);
      merger.add(windows[w]!.start, r.record);
    }
    if (!withRows) return { article, record: merger.record() };
    const { record, rows } = merger.graph(EXTRACTOR_VERSION);
    return { article, record, rows, abridged: true };
  } catch (err) {
    return fail(merger, { article, failure: (err as Error).message });
  }
}

function fail(merger: WindowMerger, result: Extracted): Extracted {
  merger.dispose();
  return result;
}

async function settledNow(p: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  const r = await Promise.race([p, Promise.resolve(marker)]);
  return r !== marker;
}
