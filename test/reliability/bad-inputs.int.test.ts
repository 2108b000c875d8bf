// The bad-input matrix through the real bin into the embedded store: every bad input is one stderr line naming
// the file (and line) and the reason, the good ones are ingested, the exit code is 1 with a summary line, and the
// graph equals the graph of a clean run over the good inputs alone.
import { gzipSync } from 'node:zlib';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import type { Counts } from '../../src/store/types.js';
import { runCli, type CliResult } from './cli-run.js';

const root = mkdtempSync(join(tmpdir(), 'ng-bad-inputs-'));
const bad = join(root, 'inputs');
const good = join(root, 'good-only');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GOOD_TXT = 'date 2021-03-02 The Ruritanian foreign ministry accused Acme Corp. of spying on Tuesday. Acme Corp. rejected the accusation.';
const UTF16_TEXT = 'The Ruritanian trade ministry on Monday criticized Globex Inc. over unpaid tariffs in Zürich.';
/** Text with Cypher-looking content, backticks, $param, emoji and right-to-left scripts. */
export const NASTY_TEXT =
  "Robert'}) DETACH DELETE n // said officials of Initech on Friday. The `MATCH (n) DELETE n` memo and $param " +
  'were harmless 🙂🇺🇳, as שלום עליכם and مرحبا بالعالم were printed by Globex Inc. in Tel Aviv.';
const HTML = `<!doctype html><html><head><title>Globex fined in Freedonia</title>
<meta property="article:published_time" content="2021-04-05T08:00:00Z"><script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>Globex fined in Freedonia</h1>
<p>The Freedonian competition authority on Monday fined Globex Inc. for abusing its dominant position in the market for industrial widgets, the authority said in a statement.</p>
<p>Globex Inc. rejected the decision and said it would appeal to the high court in Fredonia City, where the case is expected to be heard later this year.</p>
</article><footer>© Example News</footer></body></html>`;

const LONG_WORDS = ['the', 'minister', 'said', 'that', 'Acme', 'officials', 'in', 'Beijing', 'accused', 'Globex', 'of', 'fraud', 'on', 'Monday', 'and', 'rivals'];
const longSentence = `date 2021-03-05 ${Array.from({ length: 10_000 }, (_, i) => LONG_WORDS[i % LONG_WORDS.length]).join(' ')}`;

const jsonl = (r: unknown): string => JSON.stringify(r);
const RECORDS: readonly string[] = [
  jsonl({ id: 'j1', date: '2021-03-02', text: 'Globex Inc. sued Initech in a federal court on Wednesday, the company said.' }),
  '{"id":"j2","date":"2021-03-02","text":"a line cut in the middle',
  jsonl({ id: 'j3', date: '2021-03-03', text: 'Initech denied the claims on Thursday and accused Globex Inc. of fraud.' }),
  jsonl({ id: 'j4', date: '2021-03-03' }),
  jsonl({ id: 'j5', text: 'No date on this one, a spokesman for Initech said.' }),
  jsonl({ id: 'j6', date: '2020-02-31', text: 'An impossible day for a report about Globex Inc.' }),
  jsonl({ id: 'j7', date: '2999-01-01', text: 'A report from the far future about Initech.' }),
  jsonl({ id: 'j1', date: '2021-03-02', text: 'Different text under the same id as line 1.' }),
  jsonl({ id: 'j8', date: '2021-03-04', text: NASTY_TEXT }),
];
const BAD_LINES: Readonly<Record<number, RegExp>> = {
  2: /malformed JSON/u,
  4: /record has no "text"/u,
  5: /no publication date/u,
  6: /impossible date "2020-02-31"/u,
  7: /date "2999-01-01" is in the future/u,
  8: /duplicate article id "j1" with different text \(first seen at .*records\.jsonl:1\)/u,
};

const HUGE_BYTES = 50 * 1024 * 1024;

/** file name -> the reason its error must give (the bin must name the file in the same line). */
const BAD_FILES: Readonly<Record<string, RegExp>> = {
  'empty.txt': /empty article \(the file is empty\)/u,
  'blank.txt': /empty article \(only whitespace\)/u,
  'image.txt': /binary file \(PNG data\), not text/u,
  'photo.png': /binary file \(PNG data\), not text/u,
  'export.txt': /binary file \(gzip data\), not text/u,
  'latin1.txt': /not valid UTF-8 \(convert it first, e\.g\. iconv -f latin1 -t utf-8\)/u,
  'broken-utf8.txt': /not valid UTF-8/u,
  'huge.txt': new RegExp(`${HUGE_BYTES} bytes is over the limit of ${5 * 1024 * 1024} bytes per article; raise it with --max-article-bytes`, 'u'),
};
const GOOD_IDS = ['good', 'j1', 'j3', 'j8', 'long', 'page', 'utf16'];

function writeInputs(): void {
  mkdirSync(bad, { recursive: true });
  mkdirSync(good, { recursive: true });
  const both = (name: string, data: string | Buffer): void => {
    writeFileSync(join(bad, name), data);
    writeFileSync(join(good, name), data);
  };
  both('good.txt', GOOD_TXT);
  both('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`date 2021-03-01 ${UTF16_TEXT}`, 'utf16le')]));
  both('page.html', HTML);
  both('long.txt', longSentence);
  writeFileSync(join(bad, 'records.jsonl'), `${RECORDS.join('\n')}\n`);
  writeFileSync(join(good, 'records.jsonl'), `${[RECORDS[0], RECORDS[2], RECORDS[8]].join('\n')}\n`);

  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'blank.txt'), '  \n\t\n   \n');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0f2a4e50000000049454e44ae426082', 'hex');
  writeFileSync(join(bad, 'image.txt'), png);
  writeFileSync(join(root, 'photo.png'), png); // passed by name: folders only yield .txt/.jsonl/.json/.html
  writeFileSync(join(bad, 'export.txt'), gzipSync(Buffer.from(GOOD_TXT)));
  writeFileSync(join(bad, 'latin1.txt'), Buffer.from('date 2021-03-02 Caf\u00e9 owners in M\u00fcnchen accused the city council of neglect.', 'latin1'));
  writeFileSync(join(bad, 'broken-utf8.txt'), Buffer.concat([Buffer.from('date 2021-03-02 Bad bytes '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(' here.')]));
  // 50 MB of ordinary sentences, written in blocks (never held in memory whole)
  const fd = openSync(join(bad, 'huge.txt'), 'w');
  const block = Buffer.from('date 2021-03-02 ' + 'The ministry accused Acme Corp. of fraud on Monday. '.repeat(21_000)).subarray(0, 1024 * 1024);
  for (let i = 0; i < 50; i++) writeSync(fd, block);
  closeSync(fd);
}

async function graph(db: string): Promise<{ counts: Counts; ids: string[]; texts: Map<string, string> }> {
  const store = await openStore({ store: 'embedded', db, readOnly: true });
  try {
    const rows = await store.run('MATCH (a:Article) RETURN a.id AS id, a.text AS text ORDER BY id');
    return { counts: await store.counts(), ids: rows.map((r) => String(r['id'])), texts: new Map(rows.map((r) => [String(r['id']), String(r['text'])])) };
  } finally {
    await store.close();
  }
}

describe('bad-input matrix through `newsgraph ingest` (embedded store)', () => {
  let result: CliResult;
  let clean: CliResult;
  const db = join(root, 'db');
  const cleanDb = join(root, 'clean-db');

  beforeAll(async () => {
    writeInputs();
    [result, clean] = await Promise.all([
      runCli(['ingest', bad, join(root, 'photo.png'), '--store', 'embedded', '--db', db, '--quiet', '--workers', '1']),
      runCli(['ingest', good, '--store', 'embedded', '--db', cleanDb, '--quiet', '--workers', '1']),
    ]);
  }, 240_000);

  test('the clean run over the good inputs alone succeeds (exit 0, nothing failed)', () => {
    expect({ status: clean.status, stderr: clean.stderr }).toEqual({ status: 0, stderr: '' });
    expect(clean.stdout).toMatch(/^ingested 7 of 7 articles \(7 new, 0 replaced, 0 unchanged\), 0 failed$/mu);
  });

  test('exit code 1 and a summary line with the ingested and failed counts', () => {
    const failed = Object.keys(BAD_FILES).length + Object.keys(BAD_LINES).length;
    expect(result.status).toBe(1);
    expect(result.stdout.trim()).toBe(`ingested ${GOOD_IDS.length} of ${GOOD_IDS.length + failed} articles (${GOOD_IDS.length} new, 0 replaced, 0 unchanged), ${failed} failed`);
  });

  test('each bad file is exactly one stderr line naming the file and the reason; no stack traces', () => {
    const lines = result.stderr.trim().split('\n');
    for (const [name, reason] of Object.entries(BAD_FILES)) {
      const mine = lines.filter((l) => l.includes(`/${name}:`));
      expect({ name, lines: mine.length }).toEqual({ name, lines: 1 });
      expect(mine[0]).toMatch(/^error: \//u);
      expect({ name, line: mine[0] }).toEqual({ name, line: expect.stringMatching(reason) });
    }
    expect(result.stderr).not.toMatch(/^\s+at /mu);
  });

  test('each bad JSON Lines record is one stderr line with the file, its line number and the reason', () => {
    const lines = result.stderr.trim().split('\n');
    for (const [line, reason] of Object.entries(BAD_LINES)) {
      const mine = lines.filter((l) => l.includes(`records.jsonl:${line}:`));
      expect({ line, count: mine.length }).toEqual({ line, count: 1 });
      expect({ line, text: mine[0] }).toEqual({ line, text: expect.stringMatching(reason) });
    }
    expect(lines).toHaveLength(Object.keys(BAD_FILES).length + Object.keys(BAD_LINES).length);
  });

  test('the graph holds exactly the good articles, with the same counts as the clean run', async () => {
    const got = await graph(db);
    const want = await graph(cleanDb);
    expect(got.ids).toEqual(GOOD_IDS);
    expect(got.counts).toEqual(want.counts);
    expect(got.counts.nodes['Article']).toBe(GOOD_IDS.length);
  });

  test('UTF-16 with a BOM is decoded; HTML is read to its article text; Cypher-looking, emoji and RTL text is stored verbatim', async () => {
    const { texts } = await graph(db);
    expect(texts.get('utf16')).toBe(UTF16_TEXT);
    const page = texts.get('page')!;
    expect(page).toMatch(/^Globex fined in Freedonia|The Freedonian competition authority on Monday fined Globex Inc\./u);
    expect(page).toContain('would appeal to the high court');
    expect(page).not.toMatch(/<|not text|Home|Example News/u);
    expect(texts.get('j8')).toBe(NASTY_TEXT);
    expect(texts.get('j1')).toBe(JSON.parse(RECORDS[0]!).text);
  });

  test('the refused 50 MB file was never loaded: the run stayed under 400 MB RSS', () => {
    // node + the model + one LadybugDB database take ~250 MB; reading 50 MB as text would add 50-150 MB more.
    expect(result.maxRssMb).toBeLessThan(400);
  });
});
