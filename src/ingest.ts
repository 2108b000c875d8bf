// Inputs -> extraction (worker threads) -> graph rows -> store, one article (one transaction) at a time;
// failures are reported and the rest go on.
import { EXTRACTOR_VERSION, extract } from './extract.js';
import { toGraph } from './graph/to-graph.js';
import type { InputError } from './errors.js';
import { readInputs, type InputItem, type ReadOptions } from './input/read-inputs.js';
import type { Article } from './model/types.js';
import { extractStream } from './parallel/extract-pool.js';
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
  readonly failures: IngestFailure[];
}

export interface IngestOptions extends ReadOptions {
  /** Extraction worker threads (default: every core; 1 = on this thread). */
  readonly workers?: number;
  /** Called for every failed input as it happens (the CLI prints it on stderr). */
  readonly onError?: (failure: IngestFailure) => void;
  /** Called after each article with its outcome. */
  readonly onArticle?: (article: Article, outcome: LoadOutcome) => void;
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
  const summary: IngestSummary = { read: 0, created: 0, replaced: 0, unchanged: 0, failed: 0, failures: [] };
  const fail = (f: IngestFailure): void => {
    summary.failed += 1;
    summary.failures.push(f);
    options.onError?.(f);
  };
  await store.ensureSchema();
  const seen = new Map<string, { where: string; hash: string }>();
  for await (const result of extractStream(items(inputs, options), { workers: options.workers, withRows: true })) {
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
    const rows = result.rows ?? toGraph(article, result.record, EXTRACTOR_VERSION);
    const earlier = seen.get(article.id);
    if (earlier && earlier.hash !== rows.contentHash) {
      fail({
        file: article.file,
        line: article.line,
        articleId: article.id,
        message: `${where}: duplicate article id "${article.id}" with different text (first seen at ${earlier.where}); the first was kept`,
      });
      continue;
    }
    seen.set(article.id, { where, hash: rows.contentHash });
    const outcome = await store.loadArticle(rows);
    summary[outcome] += 1;
    options.onArticle?.(article, outcome);
  }
  return summary;
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
void extract;
