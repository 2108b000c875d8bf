// Hand-annotated TIMEX3 fixtures (test/fixtures/dates/*.json): DATE values must be right at least 95% of the time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDates } from '../../src/dates/index.js';

interface Expected { text: string; type: string; value: string }
interface Case { articleDate: string; text?: string; file?: string; expected: Expected[] }

const DIR = join(process.cwd(), 'test/fixtures/dates');
const LEAD = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/;

export function loadCases(): { name: string; articleDate: string; text: string; expected: Expected[] }[] {
  const out: { name: string; articleDate: string; text: string; expected: Expected[] }[] = [];
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.json')).sort()) {
    const cases = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Case[];
    cases.forEach((c, i) => {
      let text = c.text ?? '';
      if (c.file) {
        const raw = readFileSync(join(process.cwd(), c.file), 'utf8');
        text = raw.replace(LEAD, '');
      }
      out.push({ name: `${f}#${i}`, articleDate: c.articleDate, text, expected: c.expected });
    });
  }
  return out;
}

describe('hand-annotated temporal fixtures', () => {
  const cases = loadCases();

  it('has at least 150 annotated expressions', () => {
    expect(cases.reduce((n, c) => n + c.expected.length, 0)).toBeGreaterThanOrEqual(150);
  });

  it('finds the exact extent and value for DATE expressions at least 95% of the time', () => {
    const tally: Record<string, { total: number; right: number }> = {};
    const failures: string[] = [];
    for (const c of cases) {
      const got = extractDates(c.text, { articleDate: c.articleDate });
      let cursor = 0;
      for (const e of c.expected) {
        const start = c.text.indexOf(e.text, cursor);
        expect(start).toBeGreaterThanOrEqual(0); // the fixture itself must be consistent
        cursor = start + e.text.length;
        const hit = got.find((d) => d.start === start && d.end === start + e.text.length);
        const t = (tally[e.type] ??= { total: 0, right: 0 });
        t.total++;
        if (hit && hit.value === e.value && hit.type === e.type) t.right++;
        else failures.push(`${c.name} ${c.articleDate} ${JSON.stringify(e.text)}: want ${e.type} ${e.value}, got ${hit ? `${hit.type} ${hit.value}` : JSON.stringify(got.map((d) => [d.text, d.value]))}`);
      }
    }
    const summary = Object.entries(tally).map(([k, v]) => `${k} ${v.right}/${v.total}`).join(', ');
    if (failures.length) console.log(`fixture misses (${summary}):\n${failures.join('\n')}`);
    const date = tally['DATE']!;
    expect(date.total).toBeGreaterThanOrEqual(100);
    expect(date.right / date.total).toBeGreaterThanOrEqual(0.95);
    const all = Object.values(tally).reduce((a, v) => ({ total: a.total + v.total, right: a.right + v.right }), { total: 0, right: 0 });
    expect(all.right / all.total).toBeGreaterThanOrEqual(0.9);
  });

  it('reads the reference article as a newsroom does', () => {
    const ref = cases.find((c) => c.name.startsWith('reference-article'))!;
    const got = extractDates(ref.text, { articleDate: ref.articleDate }).map((d) => [d.text, d.value]);
    expect(got.filter(([t]) => t === 'Monday')).toEqual([['Monday', '2020-05-25'], ['Monday', '2020-05-25']]);
    expect(got.filter(([t]) => t === 'Friday')).toEqual([['Friday', '2020-05-22'], ['Friday', '2020-05-22']]);
    expect(got).toContainEqual(['2018', '2018']);
    expect(got).toContainEqual(['January', '2020-01']);
  });
});
