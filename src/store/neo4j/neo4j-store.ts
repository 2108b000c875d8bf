// The Neo4j store: uniqueness constraints, one managed write transaction per article, read-mode queries.
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { ConfigError, GraphLoadError, QueryError, StoreUnavailableError } from '../../errors.js';
import { EVENT_LABEL, NODE_KEY, NODE_PROPS, REL_PROPS, SUBTYPE_LABEL, type GraphNode, type GraphRows, type NodeLabel, type RelType } from '../../graph/types.js';
import { loadArticleBatch, loadArticleRows, q, type LoadDialect } from '../load-article.js';
import { checkParams } from '../params.js';
import { removeArticleRows } from '../remove-articles.js';
import type { Counts, GraphStore, LoadOutcome, RemoveOutcome, Row } from '../types.js';
import { plainRecord, toNeo4jParams } from './values.js';

export interface Neo4jStoreOptions {
  readonly neo4jUri?: string;
  readonly neo4jUser?: string;
  readonly neo4jPassword?: string;
  readonly database?: string;
  /** Every query runs in read access mode, even with `write: true`. */
  readonly readOnly?: boolean;
  /** Upper bound for the driver's retries of transient errors (ms); default 15 s. */
  readonly maxRetryTimeMs?: number;
}

/** Secondary labels a node may carry: only these names are ever written into Cypher text. */
const ALLOWED_EXTRA_LABELS: ReadonlySet<string> = new Set([...Object.values(SUBTYPE_LABEL), ...Object.values(EVENT_LABEL)]);

const DIALECT: LoadDialect = {
  int: (v) => neo4j.int(v),
  extraLabels: (node: GraphNode) => node.extraLabels.filter((l) => ALLOWED_EXTRA_LABELS.has(l) && /^[A-Z][A-Za-z]*$/.test(l)),
  uniformBatches: false,
};

/**
 * Connects to Neo4j and checks the server and credentials; fails with one clear line (never showing the password).
 * @example const store = await openNeo4jStore({ neo4jUri: 'neo4j://localhost:7687', neo4jUser: 'neo4j', neo4jPassword: pw });
 */
export async function openNeo4jStore(options: Neo4jStoreOptions = {}): Promise<GraphStore> {
  const uri = options.neo4jUri ?? 'neo4j://localhost:7687';
  const shown = safeUri(uri);
  const auth =
    options.neo4jPassword !== undefined && options.neo4jPassword !== ''
      ? neo4j.auth.basic(options.neo4jUser ?? 'neo4j', options.neo4jPassword)
      : undefined;
  let driver: Driver;
  try {
    driver = neo4j.driver(uri, auth, {
      maxTransactionRetryTime: options.maxRetryTimeMs ?? 15_000,
      connectionTimeout: 10_000,
      connectionAcquisitionTimeout: 20_000,
      disableLosslessIntegers: false,
    });
  } catch (err) {
    throw new ConfigError(`invalid Neo4j URI ${shown}: ${firstLine(err)}; use e.g. neo4j://localhost:7687`, {
      option: 'neo4j-uri',
      cause: err,
    });
  }
  try {
    await driver.getServerInfo({ database: options.database });
  } catch (err) {
    await driver.close().catch(() => undefined);
    throw connectError(err, shown, options.neo4jUser ?? 'neo4j');
  }
  return new Neo4jStore(driver, shown, options.database, options.readOnly ?? false);
}

function connectError(err: unknown, shown: string, user: string): Error {
  const code = codeOf(err);
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new ConfigError(
      `Neo4j at ${shown} refused user "${user}" after too many failed logins (locked for a few seconds); check --neo4j-user/--neo4j-password (or NEO4J_USER/NEO4J_PASSWORD), then retry`,
      { option: 'neo4j-password', cause: err },
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new ConfigError(
      `Neo4j at ${shown} refused user "${user}" with the given password; check --neo4j-user/--neo4j-password (or NEO4J_USER/NEO4J_PASSWORD)`,
      { option: 'neo4j-password', cause: err },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new ConfigError(`Neo4j at ${shown} has no such database; check --database (or NEO4J_DATABASE)`, {
      option: 'database',
      cause: err,
    });
  }
  return new StoreUnavailableError(
    `Neo4j is unavailable at ${shown}: ${firstLine(err)}; start it (e.g. docker compose up -d) or check --neo4j-uri`,
    err,
  );
}

/** The URI without any user:password part. */
function safeUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

function codeOf(err: unknown): string {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
}

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.trim();
}

class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private schemaReady = false;
  /** Shared by every session of this store: a read after a write waits for it, also on a cluster or Aura. */
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(
    private readonly driver: Driver,
    private readonly shown: string,
    private readonly database: string | undefined,
    private readonly readOnly: boolean,
  ) {}

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>, what: string, query?: string): Promise<T> {
    if (this.readOnly) throw new ConfigError(`the Neo4j store is open read-only; cannot ${what}`, { option: 'write' });
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (err) {
      throw this.loadError(err, what, query);
    } finally {
      await session.close();
    }
  }

  private loadError(err: unknown, what: string, query?: string): Error {
    if (err instanceof GraphLoadError || err instanceof ConfigError || err instanceof QueryError) return err;
    const code = codeOf(err);
    if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'Neo.ClientError.Security.Unauthorized') {
      return new StoreUnavailableError(`Neo4j at ${this.shown} became unavailable while trying to ${what}: ${firstLine(err)}`, err);
    }
    const retriable = neo4j.isRetriableError(err as Error);
    return new GraphLoadError(`Neo4j could not ${what}: ${firstLine(err)}`, { query, retriable, cause: err });
  }

  async ensureSchema(): Promise<void> {
    if (this.schemaReady) return;
    for (const [label, key] of Object.entries(NODE_KEY) as [NodeLabel, string][]) {
      const name = `${label.toLowerCase()}_${key}_unique`;
      const cypher = `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${q(key)} IS UNIQUE`;
      const session = this.session('WRITE');
      try {
        await session.run(cypher);
      } catch (err) {
        throw this.loadError(err, `create constraint ${name}`, cypher);
      } finally {
        await session.close();
      }
    }
    this.schemaReady = true;
  }

  async loadArticle(rows: GraphRows): Promise<LoadOutcome> {
    await this.ensureSchema();
    return this.write(
      (tx) =>
        loadArticleRows(
          rows,
          async (cypher, params) => (await tx.run(cypher, params)).records.map(plainRecord),
          DIALECT,
        ),
      `load article ${rows.articleId}`,
    );
  }

  async loadArticles(batch: readonly GraphRows[]): Promise<LoadOutcome[]> {
    if (batch.length === 0) return [];
    await this.ensureSchema();
    const first = batch[0]!.articleId;
    const what = batch.length === 1 ? `load article ${first}` : `load ${batch.length} articles (${first} to ${batch[batch.length - 1]!.articleId})`;
    return this.write(
      (tx) => loadArticleBatch(batch, async (cypher, params) => (await tx.run(cypher, params)).records.map(plainRecord), DIALECT),
      what,
    );
  }

  async removeArticles(ids: readonly string[]): Promise<RemoveOutcome> {
    await this.ensureSchema();
    return this.write(
      (tx) => removeArticleRows(ids, async (cypher, params) => (await tx.run(cypher, params)).records.map(plainRecord)),
      `remove ${ids.length} article(s)`,
    );
  }

  async run(cypher: string, params: Record<string, unknown> = {}, options: { write?: boolean } = {}): Promise<Row[]> {
    checkParams(cypher, params);
    const converted = toNeo4jParams(params);
    const writing = (options.write ?? false) && !this.readOnly;
    const session = this.session(writing ? 'WRITE' : 'READ');
    try {
      const work = async (tx: ManagedTransaction): Promise<Row[]> => (await tx.run(cypher, converted)).records.map(plainRecord);
      return await (writing ? session.executeWrite(work) : session.executeRead(work));
    } catch (err) {
      const code = codeOf(err);
      if (code === 'Neo.ClientError.Statement.AccessMode' || /write.*read access mode|not allowed.*read/i.test(firstLine(err))) {
        throw new QueryError('query would write to the store, and queries run read-only; pass --write to allow it', {
          query: cypher,
          cause: err,
        });
      }
      if (code.startsWith('Neo.ClientError.Statement') || code.startsWith('Neo.ClientError.Procedure')) {
        throw new QueryError(`query failed: ${firstLine(err)}`, { query: cypher, cause: err });
      }
      throw this.loadError(err, 'run the query', cypher);
    } finally {
      await session.close();
    }
  }

  async counts(): Promise<Counts> {
    const session = this.session('READ');
    try {
      return await session.executeRead(async (tx) => {
        const nodes: Record<string, number> = {};
        for (const label of Object.keys(NODE_PROPS) as NodeLabel[]) {
          const r = await tx.run(`MATCH (n:${label}) RETURN count(n) AS c`);
          nodes[label] = Number(plainRecord(r.records[0]!)['c']);
        }
        const relationships: Record<string, number> = {};
        for (const type of Object.keys(REL_PROPS) as RelType[]) {
          const r = await tx.run(`MATCH ()-[x:${type}]->() RETURN count(x) AS c`);
          relationships[type] = Number(plainRecord(r.records[0]!)['c']);
        }
        return { nodes, relationships };
      });
    } catch (err) {
      throw this.loadError(err, 'count nodes and relationships');
    } finally {
      await session.close();
    }
  }

  async wipe(): Promise<void> {
    await this.write(async (tx) => {
      await tx.run('MATCH (n) DETACH DELETE n');
    }, 'wipe the database');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
