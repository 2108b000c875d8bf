// Schema versions of the embedded store: a store made with version 1's DDL (written out below, as that code made it)
// is migrated forward on open, keeps its data, and loads with the new code.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Database } from '@ladybugdb/core';
import { ingest } from '../../../src/ingest.js';
import type { Article } from '../../../src/model/types.js';
import { DB_FILE } from '../../../src/store/embedded/embedded-store.js';
import { SCHEMA_VERSION, storedSchemaVersion } from '../../../src/store/embedded/migrate.js';
import { openStore } from '../../../src/store/index.js';
import type { Row } from '../../../src/store/types.js';

// Version 1 (before DUPLICATE_OF and Article.minhash), as schemaStatements() produced it.
const ENTITY = '(`key` STRING, `name` STRING, `aliases` STRING[], `subtype` STRING, `country` STRING, PRIMARY KEY(`key`))';
const ENTITIES = ['Person', 'Organization', 'Location', 'Misc'];
const PAIRS = (from: string[], to: string[]): string => from.flatMap((a) => to.map((b) => `FROM ${a} TO ${b}`)).join(', ');
const V1_DDL = [
  'CREATE NODE TABLE Article(`id` STRING, `date` STRING, `title` STRING, `url` STRING, `source` STRING, `file` STRING, `text` STRING, `contentHash` STRING, PRIMARY KEY(`id`))',
  ...ENTITIES.map((l) => `CREATE NODE TABLE ${l}${ENTITY}`),
  'CREATE NODE TABLE Event(`id` STRING, `type` STRING, `date` STRING, `charge` STRING, `quote` STRING, `trigger` STRING, `confidence` DOUBLE, `evidenceStart` INT64, `evidenceEnd` INT64, `evidenceText` STRING, `article` STRING, PRIMARY KEY(`id`))',
  `CREATE REL TABLE BY(${PAIRS(['Event'], ENTITIES)})`,
  `CREATE REL TABLE AGAINST(${PAIRS(['Event'], ENTITIES)})`,
  'CREATE REL TABLE REPORTED_IN(FROM Event TO Article)',
  `CREATE REL TABLE MENTIONS(${PAIRS(['Article'], ENTITIES)}, \`count\` INT64, \`starts\` INT64[], \`ends\` INT64[])`,
  ...['ACCUSED', 'CRITICIZED', 'DEMANDED_OF', 'SANCTIONED', 'THREATENED', 'REJECTED', 'AGREED_WITH', 'RETALIATED_AGAINST'].map(
    (t) => `CREATE REL TABLE ${t}(${PAIRS(ENTITIES, ENTITIES)}, \`event\` STRING, \`date\` STRING, \`charge\` STRING)`,
  ),
  ...['AFFILIATED_WITH', 'SPOKESPERSON_FOR', 'HEADED_BY', 'POSSIBLY_SAME_AS', 'MEMBER_OF'].map((t) => `CREATE REL TABLE ${t}(${PAIRS(ENTITIES, ENTITIES)})`),
];

const fixture = (name: string): string => readFileSync(`test/fixtures/dedup/${name}.txt`, 'utf8').replace(/^\s*date\s+\S+\s+/u, '');
const ORIGINAL: Article = { id: 'old-1', date: '2023-03-14', text: fixture('wire-original') };
const REPRINT: Article = { id: 'new-1', date: '2023-03-15', text: fixture('wire-reprint') };

async function withRaw<T>(folder: string, fn: (exec: (cypher: string) => Promise<Row[]>) => Promise<T>, readOnly = false): Promise<T> {
  const db = new Database(join(folder, DB_FILE), 64 * 2 ** 20, true, readOnly);
  await db.init();
  const conn = new Connection(db);
  await conn.init();
  try {
    return await fn(async (cypher) => {
      const r = await conn.query(cypher);
      const last = Array.isArray(r) ? r[r.length - 1]! : r;
      const rows = (await last.getAll()) as Row[];
      for (const x of Array.isArray(r) ? r : [r]) x.close();
      return rows;
    });
  } finally {
    await conn.close();
    await db.close();
  }
}

/** A version-1 store holding one article (no minhash column, no DUPLICATE_OF table). */
async function makeV1(folder: string): Promise<void> {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  await withRaw(folder, async (exec) => {
    for (const ddl of V1_DDL) await exec(ddl);
    const text = ORIGINAL.text.replace(/\\/gu, '\\\\').replace(/'/gu, "\\'");
    await exec(`CREATE (:Article {id: '${ORIGINAL.id}', date: '${ORIGINAL.date}', text: '${text}', contentHash: 'sha256:old'})`);
    await exec("CREATE (:Organization {key: 'ORG:rcmp', name: 'Royal Canadian Mounted Police', aliases: ['Royal Canadian Mounted Police']})");
    await exec(`MATCH (a:Article {id: '${ORIGINAL.id}'}), (o:Organization {key: 'ORG:rcmp'}) CREATE (a)-[:MENTIONS {\`count\`: 1, \`starts\`: [0], \`ends\`: [5]}]->(o)`);
  });
}

const dir = mkdtempSync(join(tmpdir(), 'ng-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded store schema versions', () => {
  it('records the current version in a new store', async () => {
    const folder = join(dir, 'new');
    const store = await openStore({ store: 'embedded', db: folder });
    await store.ensureSchema();
    await store.close();
    expect(await withRaw(folder, storedSchemaVersion, true)).toBe(SCHEMA_VERSION);
  });

  it('migrates a version-1 store on open: keeps its data, adds the column and table, and loads a reprint of its article', async () => {
    const folder = join(dir, 'v1');
    await makeV1(folder);
    expect(await withRaw(folder, storedSchemaVersion, true)).toBe(1);
    const store = await openStore({ store: 'embedded', db: folder });
    try {
      const summary = await ingest([REPRINT], store, { workers: 1 });
      expect(summary).toMatchObject({ created: 1, duplicates: 1, failed: 0 });
      // The old article had no signature: it was computed from its stored text, so the reprint links to it.
      expect(await store.run('MATCH (d:Article)-[:DUPLICATE_OF]->(a:Article) RETURN d.id AS d, a.id AS a')).toEqual([{ d: 'new-1', a: 'old-1' }]);
      expect(await store.run('MATCH (a:Article) RETURN a.id AS id, a.minhash IS NULL AS noSig, a.contentHash AS hash ORDER BY id')).toEqual([
        { id: 'new-1', noSig: false, hash: expect.stringMatching(/^sha256:/u) },
        { id: 'old-1', noSig: true, hash: 'sha256:old' },
      ]);
      expect((await store.counts()).relationships).toMatchObject({ MENTIONS: 1, DUPLICATE_OF: 1 });
    } finally {
      await store.close();
    }
    expect(await withRaw(folder, storedSchemaVersion, true)).toBe(SCHEMA_VERSION);
    const columns = await withRaw(folder, (exec) => exec("CALL table_info('Article') RETURN name"), true);
    expect(columns.map((c) => c['name'])).toContain('minhash');
  });

  it('a read-only open (queries, stats) migrates an old store first', async () => {
    const folder = join(dir, 'v1-read');
    await makeV1(folder);
    const store = await openStore({ store: 'embedded', db: folder, readOnly: true });
    try {
      expect((await store.counts()).relationships['DUPLICATE_OF']).toBe(0);
      expect(await store.run('MATCH (a:Article) RETURN a.id AS id, a.minhash AS sig')).toEqual([{ id: 'old-1', sig: null }]);
    } finally {
      await store.close();
    }
    expect(await withRaw(folder, storedSchemaVersion, true)).toBe(SCHEMA_VERSION);
  });

  it('refuses a store from a newer newsgraph', async () => {
    const folder = join(dir, 'future');
    const store = await openStore({ store: 'embedded', db: folder });
    await store.ensureSchema();
    await store.close();
    await withRaw(folder, (exec) => exec(`COMMENT ON TABLE Article IS 'newsgraph schema ${SCHEMA_VERSION + 1}'`));
    const again = await openStore({ store: 'embedded', db: folder });
    try {
      await expect(again.ensureSchema()).rejects.toThrow(
        new RegExp(`schema version ${SCHEMA_VERSION + 1}, newer than this newsgraph understands \\(${SCHEMA_VERSION}\\); upgrade newsgraph`, 'u'),
      );
    } finally {
      await again.close();
    }
  });
});
