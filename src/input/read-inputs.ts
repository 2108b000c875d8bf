// Files and folders -> a stream of articles (or input errors naming file and line), in a stable order.
// "date 2020-05-25 China demanded Monday…" in corpus/x.txt -> { id: 'x', date: '2020-05-25', text: 'China demanded Monday…' }
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { isValid, parseISO, format } from 'date-fns';
import { InputError } from '../errors.js';
import type { Article } from '../model/types.js';
import { readHtml } from './html.js';
import { readFeed } from '../sources/feed.js';
import { isUrl, type FetchOptions } from '../sources/fetch-url.js';
import { readUrl } from '../sources/read-url.js';

export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
const DATE_LEAD = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/u;
const FEED_EXTENSIONS = new Set(['.rss', '.atom', '.xml']);
const EXTENSIONS = new Set(['.txt', '.jsonl', '.ndjson', '.json', '.html', '.htm', ...FEED_EXTENSIONS]);
/** File extensions read as inputs (folders are searched for these). */
export const INPUT_EXTENSIONS: ReadonlySet<string> = EXTENSIONS;

export interface ReadOptions {
  /** Fills in the date of articles that have none. */
  readonly date?: string;
  readonly maxArticleBytes?: number;
  /** Limits for http(s) inputs and the pages that feed items link to. */
  readonly fetch?: FetchOptions;
}

export type InputItem = { readonly article: Article } | { readonly error: InputError };

/**
 * Expands folders (their .txt/.jsonl/.json files, sorted by name) and yields each article in input order.
 * @example for await (const item of readInputs(['corpus'])) if ('article' in item) console.log(item.article.id);
 */
export async function* readInputs(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    if (isUrl(input)) {
      yield* readUrl(input, options);
      continue;
    }
    let files: string[];
    try {
      files = await expand(input);
    } catch (err) {
      yield { error: new InputError(`${input}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: input, cause: err }) };
      continue;
    }
    for (const file of files) yield* readFileItems(file, options);
  }
}

async function expand(input: string): Promise<string[]> {
  const s = await stat(input);
  if (!s.isDirectory()) return [input];
  const entries = await readdir(input, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const p = join(input, e.name);
    if (e.isDirectory()) out.push(...(await expand(p)));
    else if (EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

async function* readFileItems(file: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const ext = extname(file).toLowerCase();
  const max = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  try {
    if (ext === '.jsonl' || ext === '.ndjson') {
      yield* readJsonLines(file, options, max);
      return;
    }
    const size = (await stat(file)).size;
    if (ext === '.json') {
      if (size > max * 50) throw new InputError(`${file}: ${size} bytes is over the limit for a JSON file; use JSON Lines for large collections`, { file });
      const text = decodeText(await readFile(file), file);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw new InputError(`${file}: not valid JSON (${(err as Error).message})`, { file, cause: err });
      }
      const records = Array.isArray(parsed) ? parsed : [parsed];
      for (let i = 0; i < records.length; i++) {
        try {
          yield { article: articleFromRecord(records[i], file, undefined, options, max) };
        } catch (err) {
          yield { error: asInputError(err, file) };
        }
      }
      return;
    }
    if (FEED_EXTENSIONS.has(ext)) {
      if (size > max * 50) throw new InputError(`${file}: ${size} bytes is over the limit for a feed file`, { file });
      yield* readFeed(decodeText(await readFile(file), file), file, options);
      return;
    }
    if (size > max) {
      throw new InputError(`${file}: ${size} bytes is over the limit of ${max} bytes per article; raise it with --max-article-bytes`, { file });
    }
    const content = decodeText(await readFile(file), file);
    yield { article: ext === '.html' || ext === '.htm' ? articleFromHtml(content, file, options) : articleFromText(content, file, options) };
  } catch (err) {
    yield { error: asInputError(err, file) };
  }
}

async function* readJsonLines(file: string, options: ReadOptions, max: number): AsyncGenerator<InputItem> {
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line += 1;
    if (raw.trim() === '') continue;
    try {
      if (raw.includes('\uFFFD')) throw new InputError(`${file}:${line}: not valid UTF-8`, { file, line });
      if (Buffer.byteLength(raw) > max) throw new InputError(`${file}:${line}: record is over the limit of ${max} bytes; raise it with --max-article-bytes`, { file, line });
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (err) {
        throw new InputError(`${file}:${line}: malformed JSON (${(err as Error).message})`, { file, line, cause: err });
      }
      yield { article: articleFromRecord(parsed, file, line, options, max) };
    } catch (err) {
      yield { error: asInputError(err, file, line) };
    }
  }
}

/** Signatures of binary formats often saved with a text extension by mistake, named in the error. */
const BINARY_MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['gzip', [0x1f, 0x8b]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
];

/** Decodes bytes as UTF-8 (or UTF-16 with a BOM); refuses binary and invalid UTF-8 with the reason. */
export function decodeText(bytes: Buffer, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const kind = BINARY_MAGIC.find(([, magic]) => magic.every((b, i) => bytes[i] === b));
  if (kind) throw new InputError(`${file}: binary file (${kind[0]} data), not text`, { file });
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new InputError(`${file}: binary file (contains NUL bytes), not text`, { file });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch (err) {
    throw new InputError(`${file}: not valid UTF-8 (convert it first, e.g. iconv -f latin1 -t utf-8)`, { file, cause: err });
  }
}

/** A .txt article: optional "date YYYY-MM-DD" lead, id from the file name. */
export function articleFromText(content: string, file: string, options: ReadOptions = {}): Article {
  const id = basename(file, extname(file));
  if (content.trim() === '') throw new InputError(`${file}: empty article (${content === '' ? 'the file is empty' : 'only whitespace'})`, { file });
  const lead = DATE_LEAD.exec(content);
  const text = lead ? content.slice(lead[0].length) : content;
  const date = checkDate(lead?.[1] ?? options.date, file);
  if (text.trim() === '') throw new InputError(`${file}: empty article (no text after the date lead)`, { file });
  return { id, date, text, file };
}

/** A saved web page: Readability's article text; the page's own publication date, else --date. */
export function articleFromHtml(html: string, file: string, options: ReadOptions = {}): Article {
  const page = readHtml(html, file);
  const date = checkDate(page.date ?? options.date, file);
  return {
    id: basename(file, extname(file)),
    date,
    text: page.text,
    file,
    ...(page.title ? { title: page.title } : {}),
    ...(page.url ? { url: page.url } : {}),
    ...(page.source ? { source: page.source } : {}),
  };
}

function articleFromRecord(value: unknown, file: string, line: number | undefined, options: ReadOptions, max: number): Article {
  const where = line !== undefined ? `${file}:${line}` : file;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${where}: a record must be a JSON object with id, date and text`, { file, line });
  }
  const r = value as Record<string, unknown>;
  if (typeof r.text !== 'string' || r.text.trim() === '') throw new InputError(`${where}: record has no "text"`, { file, line });
  if (Buffer.byteLength(r.text) > max) throw new InputError(`${where}: text is over the limit of ${max} bytes; raise it with --max-article-bytes`, { file, line });
  if (r.id === undefined || r.id === null || String(r.id).trim() === '') throw new InputError(`${where}: record has no "id"`, { file, line });
  const rawDate = typeof r.date === 'string' ? r.date.slice(0, 10) : options.date;
  const date = checkDate(rawDate, where, line);
  const opt = (k: string): string | undefined => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
  return {
    id: String(r.id),
    date,
    text: r.text,
    file,
    ...(line !== undefined ? { line } : {}),
    ...(opt('title') !== undefined ? { title: opt('title') } : {}),
    ...(opt('url') !== undefined ? { url: opt('url') } : {}),
    ...(opt('source') !== undefined ? { source: opt('source') } : {}),
  };
}

/**
 * Validates a publication date: YYYY-MM-DD, a real calendar day, not in the future.
 * @example checkDate('2020-02-31', 'a.txt') // throws InputError "impossible date"
 */
export function checkDate(value: string | undefined, where: string, line?: number): string {
  const file = where.replace(/:\d+$/u, '');
  if (value === undefined || value === '') {
    throw new InputError(`${where}: no publication date (add a "date YYYY-MM-DD" lead, a "date" field, or pass --date)`, { file, line });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) throw new InputError(`${where}: date "${value}" is not YYYY-MM-DD`, { file, line });
  const d = parseISO(value);
  if (!isValid(d) || format(d, 'yyyy-MM-dd') !== value) throw new InputError(`${where}: impossible date "${value}"`, { file, line });
  const tomorrow = format(new Date(Date.now() + 2 * 86_400_000), 'yyyy-MM-dd');
  if (value > tomorrow) throw new InputError(`${where}: date "${value}" is in the future`, { file, line });
  return value;
}

function asInputError(err: unknown, file: string, line?: number): InputError {
  if (err instanceof InputError) return err;
  const where = line !== undefined ? `${file}:${line}` : file;
  return new InputError(`${where}: ${(err as Error).message}`, { file, line, cause: err });
}
