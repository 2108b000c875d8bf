// The library's extraction entry: one article in, one extraction record out.
import type { Article, Doc, ExtractionRecord } from './model/types.js';
import { defaultPipeline } from './pipeline/pipeline.js';
import { toRecord } from './pipeline/record.js';
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
 * Extracts entities, references, events and dates from one article.
 * @example extract({ id: 'a1', date: '2020-05-25', text: 'China accused Acme Corp. of spying on Monday.' }).events[0].type // 'ACCUSE'
 */
export function extract(article: Article, options: ExtractOptions = {}): ExtractionRecord {
  return toRecord(analyse(article, options));
}
