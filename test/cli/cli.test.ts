// The bin as a user runs it: dist/cli.js (npm test builds first), under a non-UTC time zone.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtractionRecord } from '../../src/model/types.js';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const REFERENCE = 'corpus/000_724705b57007fe02.txt';
const env = { ...process.env, TZ: 'America/Los_Angeles' };

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('newsgraph extract on the reference article', () => {
  const stdout = execFileSync(process.execPath, [CLI, 'extract', REFERENCE, '--format', 'jsonl'], { env, encoding: 'utf8' });
  const lines = stdout.trim().split('\n');
  const record = JSON.parse(lines[0]!) as ExtractionRecord;
  const text = 'China demanded Monday';
  const byName = (name: string) => record.entities.find((e) => e.name === name || e.aliases.includes(name));

  it('prints one JSON line with the article id and date from the lead', () => {
    expect(lines).toHaveLength(1);
    expect(record.article).toMatchObject({ id: '000_724705b57007fe02', date: '2020-05-25' });
  });

  it('finds the people, organisations and places', () => {
    expect(byName('Zhao Lijian')?.class).toBe('PER');
    for (const org of ['Huawei', 'Hikvision Digital Technology Ltd.', 'CloudWalk Technology Ltd.', 'Aksu Huafu Textiles Co.']) {
      expect({ org, cls: byName(org)?.class }).toEqual({ org, cls: 'ORG' });
    }
    expect(record.entities.some((e) => e.class === 'ORG' && /Commerce Department/u.test(e.name + e.aliases.join()))).toBe(true);
    for (const loc of ['China', 'Xinjiang', 'United States']) expect({ loc, cls: byName(loc)?.class }).toEqual({ loc, cls: 'LOC' });
  });

  it('has offsets into the text after the lead', () => {
    const first = record.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start)[0]!;
    expect(first).toMatchObject({ text: 'China', start: 0, end: 5 });
    expect(text.slice(first.start, first.end)).toBe('China');
  });

  it('resolves Monday and Friday against the publication date, whatever the time zone', () => {
    const values = (t: string) => record.dates.filter((d) => d.text === t).map((d) => d.value);
    expect(values('Monday')).toEqual(['2020-05-25', '2020-05-25']);
    expect(values('Friday')).toEqual(['2020-05-22', '2020-05-22']);
  });

  it('has the foreign ministry accusing the Trump administration of interfering, dated 2020-05-25', () => {
    const names = (ids: readonly string[]) => ids.map((id) => record.entities.find((e) => e.id === id)!.name).join(' ');
    const hit = record.events.find(
      (e) => e.type === 'ACCUSE' && /ministry/iu.test(names(e.source)) && /Trump administration/iu.test(names(e.targets)) && /interfering/u.test(e.charge ?? ''),
    );
    expect(hit?.date).toBe('2020-05-25');
  });
});

describe('newsgraph CLI errors and exit codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-cli-'));
  writeFileSync(join(dir, 'good.txt'), 'date 2021-03-02 Ruritania accused Acme Corp. of spying on Tuesday.');
  writeFileSync(join(dir, 'nodate.txt'), 'No date here.');

  it('prints the good record, names the bad file on stderr and exits 1', () => {
    const r = run(['extract', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as ExtractionRecord).article.id)).toEqual(['good']);
    expect(r.stderr).toMatch(/nodate\.txt: no publication date/u);
  });

  it('exits 2 on a usage error', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
  });

  it('lists the named queries', () => {
    const r = run(['queries']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^accusations: /mu);
  });
});
