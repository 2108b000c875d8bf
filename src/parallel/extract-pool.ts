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
}

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
 * Extracts a stream of inputs, yielding results in input order. At most `4 × workers` articles are in flight.
 * @example for await (const r of extractStream(readInputs(['corpus']), { workers: 2 })) console.log(r);
 */
export async function* extractStream(items: AsyncIterable<InputItem>, options: PoolOptions = {}): AsyncGenerator<Extracted> {
  const n = options.workers ?? defaultWorkers();
  const url = workerUrl();
  const withRows = options.withRows ?? false;
  if (n <= 1 || !url) {
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
  const workers = Array.from({ length: n }, () => new Worker(url));
  const idle: Worker[] = [...workers];
  const pending = new Map<number, (r: WorkerResponse) => void>();
  for (const w of workers) {
    w.on('message', (r: WorkerResponse) => {
      idle.push(w);
      pending.get(r.seq)?.(r);
      pending.delete(r.seq);
      wake?.();
    });
    w.on('error', (err) => {
      for (const resolve of pending.values()) resolve({ seq: -1, error: `worker failed: ${err.message}` });
      pending.clear();
    });
  }
  const post = (w: Worker, article: Article, rows: boolean): Promise<WorkerResponse> =>
    new Promise((resolve) => {
      const s = seq++;
      pending.set(s, resolve);
      w.postMessage({ seq: s, article, withRows: rows });
    });
  let wake: (() => void) | undefined;
  const waitIdle = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  // In-order queue of results (promises), bounded.
  const queue: Promise<Extracted>[] = [];
  const limit = n * 4;
  let seq = 0;
  try {
    for await (const item of items) {
      if ('error' in item) {
        queue.push(Promise.resolve({ error: item.error }));
      } else if (articleWindows(item.article)) {
        // A huge article: its windows spread over the workers, their records merged here.
        const article = item.article;
        const windows = articleWindows(article)!;
        const parts: Promise<WorkerResponse>[] = [];
        for (const win of windows) {
          while (idle.length === 0) await waitIdle();
          parts.push(post(idle.pop()!, windowArticle(article, win), false));
        }
        queue.push(Promise.all(parts).then((rs) => mergeParts(article, windows, rs, withRows)));
      } else {
        while (idle.length === 0) await waitIdle();
        const w = idle.pop()!;
        const s = seq++;
        const article = item.article;
        queue.push(
          new Promise<Extracted>((resolve) => {
            pending.set(s, (r) =>
              resolve(r.error !== undefined ? { article, failure: r.error } : { article, record: r.record, rows: r.rows }),
            );
            w.postMessage({ seq: s, article, withRows });
          }),
        );
      }
      while (queue.length >= limit) yield await queue.shift()!;
      // Yield finished heads early so output streams.
      while (queue.length > 0 && (await settledNow(queue[0]!))) yield await queue.shift()!;
    }
    while (queue.length > 0) yield await queue.shift()!;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** One article's record from its windows' records (or the first window's failure). */
function mergeParts(article: Article, windows: readonly Span[], rs: readonly WorkerResponse[], withRows: boolean): Extracted {
  const records: ExtractionRecord[] = [];
  for (const r of rs) {
    if (r.error !== undefined) return { article, failure: r.error };
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
