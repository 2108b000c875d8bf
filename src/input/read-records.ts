// Extraction records (JSON Lines from `extract --with-text`) -> articles with their graph rows, without re-extracting.
// Each line is checked against schema/extraction.schema.json; a bad line is an error naming file and line.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Ajv, type ValidateFunction } from 'ajv';
import { InputError } from '../errors.js';
import { EXTRACTOR_VERSION } from '../extract.js';
import { GRAPH_ROWS_KIND, parseGraphRowsLine } from '../export/to-jsonl.js';
import { toGraph } from '../graph/to-graph.js';
import type { Article, ExtractionRecord } from '../model/types.js';
import type { Extracted } from '../parallel/extract-pool.js';
import { packagePath } from '../paths.js';
import { checkDate } from './read-inputs.js';

let validator: ValidateFunction | undefined;

function validate(record: unknown): string | undefined {
  validator ??= new Ajv({ allErrors: false }).compile(JSON.parse(readFileSync(packagePath('schema', 'extraction.schema.json'), 'utf8')) as object);
  if (validator(record)) return undefined;
  const e = validator.errors?.[0];
  return e ? `${e.instancePath || '(record)'} ${e.message ?? 'is invalid'}` : 'is invalid';
}

/**
 * Reads records back from JSON Lines files, in order.
 * @example for await (const r of readRecords(['part1.jsonl'])) if ('record' in r) console.log(r.article.id);
 */
export async function* readRecords(files: readonly string[]): AsyncGenerator<Extracted> {
  for (const file of files) {
    let line = 0;
    try {
      const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      for await (const raw of rl) {
        line += 1;
        if (raw.trim() === '') continue;
        try {
          yield fromLine(raw, file, line);
        } catch (err) {
          yield { error: err instanceof InputError ? err : new InputError(`${file}:${line}: ${(err as Error).message}`, { file, line, cause: err }) };
        }
      }
    } catch (err) {
      yield { error: new InputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file, cause: err }) };
    }
  }
}

function fromLine(raw: string, file: string, line: number): Extracted {
  const where = `${file}:${line}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new InputError(`${where}: malformed JSON (${(err as Error).message})`, { file, line, cause: err });
  }
  if ((parsed as { kind?: unknown } | null)?.kind === GRAPH_ROWS_KIND) return fromGraphRows(parsed, file, line);
  const problem = validate(parsed);
  if (problem) throw new InputError(`${where}: not an extraction record: ${problem}`, { file, line });
  const record = parsed as ExtractionRecord & { extractorVersion?: string; article: { text?: string } };
  if (typeof record.article.text !== 'string') {
    throw new InputError(`${where}: record has no article text; make the records with \`newsgraph extract --with-text\``, { file, line });
  }
  const a = record.article;
  const article: Article = {
    id: a.id,
    date: checkDate(a.date, where, line),
    text: a.text!,
    file,
    line,
    ...(a.title !== undefined ? { title: a.title } : {}),
    ...(a.url !== undefined ? { url: a.url } : {}),
    ...(a.source !== undefined ? { source: a.source } : {}),
  };
  const { text: _text, ...articleMeta } = a;
  const clean: ExtractionRecord = { ...record, article: articleMeta };
  return { article, record: clean, rows: toGraph(article, clean, record.extractorVersion ?? EXTRACTOR_VERSION) };
}

// A line of `newsgraph export --format jsonl`: graph rows loaded as they are (exact: no reprint check, no re-keying).
function fromGraphRows(parsed: unknown, file: string, line: number): Extracted {
  const { article: node, ...rows } = parseGraphRowsLine(parsed, file, line);
  const p = node.props;
  const str = (k: string): string | undefined => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  const article: Article = {
    id: rows.articleId,
    date: str('date') ?? '',
    text: str('text') ?? '',
    file,
    line,
    ...(str('title') !== undefined ? { title: str('title') } : {}),
    ...(str('url') !== undefined ? { url: str('url') } : {}),
    ...(str('source') !== undefined ? { source: str('source') } : {}),
  };
  const record: ExtractionRecord = { schemaVersion: 1, article: { id: article.id, date: article.date }, entities: [], references: [], events: [], nonFactual: [], dates: [] };
  return { article, record, rows, exact: true };
}
