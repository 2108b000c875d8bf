// Flags shared by every command that touches a store, and the output helpers all commands use.
import type { Argv } from 'yargs';
import { openStore } from '../store/index.js';
import type { GraphStore, StoreKind, StoreOptions } from '../store/types.js';

export interface StoreArgs {
  store: StoreKind;
  db: string;
  'neo4j-uri'?: string;
  'neo4j-user'?: string;
  'neo4j-password'?: string;
  database?: string;
  'page-cache-mb'?: number;
}

export function withStoreFlags<T>(y: Argv<T>): Argv<T & StoreArgs> {
  return y
    .option('store', { choices: ['embedded', 'neo4j'] as const, default: 'embedded' as StoreKind, describe: 'where the graph lives' })
    .option('db', { type: 'string', default: './.newsgraph', describe: 'embedded store folder' })
    .option('neo4j-uri', { type: 'string', describe: 'Neo4j URI (env NEO4J_URI), e.g. bolt://localhost:7687' })
    .option('neo4j-user', { type: 'string', describe: 'Neo4j user (env NEO4J_USER)' })
    .option('neo4j-password', { type: 'string', describe: 'Neo4j password (env NEO4J_PASSWORD)' })
    .option('database', { type: 'string', describe: 'Neo4j database (env NEO4J_DATABASE)' })
    .option('page-cache-mb', { type: 'number', describe: 'embedded store page cache in MB (default 128 when writing, 512 when only reading)' }) as unknown as Argv<T & StoreArgs>;
}

export function storeOptions(argv: StoreArgs, extra: Partial<StoreOptions> = {}): StoreOptions {
  const env = process.env;
  return {
    store: argv.store,
    db: argv.db,
    neo4jUri: argv['neo4j-uri'] ?? env.NEO4J_URI ?? 'bolt://localhost:7687',
    neo4jUser: argv['neo4j-user'] ?? env.NEO4J_USER ?? 'neo4j',
    neo4jPassword: argv['neo4j-password'] ?? env.NEO4J_PASSWORD,
    database: argv.database ?? env.NEO4J_DATABASE,
    bufferPoolMb: argv['page-cache-mb'],
    ...extra,
  };
}

/** Opens the store, runs `fn`, and always closes the store. */
export async function withStore<T>(argv: StoreArgs, extra: Partial<StoreOptions>, fn: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptions(argv, extra));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
export const err = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Formats rows as an aligned text table. */
export function formatTable(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v).replace(/\s+/gu, ' ');
  };
  const cells = rows.map((r) => cols.map((c) => cell(r[c])));
  const width = cols.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => r[i]!.length))));
  const fit = (s: string, w: number): string => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  return [cols.map((c, i) => fit(c, width[i]!)).join('  '), width.map((w) => '-'.repeat(w)).join('  '), ...cells.map((r) => r.map((c, i) => fit(c, width[i]!)).join('  '))].join('\n');
}

/** Formats rows as RFC 4180 CSV. */
export function formatCsv(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const cols = Object.keys(rows[0]!);
  const esc = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
  };
  return [cols.map(esc).join(','), ...rows.map((r) => cols.map((c) => esc(r[c])).join(','))].join('\n');
}
