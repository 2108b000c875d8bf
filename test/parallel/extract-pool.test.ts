// The extraction pool: results come back in input order, input errors pass through in place, worker threads
// (the compiled pool in dist/, as newsgraph runs it) give the same records as extraction on this thread.
import { existsSync } from 'node:fs';
import { InputError } from '../../src/errors.js';
import type { InputItem } from '../../src/input/read-inputs.js';
import type { Article } from '../../src/model/types.js';
import { extractStream, type Extracted } from '../../src/parallel/extract-pool.js';

const ARTICLES: Article[] = Array.from({ length: 9 }, (_, i) => ({
  id: `p${i}`,
  date: '2021-06-0' + ((i % 9) + 1),
  text: i % 3 === 0 ? `China accused Acme Corp. of spying on Monday. Report ${i}.` : `Globex rejected the claim by Initech on Tuesday, item ${i}.`,
}));

async function* items(list: readonly InputItem[]): AsyncGenerator<InputItem> {
  for (const x of list) yield x;
}

async function collect(stream: AsyncGenerator<Extracted>): Promise<Extracted[]> {
  const out: Extracted[] = [];
  for await (const r of stream) out.push(r);
  return out;
}

const summary = (r: Extracted): string =>
  'error' in r ? `error:${r.error.line}` : 'failure' in r ? `failure:${r.article.id}` : `${r.article.id}:${r.record.events.length}:${r.rows?.nodes.length}`;

test('in order, with an input error kept in its place, and graph rows when asked', async () => {
  const list: InputItem[] = ARTICLES.map((article) => ({ article }));
  list.splice(4, 0, { error: new InputError('x.jsonl:5: malformed JSON', { file: 'x.jsonl', line: 5 }) });
  const out = await collect(extractStream(items(list), { workers: 1, withRows: true }));
  expect(out.map((r) => ('error' in r ? 'error' : r.article.id))).toEqual([...ARTICLES.slice(0, 4).map((a) => a.id), 'error', ...ARTICLES.slice(4).map((a) => a.id)]);
  for (const r of out) if (!('error' in r) && !('failure' in r)) expect(r.rows?.articleId).toBe(r.article.id);
});

const DIST = new URL('../../dist/parallel/extract-pool.js', import.meta.url);

test('two worker threads (compiled pool) give the same records, in the same order, as one thread', async () => {
  expect(existsSync(DIST)).toBe(true); // `npm test` builds dist/ first
  const compiled = (await import(DIST.href)) as typeof import('../../src/parallel/extract-pool.js');
  const list: InputItem[] = [...ARTICLES, ...ARTICLES.map((a) => ({ ...a, id: `${a.id}b` }))].map((article) => ({ article }));
  const one = await collect(compiled.extractStream(items(list), { workers: 1, withRows: true }));
  const two = await collect(compiled.extractStream(items(list), { workers: 2, withRows: true }));
  expect(two.map(summary)).toEqual(one.map(summary));
  expect(two.map(summary)).toEqual(list.map((x) => expect.stringMatching(new RegExp(`^${'article' in x ? x.article.id : ''}:`))));
}, 120_000);

test('a started pool, warmed up and reused for two streams, gives the records of one thread in input order', async () => {
  const compiled = (await import(DIST.href)) as typeof import('../../src/parallel/extract-pool.js');
  const pool = compiled.ExtractPool.start(2)!;
  expect(pool.size).toBe(2);
  try {
    await pool.warmUp(ARTICLES.slice(0, 4).map((a) => ({ ...a, id: `${a.id}w` })));
    const list: InputItem[] = [...ARTICLES, ...ARTICLES.map((a) => ({ ...a, id: `${a.id}c` }))].map((article) => ({ article }));
    list.splice(7, 0, { error: new InputError('y.jsonl:8: malformed JSON', { file: 'y.jsonl', line: 8 }) });
    const one = await collect(compiled.extractStream(items(list), { workers: 1, withRows: true }));
    const first = await collect(compiled.extractStream(items(list), { pool, withRows: true }));
    const second = await collect(compiled.extractStream(items(list), { pool, withRows: true }));
    expect(first.map(summary)).toEqual(one.map(summary));
    expect(second.map(summary)).toEqual(one.map(summary));
    // Byte-identical records and rows, not only the same counts.
    const strip = (r: Extracted): string => JSON.stringify('record' in r ? [r.record, r.rows] : r);
    expect(first.map(strip)).toEqual(one.map(strip));
  } finally {
    await pool.close();
  }
}, 120_000);

test('a worker that runs out of heap fails only the article it held, and a new worker takes the next ones', async () => {
  const compiled = (await import(DIST.href)) as typeof import('../../src/parallel/extract-pool.js');
  // Under the SEGMENT_ABOVE limit, so extracted whole: far more than a 48 MB heap holds.
  let text = '';
  for (let i = 0; text.length < 250_000; i += 1) text += `${ARTICLES[i % ARTICLES.length]!.text} Paragraph ${i} ends here.\n\n`;
  const pool = compiled.ExtractPool.start(2, 48)!;
  try {
    const big = pool.extract({ id: 'big', date: '2021-06-01', text }, true);
    const small = ARTICLES.map((a) => pool.extract(a, true));
    const results = await Promise.all([big, ...small]);
    const [b, ...rest] = results;
    expect('failure' in b! && b.failure).toMatch(/worker failed: .*memory/iu);
    expect(rest.map((r) => ('record' in r ? r.article.id : `failed ${'failure' in r ? r.failure : ''}`))).toEqual(ARTICLES.map((a) => a.id));
    // Both workers are alive afterwards.
    const after = await Promise.all(ARTICLES.slice(0, 4).map((a) => pool.extract({ ...a, id: `${a.id}x` }, false)));
    expect(after.every((r) => 'record' in r)).toBe(true);
  } finally {
    await pool.close();
  }
}, 120_000);
