// The embedded store's bulk path: a batch's rows staged as CSV files, then `COPY` into a table that holds no rows
// yet (first load) or `LOAD FROM <file> … MERGE` into one that does. COPY never touches a table with rows:
// LadybugDB's COPY into a filled table can fail, and a retry with IGNORE_ERRORS has stored duplicate keys.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_PROPS, REL_PROPS, type NodeLabel, type PropType, type RelType } from '../../graph/types.js';
import { FLOAT_PROPS, mergeRelCypher, q, type BulkWriter, type NodeGroup, type RelGroup, type TxRun } from '../load-article.js';
import { REL_ENDPOINTS } from './schema.js';

/** Joins the items of a staged string list; a list holding it (or LIST_EMPTY) goes through UNWIND instead. */
const LIST_SEP = '\u001f';
/** Stands for an empty string list (an empty CSV field is null). */
const LIST_EMPTY = '\u001e';
const CSV_OPTIONS = `(header=true, parallel=false, delim=',', quote='"', escape='"')`;

/** A value LadybugDB's CSV reader can't give back exactly: the group is written with UNWIND MERGE instead. */
class Unstageable extends Error {}

/**
 * Writes node and relationship groups through staged CSV files in `dir` (a temp folder by default), inside the
 * caller's transaction. `nonEmpty` remembers tables seen holding rows (never wrongly "empty": a stale entry only
 * costs a MERGE instead of a COPY).
 * @example const w = new StagedWriter(run, tables); await loadArticleBatch(batch, run, dialect, w);
 */
export class StagedWriter implements BulkWriter {
  constructor(
    private readonly run: TxRun,
    private readonly tables: StagingArea,
  ) {}

  async nodes(group: NodeGroup): Promise<boolean> {
    const types = group.props.map((p) => NODE_PROPS[group.label][p]!);
    const file = this.tables.stage(`${group.label}.csv`, group.props, types, group.rows);
    if (file === undefined) return false;
    const head = loadHead(file, group.props, types);
    const src = (p: string): string => read(group.props.indexOf(p), types[group.props.indexOf(p)]!);
    if (await this.isEmpty(group.label, `MATCH (n:${group.label}) RETURN count(n) AS c`)) {
      await this.run(`COPY ${group.label} FROM (${head} RETURN ${group.props.map(src).join(', ')})`, {});
    } else {
      await this.run(`${head} MERGE (n:${group.label} {${q(group.keyProp)}: ${src(group.keyProp)}}) SET ${group.sets(src).join(', ')}`, {});
    }
    this.tables.nonEmpty.add(group.label);
    return true;
  }

  async rels(group: RelGroup): Promise<boolean> {
    const cols = ['__from', '__to', ...group.props];
    const types: PropType[] = ['string', 'string', ...group.props.map((p) => REL_PROPS[group.type][p]!)];
    const file = this.tables.stage(`${group.type}-${group.from}-${group.to}.csv`, cols, types, group.rows);
    if (file === undefined) return false;
    const head = loadHead(file, cols, types);
    const src = (p: string): string => read(cols.indexOf(p), types[cols.indexOf(p)]!);
    if (await this.isEmpty(group.type, `MATCH ()-[x:${group.type}]->() RETURN count(x) AS c`)) {
      const pair = REL_ENDPOINTS[group.type].length > 1 ? ` (from='${group.from}', to='${group.to}')` : '';
      await this.run(`COPY ${group.type} FROM (${head} RETURN ${cols.map(src).join(', ')})${pair}`, {});
    } else {
      await this.run(mergeRelCypher(group, src, head), {});
    }
    this.tables.nonEmpty.add(group.type);
    return true;
  }

  private async isEmpty(table: NodeLabel | RelType, countCypher: string): Promise<boolean> {
    if (this.tables.nonEmpty.has(table)) return false;
    const r = await this.run(countCypher, {});
    if (Number(r[0]?.['c'] ?? 0) === 0) return true;
    this.tables.nonEmpty.add(table);
    return false;
  }
}

/** Characters of CSV gathered before each write. */
const STAGE_CHUNK = 1 << 20;

/** The staging folder of one open store, and the tables known to hold rows. */
export class StagingArea {
  readonly nonEmpty = new Set<string>();
  private dir: string | undefined;

  /**
   * Writes rows as CSV, a megabyte at a time (a huge article's million rows never become one string); undefined when
   * some value can't round-trip through LadybugDB's CSV reader.
   */
  stage(name: string, cols: readonly string[], types: readonly PropType[], rows: readonly Record<string, unknown>[]): string | undefined {
    this.dir ??= mkdtempSync(join(tmpdir(), 'newsgraph-stage-'));
    const file = join(this.dir, name);
    if (!/^[A-Za-z0-9_./\\:-]+$/.test(file)) return undefined; // the path goes into a Cypher string literal
    const fd = openSync(file, 'w');
    let ok = false;
    try {
      let chunk = cols.map((_, i) => `c${i}`).join(',') + '\n';
      for (const row of rows) {
        chunk += cols.map((c, i) => cell(row[c], types[i]!, c)).join(',') + '\n';
        if (chunk.length >= STAGE_CHUNK) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
      ok = true;
    } catch (err) {
      if (!(err instanceof Unstageable)) throw err;
    } finally {
      closeSync(fd);
      if (!ok) rmSync(file, { force: true });
    }
    return ok ? file : undefined;
  }

  /** Deletes the staged files (on close, and after each batch keeps only the last). */
  remove(): void {
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

function loadHead(file: string, cols: readonly string[], types: readonly PropType[]): string {
  const decl = cols.map((c, i) => `c${i} ${csvType(c, types[i]!)}`).join(', ');
  return `LOAD WITH HEADERS (${decl}) FROM '${file.replace(/\\/g, '/')}' ${CSV_OPTIONS}`;
}

function csvType(prop: string, type: PropType): string {
  switch (type) {
    case 'string':
    case 'string[]':
      return 'STRING';
    case 'number':
      return FLOAT_PROPS.has(prop) ? 'DOUBLE' : 'INT64';
    case 'number[]':
      return 'INT64[]';
  }
}

/** The expression reading column i: string lists are split back apart. */
function read(i: number, type: PropType): string {
  const c = `c${i}`;
  if (type !== 'string[]') return c;
  return `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} = '\\u001e' THEN CAST([] AS STRING[]) ELSE string_split(${c}, '\\u001f') END`;
}

function quoted(s: string): string {
  // An empty field reads back as null, NUL ends a string early: such values go through UNWIND.
  if (s === '' || s.includes('\0')) throw new Unstageable();
  return `"${s.replace(/"/g, '""')}"`;
}

function cell(v: unknown, type: PropType, prop: string): string {
  if (v === null || v === undefined) return '';
  switch (type) {
    case 'string':
      if (typeof v !== 'string') throw new Unstageable();
      return quoted(v);
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Unstageable();
      if (!FLOAT_PROPS.has(prop) && !Number.isInteger(v)) throw new Unstageable();
      return String(v);
    case 'string[]': {
      if (!Array.isArray(v)) throw new Unstageable();
      if (v.length === 0) return quoted(LIST_EMPTY);
      for (const x of v) {
        if (typeof x !== 'string' || x === '' || x.includes(LIST_SEP) || x.includes(LIST_EMPTY)) throw new Unstageable();
      }
      return quoted(v.join(LIST_SEP));
    }
    case 'number[]':
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isInteger(x))) throw new Unstageable();
      return quoted(`[${v.join(',')}]`);
  }
}
