// Inputs -> extraction (worker threads) -> graph rows -> store in batches (one transaction each), loading one
// batch while the next is extracted; a failed batch is retried article by article; failures are reported.
import { EXTRACTOR_VERSION } from './extract.js';
import { AliasIndex, rekeyWithAliases } from './actors/alias-index.js';
import { duplicateRows, loadDuplicateIndex, signatureOf, type DuplicateIndex } from './dedup/duplicate-index.js';
import { CLASS_LABEL, toGraph } from './graph/to-graph.js';
import { rekeyRows, type Rekey } from './graph/rekey-rows.js';
import type { EntityClass, ExtractionRecord } from './model/types.js';
import { StoreLockedError, StoreUnavailableError, type InputError } from './errors.js';
import type { GraphRows } from './graph/types.js';
import { readInputs, type InputItem, type ReadOptions } from './input/read-inputs.js';
import type { Article } from './model/types.js';
import { extractStream, type Extracted } from './parallel/extract-pool.js';
import type { GraphStore, LoadOutcome } from './store/types.js';

export interface IngestFailure {
  readonly file?: string;
  readonly line?: number;
  readonly articleId?: string;
  readonly message: string;
}

export interface IngestSummary {
  read: number;
  created: number;
  replaced: number;
  unchanged: number;
  failed: number;
  /** Articles loaded as reprints (DUPLICATE_OF an earlier report; counted in created/replaced/unchanged too). */
  duplicates: number;
  readonly failures: IngestFailure[];
}

export interface IngestOptions extends ReadOptions {
  /** Extraction worker threads (default: every core; 1 = on this thread). */
  readonly workers?: number;
  /** Called for every failed input as it happens (the CLI prints it on stderr). */
  readonly onError?: (failure: IngestFailure) => void;
  /** Articles per load transaction (default 200; 1 = one transaction per article). */
  readonly batchSize?: number;
  /** Called after each article with its outcome. */
  readonly onArticle?: (article: Article, outcome: LoadOutcome) => void;
  /** Load near-duplicates (reprints of an earlier article) whole instead of linking them DUPLICATE_OF it. */
  readonly keepDuplicates?: boolean;
  /** Estimated Jaccard similarity of word shingles from which an article is a reprint (default DUPLICATE_THRESHOLD, 0.7). */
  readonly duplicateThreshold?: number;
}

/**
 * Extracts and loads articles into a store. A failing article is reported and skipped; a store that fails
 * (unreachable, locked) stops the run by throwing.
 * @example const summary = await ingest(['corpus'], await openStore({ store: 'embedded', db: './.newsgraph' }));
 */
export async function ingest(
  inputs: readonly string[] | AsyncIterable<Article> | Iterable<Article>,
  store: GraphStore,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  return loadExtracted(extractStream(items(inputs, options), { workers: options.workers, withRows: true }), store, options);
}

/**
 * Loads already-extracted articles (from the worker pool, or records read back by `newsgraph load`) in batches,
 * with the same failure handling and duplicate-id check as ingest.
 * @example await loadExtracted(readRecords(['part1.jsonl']), store)
 */
export async function loadExtracted(
  stream: AsyncIterable<Extracted>,
  store: GraphStore,
  options: Omit<IngestOptions, 'workers' | keyof ReadOptions> = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, created: 0, replaced: 0, unchanged: 0, failed: 0, duplicates: 0, failures: [] };
  const fail = (f: IngestFailure): void => {
    summary.failed += 1;
    summary.failures.push(f);
    options.onError?.(f);
  };
  await store.ensureSchema();
  const actors = await knownActors(store);
  const reprints: DuplicateIndex | undefined = options.keepDuplicates ? undefined : await loadDuplicateIndex(store, options.duplicateThreshold);
  const seen = new Map<string, { where: string; hash: string }>();
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  let batch: Pending[] = [];
  let loading: Promise<void> | undefined;

  // One batch loads while the next fills from extraction: at most two batches of rows are held (flat memory).
  const settle = (done: Pending[], outcomes: LoadOutcome[]): void => {
    done.forEach((p, i) => {
      summary[outcomes[i]!] += 1;
      options.onArticle?.(p.article, outcomes[i]!);
    });
  };
  const load = async (todo: Pending[]): Promise<void> => {
    try {
      await loadOrIsolate(todo);
    } finally {
      for (const p of todo) p.rows.deferred?.dispose();
    }
  };
  const loadOrIsolate = async (todo: Pending[]): Promise<void> => {
    try {
      settle(todo, await store.loadArticles(todo.map((p) => p.rows)));
      return;
    } catch (err) {
      if (fatal(err) || todo.length === 1) return reportOrThrow(err, todo[0]!);
    }
    // The batch was rolled back whole: load its articles one by one to isolate the bad one.
    for (const p of todo) {
      try {
        settle([p], [await store.loadArticle(p.rows)]);
      } catch (err) {
        reportOrThrow(err, p);
      }
    }
  };
  const reportOrThrow = (err: unknown, p: Pending): void => {
    if (fatal(err)) throw err;
    fail({ file: p.article.file, line: p.article.line, articleId: p.article.id, message: `${p.where}: ${(err as Error).message}` });
  };
  const flush = async (): Promise<void> => {
    if (loading) await loading;
    loading = undefined;
    if (batch.length === 0) return;
    const todo = batch;
    batch = [];
    loading = load(todo);
    loading.catch(() => undefined); // awaited (and rethrown) at the next flush
  };

  try {
    for await (const result of stream) {
      if ('error' in result) {
        fail({ file: result.error.file, line: result.error.line, message: result.error.message });
        continue;
      }
      const article = result.article;
      const where = article.line !== undefined ? `${article.file}:${article.line}` : (article.file ?? article.id);
      summary.read += 1;
      if ('failure' in result) {
        fail({ file: article.file, line: article.line, articleId: article.id, message: `${where}: ${result.failure}` });
        continue;
      }
      const extracted = result.rows ?? toGraph(article, result.record, EXTRACTOR_VERSION);
      // A reprint of an earlier report (in the store or this run) loads as its Article and DUPLICATE_OF edge only.
      const sig = reprints && !result.exact ? signatureOf(extracted, article.text) : undefined;
      const match = sig ? reprints!.find(article.id, sig) : undefined;
      if (match) extracted.deferred?.dispose();
      const rows = match ? duplicateRows(extracted, match, sig) : actors.join(result.record, extracted);
      const earlier = seen.get(article.id);
      if (earlier && earlier.hash !== rows.contentHash) {
        rows.deferred?.dispose();
        fail({
          file: article.file,
          line: article.line,
          articleId: article.id,
          message: `${where}: duplicate article id "${article.id}" with different text (first seen at ${earlier.where}); the first was kept`,
        });
        continue;
      }
      seen.set(article.id, { where, hash: rows.contentHash });
      if (match) summary.duplicates += 1;
      else if (sig) reprints!.add(article.id, sig);
      batch.push({ article, where, rows });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await flush();
  } finally {
    if (loading) await loading.catch(() => undefined);
    for (const p of batch) p.rows.deferred?.dispose();
  }
  return summary;
}

/** Articles per load transaction: large enough for thousands of rows per statement, small enough to retry. */
export const DEFAULT_BATCH = 200;

interface Pending {
  readonly article: Article;
  readonly where: string;
  readonly rows: GraphRows;
}

/**
 * The store's actors, so an article that names one only by a short form ("Trump", "Huawei") joins the node earlier
 * articles made; updated as articles arrive, so later articles of the same run see earlier ones.
 */
async function knownActors(store: GraphStore): Promise<{ join(record: ExtractionRecord, rows: GraphRows): GraphRows }> {
  const index = new AliasIndex();
  const names = new Map<string, string>();
  const classes: [EntityClass, string][] = [['PER', 'Person'], ['ORG', 'Organization']];
  for (const [cls, label] of classes) {
    for (const r of await store.run(`MATCH (x:${label}) RETURN x.key AS key, x.name AS name, x.aliases AS aliases`)) {
      const actor = { key: String(r.key), class: cls, name: String(r.name), aliases: (r.aliases as string[] | null) ?? [] };
      index.add(actor);
      names.set(actor.key, actor.name);
    }
  }
  return {
    join(record, rows) {
      const changes = new Map<string, Rekey>();
      rekeyWithAliases(record.entities, index).forEach(({ entity }, i) => {
        const before = record.entities[i]!;
        if (entity.key !== before.key) changes.set(`${CLASS_LABEL[before.class]}|${before.key}`, { key: entity.key, name: names.get(entity.key) ?? entity.name });
      });
      for (const e of record.entities) {
        if (e.class === 'MISC' || e.class === 'LOC') continue;
        const key = changes.get(`${CLASS_LABEL[e.class]}|${e.key}`)?.key ?? e.key;
        if (!names.has(key)) names.set(key, e.name);
        index.add({ key, class: e.class, name: names.get(key)!, aliases: [e.name, ...e.aliases] });
      }
      return rekeyRows(rows, changes);
    },
  };
}

/** Errors that stop the run: the store itself is gone or in use. */
function fatal(err: unknown): boolean {
  return err instanceof StoreUnavailableError || err instanceof StoreLockedError;
}

async function* items(
  inputs: readonly string[] | AsyncIterable<Article> | Iterable<Article>,
  options: ReadOptions,
): AsyncGenerator<InputItem> {
  if (Array.isArray(inputs) && inputs.every((x) => typeof x === 'string')) {
    yield* readInputs(inputs as string[], options);
    return;
  }
  for await (const article of inputs as AsyncIterable<Article>) yield { article };
}

export type { InputError };
