// The embedded store: LadybugDB (the maintained Kùzu fork) in-process, one database file under the --db folder.
import { mkdirSync, existsSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection, Database, type PreparedStatement, type QueryResult } from '@ladybugdb/core';
import { ConfigError, GraphLoadError, QueryError, StoreLockedError } from '../../errors.js';
import { NODE_PROPS, REL_PROPS, type GraphRows, type NodeLabel, type RelType } from '../../graph/types.js';
import { loadArticleBatch, loadArticleRows, type LoadDialect } from '../load-article.js';
import { checkParams } from '../params.js';
import type { Counts, GraphStore, LoadOutcome, RemoveOutcome, Row } from '../types.js';
import { removeArticleRows } from '../remove-articles.js';
import { migrateSchema, storedSchemaVersion, SCHEMA_VERSION } from './migrate.js';
import { StagedWriter, StagingArea } from './staged-writer.js';
import { plainRow } from './values.js';

export interface EmbeddedStoreOptions {
  /** Store folder; the database file is `<db>/graph.lbug` (default ./.newsgraph). */
  readonly db?: string;
  /** Opens the file read-only: no lock is taken and every write is refused. */
  readonly readOnly?: boolean;
  /**
   * Page cache of the database in MB: LadybugDB's own default is 80% of RAM, so memory would grow with the store.
   * Default READ_BUFFER_POOL_MB read-only (path queries need room) and WRITE_BUFFER_POOL_MB for a writer, whose
   * batches stream through: a cache the store fills as it grows would make an ingest's memory grow with the corpus.
   */
  readonly bufferPoolMb?: number;
  /** loadArticles writes through staged CSV files (COPY into empty tables, LOAD FROM … MERGE otherwise); default true. */
  readonly bulk?: boolean;
}

/** Page cache (MB) of a read-only open: variable-length path queries need 512 (256 has run out). */
export const READ_BUFFER_POOL_MB = 512;
/** Page cache (MB) of a read-write open: an ingest's memory then reaches its ceiling within its first batches. */
export const WRITE_BUFFER_POOL_MB = 128;

/** File name of the database inside the store folder. */
export const DB_FILE = 'graph.lbug';

/** Files opened read-write by this process: LadybugDB's file lock does not stop a second open from the same process. */
const OPEN_WRITERS = new Set<string>();

const DIALECT: LoadDialect = { int: (v) => v, extraLabels: () => [], uniformBatches: true };

/**
 * Opens (creating if needed) the embedded store. A second read-write open of the same folder throws StoreLockedError.
 * @example const store = await openEmbeddedStore({ db: './.newsgraph' }); await store.ensureSchema();
 */
export async function openEmbeddedStore(options: EmbeddedStoreOptions = {}): Promise<GraphStore> {
  const folder = options.db ?? './.newsgraph';
  const readOnly = options.readOnly ?? false;
  const file = join(folder, DB_FILE);
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new ConfigError(`store path ${folder} is a file, not a folder; pass --db with a folder path`, { option: 'db' });
  }
  if (readOnly && !existsSync(file)) {
    throw new ConfigError(`store ${folder} does not exist yet; run "newsgraph ingest" first or pass --db`, { option: 'db' });
  }
  if (!readOnly) mkdirSync(folder, { recursive: true });
  if (readOnly) await migrateBeforeReading(folder, file, options);
  const lockKey = resolve(file);
  if (!readOnly && OPEN_WRITERS.has(lockKey)) throw new StoreLockedError(folder);
  const poolMb = options.bufferPoolMb ?? (readOnly ? READ_BUFFER_POOL_MB : WRITE_BUFFER_POOL_MB);
  const { db, conn } = await connect(folder, file, poolMb, readOnly);
  if (!readOnly) OPEN_WRITERS.add(lockKey);
  const release = (): void => {
    if (!readOnly) OPEN_WRITERS.delete(lockKey);
  };
  return new EmbeddedStore(folder, file, { db, conn, poolMb }, readOnly, release, options.bulk ?? true);
}

/** Opens the database and a connection to it; errors say which store and why. */
async function connect(folder: string, file: string, poolMb: number, readOnly: boolean): Promise<{ db: Database; conn: Connection }> {
  let db: Database;
  try {
    db = await openDatabase(file, poolMb, readOnly);
  } catch (err) {
    throw openError(folder, err);
  }
  const conn = new Connection(db);
  try {
    await conn.init();
  } catch (err) {
    await db.close().catch(() => undefined);
    throw openError(folder, err);
  }
  return { db, conn };
}

/** The largest page cache (MB) a store grows to when a transaction (a huge article's text) or a read does not fit. */
export const MAX_WRITE_BUFFER_POOL_MB = Math.max(WRITE_BUFFER_POOL_MB, Math.floor(totalmem() / 2 ** 20 / 4));

const POOL_FULL = /buffer pool is full/iu;

/**
 * A read-only open can't migrate: a store of an older schema version is migrated first through a short read-write
 * open (StoreLockedError if a writer holds it), so queries see the current tables.
 */
async function migrateBeforeReading(folder: string, file: string, options: EmbeddedStoreOptions): Promise<void> {
  let db: Database | undefined;
  let conn: Connection | undefined;
  let version: number | undefined;
  try {
    db = await openDatabase(file, options.bufferPoolMb ?? READ_BUFFER_POOL_MB, true);
    conn = new Connection(db);
    await conn.init();
    const c = conn;
    version = await storedSchemaVersion(async (cypher) => {
      const r = await c.query(cypher);
      const last = Array.isArray(r) ? r[r.length - 1]! : r;
      try {
        return (await last.getAll()) as Row[];
      } finally {
        for (const x of Array.isArray(r) ? r : [r]) x.close();
      }
    });
  } catch (err) {
    throw openError(folder, err);
  } finally {
    await conn?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
  }
  if (version === undefined || version >= SCHEMA_VERSION) return;
  const writer = await openEmbeddedStore({ ...options, readOnly: false });
  try {
    await writer.ensureSchema();
  } finally {
    await writer.close();
  }
}

/** How long a read-only open waits for a writer's checkpoint to end (LadybugDB refuses the open meanwhile). */
const CHECKPOINT_WAIT_MS = 10_000;

/**
 * Creates and opens the database. A read-only open while a writer checkpoints fails with "Cannot open database in
 * read-only mode while checkpoint is in progress. Please retry later": it is retried until CHECKPOINT_WAIT_MS.
 */
async function openDatabase(file: string, bufferPoolMb: number, readOnly: boolean): Promise<Database> {
  const until = Date.now() + CHECKPOINT_WAIT_MS;
  for (;;) {
    const db = new Database(file, Math.round(bufferPoolMb * 2 ** 20), true, readOnly);
    try {
      await db.init();
      return db;
    } catch (err) {
      await db.close().catch(() => undefined);
      if (!readOnly || !/checkpoint is in progress/iu.test(messageOf(err)) || Date.now() >= until) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function openError(folder: string, err: unknown): Error {
  const msg = err instanceof Error ? err.message : String(err);
  if (/could not set lock/i.test(msg)) return new StoreLockedError(folder, err);
  return new ConfigError(`cannot open store ${folder}: ${firstLine(msg)}`, { option: 'db', cause: err });
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private schemaReady = false;
  private closed = false;
  private readonly staging = new StagingArea();

  constructor(
    private readonly folder: string,
    private readonly file: string,
    /** The open database; a writer swaps it for one with a larger page cache when a transaction needs it. */
    private open: { db: Database; conn: Connection; poolMb: number },
    private readonly readOnly: boolean,
    private readonly release: () => void,
    private readonly bulk: boolean,
  ) {}

  private get conn(): Connection {
    return this.open.conn;
  }

  /** One operation at a time: a connection holds at most one transaction. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async exec(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    checkParams(cypher, params);
    let ps: PreparedStatement;
    try {
      ps = await this.conn.prepare(cypher);
    } catch (err) {
      throw new QueryError(`query failed: ${firstLine(messageOf(err))}`, { query: cypher, cause: err });
    }
    if (!ps.isSuccess()) throw new QueryError(`query failed: ${firstLine(ps.getErrorMessage())}`, { query: cypher });
    return this.execPrepared(ps, cypher, params);
  }

  private async execPrepared(ps: PreparedStatement, cypher: string, params: Record<string, unknown>): Promise<Row[]> {
    const used: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(params)) if (v !== undefined) used[k] = v;
    let result: QueryResult | QueryResult[];
    try {
      result = await this.conn.execute(ps, used as never);
    } catch (err) {
      throw new QueryError(`query failed: ${firstLine(messageOf(err))}`, { query: cypher, cause: err });
    }
    const last = Array.isArray(result) ? result[result.length - 1]! : result;
    try {
      const types = last.getColumnDataTypesSync();
      const rows = await last.getAll();
      return rows.map((r) => plainRow(r as Record<string, unknown>, types));
    } finally {
      for (const r of Array.isArray(result) ? result : [result]) r.close();
    }
  }

  private assertWritable(what: string): void {
    if (this.readOnly) {
      throw new ConfigError(`store ${this.folder} is open read-only; cannot ${what}`, { option: 'db' });
    }
  }

  async ensureSchema(): Promise<void> {
    this.assertWritable('create tables');
    await this.exclusive(() => this.createTables());
  }

  private async createTables(): Promise<void> {
    if (this.schemaReady) return;
    await migrateSchema((c) => this.exec(c), this.folder);
    this.schemaReady = true;
  }

  async loadArticle(rows: GraphRows): Promise<LoadOutcome> {
    const what = `article ${rows.articleId}`;
    return this.writeTransaction(`load ${what}`, `loading ${what} into ${this.folder}`, () => loadArticleRows(rows, (c, p) => this.exec(c, p), DIALECT));
  }

  async loadArticles(batch: readonly GraphRows[]): Promise<LoadOutcome[]> {
    if (batch.length === 0) return [];
    const first = batch[0]!.articleId;
    const what = batch.length === 1 ? `article ${first}` : `${batch.length} articles (${first} to ${batch[batch.length - 1]!.articleId})`;
    return this.writeTransaction(`load ${what}`, `loading ${what} into ${this.folder}`, async () => {
      try {
        const run = (c: string, p: Record<string, unknown>): Promise<Row[]> => this.exec(c, p);
        return await loadArticleBatch(batch, run, DIALECT, this.bulk ? new StagedWriter(run, this.staging) : undefined);
      } finally {
        this.staging.remove();
      }
    });
  }

  async removeArticles(ids: readonly string[]): Promise<RemoveOutcome> {
    return this.writeTransaction(`remove ${ids.length} article(s)`, `removing articles from ${this.folder}`, async () => {
      const outcome = await removeArticleRows(ids, (c, p) => this.exec(c, p));
      this.staging.nonEmpty.clear();
      return outcome;
    });
  }

  /**
   * Runs `body` in one transaction: committed whole or rolled back. A transaction that does not fit the page cache
   * (a huge article's text) is retried after reopening the database with twice the cache, up to
   * MAX_WRITE_BUFFER_POOL_MB, so a small cache keeps an ordinary ingest's memory low without refusing big articles.
   */
  private async writeTransaction<T>(what: string, doing: string, body: () => Promise<T>): Promise<T> {
    this.assertWritable(what);
    return this.exclusive(async () => {
      await this.createTables();
      for (;;) {
        await this.exec('BEGIN TRANSACTION');
        try {
          const out = await body();
          await this.exec('COMMIT');
          return out;
        } catch (err) {
          // A failed statement already ends LadybugDB's transaction; ROLLBACK then reports "no active transaction".
          await this.exec('ROLLBACK').catch(() => undefined);
          if (await this.growCache(err, 0)) continue;
          throw new GraphLoadError(`${doing} failed: ${messageOf(err)}`, {
            query: err instanceof QueryError ? err.query : undefined,
            retriable: false,
            cause: err,
          });
        }
      }
    });
  }

  /**
   * After `err`: when it is LadybugDB's "buffer pool is full" and the cache is below MAX_WRITE_BUFFER_POOL_MB,
   * reopens with twice the cache (at least `atLeastMb`, at most the maximum) and returns true, so the caller
   * runs its work again; otherwise returns false.
   */
  private async growCache(err: unknown, atLeastMb: number): Promise<boolean> {
    if (!POOL_FULL.test(messageOf(err)) || this.open.poolMb >= MAX_WRITE_BUFFER_POOL_MB) return false;
    await this.reopen(Math.min(MAX_WRITE_BUFFER_POOL_MB, Math.max(atLeastMb, this.open.poolMb * 2)));
    return true;
  }

  /** Closes the database and opens it again with a page cache of `poolMb` (this process keeps its writer lock). */
  private async reopen(poolMb: number): Promise<void> {
    await this.open.conn.close();
    await this.open.db.close();
    this.open = { ...(await connect(this.folder, this.file, poolMb, this.readOnly)), poolMb };
  }

  async run(cypher: string, params: Record<string, unknown> = {}, options: { write?: boolean } = {}): Promise<Row[]> {
    return this.exclusive(async () => {
      checkParams(cypher, params);
      // A database opened read-only refuses a write already at prepare time: say why and how to allow it.
      const refused = (message: string, cause?: unknown): QueryError =>
        /write operations in a read-only database/iu.test(message) && !options.write
          ? new QueryError('query would write to the store, and queries run read-only; pass --write to allow it', { query: cypher, cause })
          : new QueryError(`query failed: ${firstLine(message)}`, { query: cypher, cause });
      const ps = await this.conn.prepare(cypher).catch((err: unknown) => {
        throw refused(messageOf(err), err);
      });
      if (!ps.isSuccess()) throw refused(ps.getErrorMessage());
      if (!ps.isReadOnly() && !options.write) {
        throw new QueryError('query would write to the store, and queries run read-only; pass --write to allow it', {
          query: cypher,
        });
      }
      if (!ps.isReadOnly() && this.readOnly) {
        throw new QueryError(`query would write to the store, but ${this.folder} is open read-only`, { query: cypher });
      }
      // A read that does not fit the page cache (a writer's is small; a deep path query needs room) is retried
      // with twice the cache, at least READ_BUFFER_POOL_MB, up to MAX_WRITE_BUFFER_POOL_MB. Reads only: a write
      // is never run twice.
      let statement = ps;
      for (;;) {
        try {
          return await this.execPrepared(statement, cypher, params);
        } catch (err) {
          if (!statement.isReadOnly() || !(await this.growCache(err, READ_BUFFER_POOL_MB))) throw err;
          statement = await this.conn.prepare(cypher);
          if (!statement.isSuccess()) throw refused(statement.getErrorMessage());
        }
      }
    });
  }

  async counts(): Promise<Counts> {
    return this.exclusive(async () => {
      await this.requireTables();
      const nodes: Record<string, number> = {};
      for (const label of Object.keys(NODE_PROPS) as NodeLabel[]) {
        const r = await this.exec(`MATCH (n:${label}) RETURN count(n) AS c`);
        nodes[label] = Number(r[0]?.['c'] ?? 0);
      }
      const relationships: Record<string, number> = {};
      for (const type of Object.keys(REL_PROPS) as RelType[]) {
        const r = await this.exec(`MATCH ()-[x:${type}]->() RETURN count(x) AS c`);
        relationships[type] = Number(r[0]?.['c'] ?? 0);
      }
      return { nodes, relationships };
    });
  }

  private async requireTables(): Promise<void> {
    if (this.schemaReady) return;
    if (this.readOnly) return;
    await this.createTables();
  }

  async wipe(): Promise<void> {
    this.assertWritable('wipe');
    await this.exclusive(async () => {
      await this.createTables();
      await this.exec('MATCH (n) DETACH DELETE n');
      this.staging.nonEmpty.clear();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.exclusive(async () => {
      try {
        this.staging.remove();
        await this.open.conn.close();
        await this.open.db.close();
      } finally {
        this.release();
      }
    });
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
