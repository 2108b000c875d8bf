// Speed work must not change what is extracted: caches (names, words, dates, the tagger's word ids), reused regexes and
// the tokenizer's shortcut through compromise give the same output whatever ran before, and the same tokens as the
// plain `nlp(text).json()` reading with every compromise step. (Byte-identical records over corpus/, eng.train and
// TBAQ before/after each change: scripts/profile-pipeline.ts --golden / --check.)
import { readdirSync, readFileSync } from 'node:fs';
import nlp from 'compromise'; // only to pin the adapter to compromise's own reading; src/ keeps it inside src/nlp/
import { extract } from '../../src/extract.js';
import { extractDates } from '../../src/dates/index.js';
import type { Article } from '../../src/model/types.js';
import { tokenize } from '../../src/nlp/tokenize.js';

const CORPUS = new URL('../../corpus/', import.meta.url);

function corpus(): Article[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f, i) => ({ id: `c${i}`, date: '2020-05-25', text: readFileSync(new URL(f, CORPUS), 'utf8') }));
}

/** Tokens as the adapter would read them from `.json()` with every hook, the chunker included. */
function viaJson(text: string): { text: string; tags: string[]; start: number }[] {
  const out: { text: string; tags: string[]; start: number }[] = [];
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: { text: string; tags: string[]; offset: { start: number; length: number } }[] }[];
  for (const s of json) for (const t of s.terms) if (t.offset.length > 0) out.push({ text: t.text, tags: t.tags, start: t.offset.start });
  return out;
}

describe('output stability', () => {
  const articles = corpus();

  it('has articles to check', () => {
    expect(articles.length).toBeGreaterThanOrEqual(5);
  });

  it('extracts the same records in forward and reverse order (no state leaks through caches)', () => {
    const forward = articles.map((a) => JSON.stringify(extract(a)));
    const reverse = [...articles].reverse().map((a) => JSON.stringify(extract(a))).reverse();
    expect(reverse).toEqual(forward);
    expect(forward.some((r) => (JSON.parse(r) as { events: unknown[] }).events.length > 0)).toBe(true);
  });

  it('finds the same dates however often and in whatever order the rules run', () => {
    const texts = [
      'On Monday, the ministry said tariffs rose 25% in the third quarter of 2019 and would rise again next week.',
      'The deal, signed on March 3, 2020 at 10:30 a.m., ends on 12/31/2021; talks resume in two weeks.',
    ];
    const once = texts.map((t) => extractDates(t, { articleDate: '2020-05-25' }));
    expect(once.every((d) => d.length >= 3)).toBe(true);
    for (let k = 0; k < 3; k++) {
      expect([...texts].reverse().map((t) => extractDates(t, { articleDate: '2020-05-25' })).reverse()).toEqual(once);
    }
  });

  it('finds written dates anywhere in a long article (chrono reads only the stretches around date cues)', () => {
    // Forms only chrono reads here: a date with its clock time, year/month/day with slashes, a time before a date.
    const dated = 'The meeting on Mar. 3rd 2020 at 3:30pm ended; results are due 2020/03/03, and it closed at 10:30 a.m. on 12/3/2019.';
    const alone = extractDates(dated, { articleDate: '2020-05-25' }).map((d) => [d.text, d.value, d.start]);
    expect(alone.map(([text]) => text)).toEqual(['Mar. 3rd 2020 at 3:30pm', '2020/03/03', '10:30 a.m. on 12/3/2019']);
    for (const filler of ['Talks went on without result. '.repeat(30), 'x'.repeat(450) + ' ', '']) {
      const text = filler + dated + ' ' + 'No one commented further on the matter. '.repeat(20);
      const found = extractDates(text, { articleDate: '2020-05-25' }).map((d) => [d.text, d.value, d.start - filler.length]);
      expect(found).toEqual(alone);
    }
  });

  it('tokenizes with the text, offsets and tags of compromise run with every step', () => {
    const texts = [
      ...articles.map((a) => a.text),
      "Jean-Luc's co-founder didn't respond Monday; the U.S.-based unit (Acme Widgets Ltd.) won't comment.",
      '“We urge the US,” Zhao said. Prices rose 3.5% to $1,200 on Jan. 5 at 9 p.m.',
    ];
    let compared = 0;
    for (const text of texts) {
      const tokens = tokenize(text).tokens;
      for (const w of viaJson(text)) {
        // Every term lies inside a token (hyphenated words are one token, punctuation is split off).
        const t = tokens.find((x) => x.start <= w.start && w.start < x.end);
        expect(t).toBeDefined();
        // A token that is its term carries the term's tags, in compromise's order.
        if (t!.start === w.start && t!.text === w.text) {
          expect(t!.tags).toEqual(w.tags);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
