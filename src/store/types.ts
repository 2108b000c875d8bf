// The one interface every store implements; the CLI and the library talk only to this.
import type { GraphRows } from '../graph/types.js';

export type StoreKind = 'embedded' | 'neo4j';

export interface StoreOptions {
  readonly store?: StoreKind;
  /** Embedded: database folder (default ./.newsgraph). */
  readonly db?: string;
  readonly neo4jUri?: string;
  readonly neo4jUser?: string;
  readonly neo4jPassword?: string;
  readonly database?: string;
  /** Embedded: write batches through staged CSV files (COPY into empty tables, LOAD FROM … MERGE otherwise); default true. */
  readonly bulk?: boolean;
  /** Open for reading only (queries); writes are refused by the store. */
  readonly readOnly?: boolean;
  /** Embedded: page cache in MB (default 128 for a writer, 512 read-only: see EmbeddedStoreOptions.bufferPoolMb). */
  readonly bufferPoolMb?: number;
}

export type LoadOutcome = 'created' | 'replaced' | 'unchanged';

export interface Counts {
  readonly nodes: Readonly<Record<string, number>>;
  readonly relationships: Readonly<Record<string, number>>;
}

export type Row = Record<string, unknown>;

/** What removeArticles did: the ids it removed and the ids the store did not hold. */
export interface RemoveOutcome {
  readonly removed: readonly string[];
  readonly missing: readonly string[];
}

export interface GraphStore {
  readonly kind: StoreKind;
  /** Creates constraints (Neo4j) or tables (embedded); idempotent. */
  ensureSchema(): Promise<void>;
  /**
   * Loads one article's rows in one transaction. Same contentHash already stored: 'unchanged', nothing written.
   * Different hash: the article's old events and mentions are replaced, and entities left with no mention are removed.
   */
  loadArticle(rows: GraphRows): Promise<LoadOutcome>;
  /**
   * Loads a batch of articles (e.g. 50-500) in one transaction with thousands of rows per statement; the same
   * result as loadArticle on each in order. All or nothing: on failure no article of the batch is written.
   */
  loadArticles(rows: readonly GraphRows[]): Promise<LoadOutcome[]>;
  /**
   * Removes articles in one transaction with everything only they supported: their events (and the direct actor
   * edges those made), mentions and DUPLICATE_OF edges, then entities left with no mention and no event. Reprints of
   * a removed article lose their DUPLICATE_OF edge and their content hash, so the next ingest of them loads them whole.
   */
  removeArticles(ids: readonly string[]): Promise<RemoveOutcome>;
  /** Runs Cypher with parameters; values come back as plain JS (numbers, strings, arrays, objects). */
  run(cypher: string, params?: Record<string, unknown>, options?: { write?: boolean }): Promise<Row[]>;
  /** Node counts by primary label and relationship counts by type. */
  counts(): Promise<Counts>;
  /** Deletes every node and relationship (tests, `--fresh`). */
  wipe(): Promise<void>;
  close(): Promise<void>;
}
