// The library's extraction entry: one article in, one extraction record out.
import type { Article, Doc, ExtractionRecord, Span } from './model/types.js';
import { WindowMerger } from './pipeline/merge-windows.js';
import { defaultPipeline } from './pipeline/pipeline.js';
import { toRecord } from './pipeline/record.js';
import { SEGMENT_ABOVE, windowsOf } from './pipeline/windows.js';
import { PACKAGE_VERSION } from './paths.js';

/** Bump when a rule changes what is extracted, so stored articles are re-extracted on the next ingest. */
export const RULES_VERSION = '1';
export const EXTRACTOR_VERSION = `${PACKAGE_VERSION}+rules.${RULES_VERSION}`;

export interface ExtractOptions {
  /** Receives the stages' debug lines. */
  readonly debug?: (line: string) => void;
}

/** Runs the pipeline and returns the whole document model (every layer). */
export function analyse(article: Article, options: ExtractOptions = {}): Doc {
  return defaultPipeline().run(article, { debug: options.debug });
}

/**
 * Extracts entities, references, events and dates from one article. An article over SEGMENT_ABOVE characters is
 * extracted window by window (see `windowsOf`), in memory bounded by the window, and the windows' records merged.
 * @example extract({ id: 'a1', date: '2020-05-25', text: 'China accused Acme Corp. of spying on Monday.' }).events[0].type // 'ACCUSE'
 */
export function extract(article: Article, options: ExtractOptions = {}): ExtractionRecord {
  const windows = articleWindows(article);
  if (!windows) return toRecord(analyse(article, options));
  const merger = new WindowMerger(article);
  for (const w of windows) merger.add(w.start, toRecord(analyse(windowArticle(article, w), options)));
  return merger.record();
}

/**
 * The windows a huge article is extracted in, or undefined when it is extracted whole.
 * @example articleWindows({ id: 'a', date: '2020-05-25', text: 'Short.' }) // undefined
 */
export function articleWindows(article: Article): Span[] | undefined {
  return article.text.length > SEGMENT_ABOVE ? windowsOf(article.text) : undefined;
}

/**
 * One window of an article as an article of its own (same id and date, so ids and dates resolve as in the whole).
 * @example windowArticle(article, { start: 0, end: 131072 }).text.length // 131072
 */
export function windowArticle(article: Article, window: Span): Article {
  return { id: article.id, date: article.date, text: article.text.slice(window.start, window.end) };
}
