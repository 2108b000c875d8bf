import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleFromText, checkDate, readInputs, type InputItem } from '../../src/input/read-inputs.js';

async function collect(inputs: string[], options = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(inputs, options)) out.push(item);
  return out;
}

describe('articleFromText', () => {
  it('takes the date lead on the same line as the first sentence, and offsets start after it', () => {
    const a = articleFromText('date 2020-05-25 China demanded Monday.', 'corpus/x.txt');
    expect(a).toMatchObject({ id: 'x', date: '2020-05-25', text: 'China demanded Monday.' });
  });
  it('takes a lead followed by a blank line', () => {
    const a = articleFromText('date 2021-03-02\n\nBody here.', 'a/b/slug.txt');
    expect(a).toMatchObject({ id: 'slug', date: '2021-03-02', text: 'Body here.' });
  });
  it('uses --date only for articles without a lead', () => {
    expect(articleFromText('date 2020-01-02 X.', 'x.txt', { date: '2019-01-01' }).date).toBe('2020-01-02');
    expect(articleFromText('No lead.', 'x.txt', { date: '2019-01-01' }).date).toBe('2019-01-01');
  });
  it('refuses a missing date, naming the file and the fix', () => {
    expect(() => articleFromText('No lead.', 'x.txt')).toThrow(/x\.txt: no publication date.*--date/u);
  });
});

describe('checkDate', () => {
  it.each([
    ['2020-02-31', /impossible date/u],
    ['2020-13-01', /impossible date/u],
    ['20-1-1', /not YYYY-MM-DD/u],
    ['2999-01-01', /in the future/u],
  ])('refuses %s', (value, reason) => {
    expect(() => checkDate(value, 'f.jsonl:3', 3)).toThrow(reason);
  });
  it('accepts a real day', () => expect(checkDate('2024-02-29', 'f')).toBe('2024-02-29'));
});

describe('readInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-inputs-'));
  writeFileSync(join(dir, 'a.txt'), 'date 2020-05-25 First article.');
  writeFileSync(join(dir, 'b.jsonl'), [
    JSON.stringify({ id: 'j1', date: '2020-05-01', text: 'One.' }),
    '{not json',
    JSON.stringify({ id: 'j3', date: '2020-05-03' }),
    JSON.stringify({ id: 'j4', date: '2020-02-31', text: 'Bad date.' }),
    JSON.stringify({ id: 'j5', date: '2020-05-05T10:00:00Z', text: 'Five.', title: 'T' }),
  ].join('\n'));
  writeFileSync(join(dir, 'c.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'd.txt'), Buffer.from('date 2020-01-01 caf\xe9 au lait', 'latin1'));
  writeFileSync(join(dir, 'e.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('date 2020-01-01 UTF-16 text.', 'utf16le')]));
  writeFileSync(join(dir, 'f.txt'), '   \n  ');
  writeFileSync(join(dir, 'ignored.md'), 'not an article');

  it('yields good articles in order and one error per bad input, naming file and line', async () => {
    const items = await collect([dir], { date: '2020-06-01' });
    const ok = items.filter((i): i is { article: never } => 'article' in i).map((i) => (i.article as { id: string }).id);
    expect(ok).toEqual(['a', 'j1', 'j5', 'e']);
    const errors = items.filter((i): i is { error: never } => 'error' in i).map((i) => (i.error as Error).message);
    expect(errors).toHaveLength(6);
    expect(errors[0]).toMatch(/b\.jsonl:2: malformed JSON/u);
    expect(errors[1]).toMatch(/b\.jsonl:3: record has no "text"/u);
    expect(errors[2]).toMatch(/b\.jsonl:4: impossible date "2020-02-31"/u);
    expect(errors[3]).toMatch(/c\.txt: binary file/u);
    expect(errors[4]).toMatch(/d\.txt: not valid UTF-8/u);
    expect(errors[5]).toMatch(/f\.txt: empty article/u);
  });

  it('reports an empty article', async () => {
    const items = await collect([join(dir, 'f.txt')], { date: '2020-06-01' });
    expect(items).toHaveLength(1);
    expect('error' in items[0]! && items[0].error.message).toMatch(/f\.txt: empty article/u);
  });

  it('refuses an article over the size limit and names the flag', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, `date 2020-01-01 ${'word '.repeat(1000)}`);
    const items = await collect([big], { maxArticleBytes: 1000 });
    expect('error' in items[0]! && items[0].error.message).toMatch(/over the limit of 1000 bytes.*--max-article-bytes/u);
  });

  it('reports a missing path', async () => {
    const items = await collect([join(dir, 'nope.txt')]);
    expect('error' in items[0]! && items[0].error.message).toMatch(/nope\.txt: cannot read \(ENOENT\)/u);
  });
});
