// Inputs -> extraction -> graph rows -> store, one article (one transaction) at a time; failures reported, the rest go on.
import { InputError, NewsGraphError, StageError } from './errors.js';
import { EXTRACTOR_VERSION, extract } from './extract.js';
import { toGraph } from './graph/to-graph.js';
import { readInputs, type ReadOptions } from './input/read-inputs.js';
import type { Article } from './model/types.js';
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
  for await (const item of items(inputs, options)) {
    if ('error' in item) {
      fail({ file: item.error.file, line: item.error.line, message: item.error.message });
      continue;
    }
    const article = item.article;
    summary.read += 1;
    const where = article.line !== undefined ? `${article.file}:${article.line}` : (article.file ?? article.id);
    let rows;
    try {
      rows = toGraph(article, extract(article), EXTRACTOR_VERSION);
    } catch (err) {
      if (!(err instanceof StageError)) throw err;
      fail({ file: article.file, line: article.line, articleId: article.id, message: `${where}: ${err.message}` });
      continue;
    }
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
): AsyncGenerator<{ article: Article } | { error: InputError }> {
  if (Array.isArray(inputs) && inputs.every((x) => typeof x === 'string')) {
    yield* readInputs(inputs as string[], options);
    return;
  }
  for await (const article of inputs as AsyncIterable<Article>) yield { article };
}

export { NewsGraphError };
