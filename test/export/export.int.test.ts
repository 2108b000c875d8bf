// newsgraph export against both real stores (embedded in a temp folder, the test Neo4j): the JSON Lines round trip,
// the CSV files imported by the real neo4j-admin import tool, and GraphML parsed by fast-xml-parser.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readGraph, type GraphDump } from '../../src/export/read-graph.js';
import { toCsv } from '../../src/export/to-csv.js';
import { toGraphml } from '../../src/export/to-graphml.js';
import { articleLines } from '../../src/export/to-jsonl.js';
import type { PropValue } from '../../src/graph/types.js';
import { ingest, loadExtracted } from '../../src/ingest.js';
import { readRecords } from '../../src/input/read-records.js';
import { openStore } from '../../src/store/index.js';
import type { GraphStore } from '../../src/store/types.js';
import { resolveClasspath } from '../neo4j/server.js';
import { testNeo4jOptions } from '../store/neo4j/env.js';

const INPUTS = ['corpus/000_724705b57007fe02.txt', 'corpus/003_entity-list-tianrui.txt', 'corpus/012_us-sanctions-aircraft-parts.txt', 'test/fixtures/dedup'];
const dir = mkdtempSync(join(tmpdir(), 'ng-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const present = (v: PropValue | undefined): boolean => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
const propertyCount = (d: GraphDump): number =>
  [...d.nodes, ...d.relationships].reduce((n, x) => n + Object.values(x.props).filter(present).length, 0);

/** Minimal RFC 4180 reader (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

describe.each(['embedded', 'neo4j'] as const)('%s store', (kind) => {
  let store: GraphStore;
  let dump: GraphDump;
  const open = (name: string) => openStore(kind === 'neo4j' ? testNeo4jOptions() : { store: 'embedded', db: join(dir, `${kind}-${name}`) });

  beforeAll(async () => {
    store = await open('source');
    await store.wipe();
    const summary = await ingest(INPUTS, store, { workers: 1 });
    expect(summary).toMatchObject({ failed: 0, duplicates: 1 });
    dump = await readGraph(store);
  }, 120_000);
  afterAll(async () => store?.close());

  it('reads every node and relationship the store counts', async () => {
    const counts = await store.counts();
    const total = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
    expect(dump.nodes.length).toBe(total(counts.nodes));
    expect(dump.relationships.length).toBe(total(counts.relationships));
    expect(counts.relationships['DUPLICATE_OF']).toBe(1);
  });

  it('JSON Lines: one line per article, first reports first; loaded into an empty store it gives the same graph, and again changes nothing', async () => {
    const lines = articleLines(dump);
    expect(lines.map((l) => l.articleId).sort()).toEqual(dump.nodes.filter((n) => n.label === 'Article').map((n) => n.key).sort());
    expect(lines[lines.length - 1]!.relationships.map((r) => r.type)).toEqual(['DUPLICATE_OF']);
    const file = join(dir, `${kind}.jsonl`);
    writeFileSync(file, lines.map((l) => JSON.stringify(l) + '\n').join(''));

    let target = store;
    if (kind === 'neo4j') await store.wipe();
    else target = await open('target');
    try {
      expect(await target.counts()).toEqual({ nodes: expect.any(Object), relationships: expect.any(Object) });
      expect(Object.values((await target.counts()).nodes).every((n) => n === 0)).toBe(true);
      const loaded = await loadExtracted(readRecords([file]), target);
      expect(loaded).toMatchObject({ created: lines.length, failed: 0 });
      expect(await readGraph(target)).toEqual(dump);
      expect(await loadExtracted(readRecords([file]), target)).toMatchObject({ unchanged: lines.length, created: 0, replaced: 0 });
      expect(await readGraph(target)).toEqual(dump);
    } finally {
      if (target !== store) await target.close();
    }
  }, 120_000);

  it('CSV: nodes files with :ID and :LABEL, relationships files with :START_ID/:END_ID/:TYPE, typed headers', () => {
    const { files, command } = toCsv(dump);
    const header = (name: string): string[] => parseCsv(files.get(name)!)[0]!;
    expect(header('nodes-Person.csv')).toEqual([':ID', 'key:string', 'name:string', 'aliases:string[]', 'subtype:string', 'country:string', 'title:string', ':LABEL']);
    expect(header('nodes-Event.csv')).toEqual(expect.arrayContaining([':ID', 'confidence:double', 'evidenceStart:long', ':LABEL']));
    expect(header('relationships-MENTIONS.csv')).toEqual([':START_ID', ':END_ID', ':TYPE', 'count:long', 'starts:long[]', 'ends:long[]']);
    const rows = [...files].filter(([n]) => n.startsWith('nodes-')).flatMap(([, t]) => parseCsv(t).slice(1));
    expect(rows.length).toBe(dump.nodes.length);
    const ids = new Set(rows.map((r) => r[0]));
    expect(ids.size).toBe(rows.length);
    for (const [name, text] of files) {
      if (!name.startsWith('relationships-')) continue;
      for (const r of parseCsv(text).slice(1)) expect([ids.has(r[0]), ids.has(r[1]), `relationships-${r[2]}.csv`]).toEqual([true, true, name]);
    }
    const article = parseCsv(files.get('nodes-Article.csv')!);
    const textCol = article[0]!.indexOf('text:string');
    expect(article.slice(1).map((r) => r[textCol]).sort()).toEqual(dump.nodes.filter((n) => n.label === 'Article').map((n) => n.props['text']).sort());
    expect(command).toMatch(/^neo4j-admin database import full neo4j --nodes=nodes-Article\.csv .*--multiline-fields=true/u);
  });

  it('CSV: the real neo4j-admin import reads the files and imports every node, relationship and property', () => {
    const { files, command } = toCsv(dump);
    const out = join(dir, `${kind}-csv`);
    const home = join(dir, `${kind}-neo4j-home`);
    mkdirSync(out, { recursive: true });
    mkdirSync(join(home, 'conf'), { recursive: true });
    writeFileSync(join(home, 'conf', 'neo4j.conf'), '');
    for (const [name, text] of files) writeFileSync(join(out, name), text);
    expect(readdirSync(out).length).toBe(files.size);
    const args = command.replace(/^neo4j-admin /u, '').split(' ');
    const r = spawnSync('java', ['-Xmx512m', '-cp', resolveClasspath(), 'org.neo4j.cli.AdminTool', ...args], {
      cwd: out,
      encoding: 'utf8',
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
      maxBuffer: 64 << 20,
    });
    const log = `${r.stdout}${r.stderr}`;
    expect({ status: r.status, done: /IMPORT DONE/u.test(log) }).toEqual({ status: 0, done: true });
    const imported = (what: string): number => Number(new RegExp(`(\\d+) ${what}`, 'u').exec(log)?.[1]);
    expect(imported('nodes')).toBe(dump.nodes.length);
    expect(imported('relationships')).toBe(dump.relationships.length);
    // Each node's `:ID` is not a property; every non-null value is one (empty lists are left out, as Neo4j has none).
    expect(imported('properties')).toBe(propertyCount(dump));
  }, 180_000);

  it('GraphML: well-formed XML with every node (label, name) and edge (type, date)', () => {
    const xml = toGraphml(dump);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['node', 'edge', 'data', 'key'].includes(name) }).parse(xml) as {
      graphml: { key: { '@id': string; '@for': string }[]; graph: { '@edgedefault': string; node: { '@id': string; data: { '@key': string; '#text': unknown }[] }[]; edge: { '@source': string; '@target': string; data: { '@key': string; '#text': unknown }[] }[] } };
    };
    const g = doc.graphml.graph;
    expect(g['@edgedefault']).toBe('directed');
    expect(g.node.length).toBe(dump.nodes.length);
    expect(g.edge.length).toBe(dump.relationships.length);
    const field = (data: { '@key': string; '#text': unknown }[], key: string): string | undefined => {
      const d = data.find((x) => x['@key'] === key);
      return d === undefined ? undefined : String(d['#text']);
    };
    const nodeIds = new Set(g.node.map((n) => n['@id']));
    for (const e of g.edge) expect([nodeIds.has(e['@source']), nodeIds.has(e['@target'])]).toEqual([true, true]);
    const person = dump.nodes.find((n) => n.label === 'Person')!;
    const pNode = g.node.find((n) => n['@id'] === `Person/${person.key}`)!;
    expect({ label: field(pNode.data, 'label'), name: field(pNode.data, 'name'), kind: field(pNode.data, 'kind') }).toEqual({ label: person.props['name'], name: person.props['name'], kind: 'Person' });
    for (const n of g.node) expect(field(n.data, 'label')).toBeTruthy();
    const dated = dump.relationships.filter((r) => typeof r.props['date'] === 'string');
    expect(dated.length).toBeGreaterThan(0);
    expect(g.edge.filter((e) => field(e.data, 'e_date') !== undefined).length).toBe(dated.length);
    expect(new Set(g.edge.map((e) => field(e.data, 'e_type')))).toEqual(new Set(dump.relationships.map((r) => r.type)));
    expect(doc.graphml.key.filter((k) => k['@for'] === 'node').map((k) => k['@id'])).toEqual(expect.arrayContaining(['label', 'name']));
  });
});
