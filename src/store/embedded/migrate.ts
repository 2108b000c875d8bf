// The embedded store's schema version (a comment on the Article table) and the forward migrations run on open.
// A store made before versions existed is version 1: "ALTER TABLE Article ADD minhash", DUPLICATE_OF -> version 2;
// Person.title -> version 3.
import { ConfigError } from '../../errors.js';
import type { Row } from '../types.js';
import { schemaStatements } from './schema.js';

/** The schema this code writes; bump it with a new MIGRATIONS entry whenever NODE_PROPS or REL_PROPS change. */
export const SCHEMA_VERSION = 3;

const TAG = 'newsgraph schema ';

/**
 * Statements taking a store from version n - 1 to n. Each is idempotent (IF [NOT] EXISTS), so a migration cut
 * short by a crash simply runs again on the next open; new tables also come from schemaStatements afterwards.
 */
export const MIGRATIONS: Readonly<Record<number, readonly string[]>> = {
  2: [
    'ALTER TABLE Article ADD IF NOT EXISTS `minhash` STRING DEFAULT NULL',
    'CREATE REL TABLE IF NOT EXISTS DUPLICATE_OF(FROM Article TO Article, `similarity` DOUBLE)',
  ],
  // A person's title ("President"), kept out of the name.
  3: ['ALTER TABLE Person ADD IF NOT EXISTS `title` STRING DEFAULT NULL'],
};

export type Exec = (cypher: string) => Promise<Row[]>;

/**
 * The version recorded in the store: undefined when it has no tables yet, 1 when it has tables but no version
 * (made before versions were recorded).
 * @example await storedSchemaVersion((c) => exec(c)) // 2
 */
export async function storedSchemaVersion(exec: Exec): Promise<number | undefined> {
  const tables = await exec('CALL show_tables() RETURN name, comment');
  if (tables.length === 0) return undefined;
  const article = tables.find((t) => t['name'] === 'Article');
  if (!article) return 1;
  const m = /^newsgraph schema (\d+)$/u.exec(String(article['comment'] ?? ''));
  return m ? Number(m[1]) : 1;
}

export interface MigrationResult {
  /** Version found (undefined: a new, empty store). */
  readonly from: number | undefined;
  readonly to: number;
}

/**
 * Creates the tables of a new store, or migrates an older one forward to SCHEMA_VERSION, and records the version.
 * A store from a newer newsgraph is refused rather than written with an older schema.
 * @example await migrateSchema((c) => exec(c)) // { from: 1, to: 2 }
 */
export async function migrateSchema(exec: Exec, folder = 'the store'): Promise<MigrationResult> {
  const from = await storedSchemaVersion(exec);
  if (from !== undefined && from > SCHEMA_VERSION) {
    throw new ConfigError(
      `store ${folder} has schema version ${from}, newer than this newsgraph understands (${SCHEMA_VERSION}); upgrade newsgraph`,
      { option: 'db' },
    );
  }
  if (from !== undefined) {
    for (let v = from + 1; v <= SCHEMA_VERSION; v++) for (const ddl of MIGRATIONS[v] ?? []) await exec(ddl);
  }
  for (const ddl of schemaStatements()) await exec(ddl);
  if (from !== SCHEMA_VERSION) await exec(`COMMENT ON TABLE Article IS '${TAG}${SCHEMA_VERSION}'`);
  return { from, to: SCHEMA_VERSION };
}
