// Issue 5 "Done when" on the reference article, through the whole default pipeline (trained NER included).
import { readFileSync } from 'node:fs';
import { extract } from '../../src/extract.js';
import { articleFromText } from '../../src/input/read-inputs.js';

const FILE = 'corpus/000_724705b57007fe02.txt';
const record = extract(articleFromText(readFileSync(FILE, 'utf8'), FILE));
const actors = record.entities.filter((e) => e.class !== 'MISC');
const byName = (re: RegExp) => record.entities.filter((e) => re.test(e.name));

describe('reference article: exactly the expected actors', () => {
  const EXPECTED: [RegExp, string, string | undefined][] = [
    [/^Zhao Lijian$/u, 'PER', undefined],
    [/^Donald Trump$/u, 'PER', undefined],
    [/^China$/u, 'LOC', 'country'],
    [/^United States$/u, 'LOC', 'country'],
    [/^Xinjiang$/u, 'LOC', 'region'],
    [/Foreign Ministry.*China/u, 'ORG', 'government_body'],
    [/^US Commerce Department$|Commerce Department.*United States/u, 'ORG', 'government_body'],
    [/^Trump administration$/u, 'ORG', 'government'],
    [/^Huawei Technologies Ltd\.$/u, 'ORG', 'company'],
    [/^Hikvision Digital Technology Ltd\.$/u, 'ORG', 'company'],
    [/^CloudWalk Technology Ltd\.$/u, 'ORG', 'company'],
    [/^Aksu Huafu Textiles Co\.$/u, 'ORG', 'company'],
  ];

  test.each(EXPECTED)('%s is one %s entity (%s)', (re, cls, subtype) => {
    const found = byName(re);
    expect(found.map((e) => e.class)).toEqual([cls]);
    expect(found[0]!.subtype).toBe(subtype);
  });

  test('nothing else of class PER/ORG/LOC', () => {
    const unexpected = actors.filter((e) => !EXPECTED.some(([re]) => re.test(e.name))).map((e) => `${e.class} ${e.name}`);
    expect(unexpected).toEqual([]);
  });

  test('no weekday, month, "Muslim" or "The company" among the actors', () => {
    for (const e of actors) expect(e.name).not.toMatch(/^(Monday|Friday|January|Muslim|The company)$/iu);
  });

  test('aliases: China includes Beijing; United States includes Washington and US', () => {
    expect(byName(/^China$/u)[0]!.aliases).toContain('Beijing');
    expect(byName(/^United States$/u)[0]!.aliases).toEqual(expect.arrayContaining(['Washington', 'US']));
    expect(byName(/^Huawei Technologies Ltd\.$/u)[0]!.aliases).toContain('Huawei');
    expect(byName(/^Zhao Lijian$/u)[0]!.aliases).toContain('Zhao');
  });

  test('"the company" refers to Aksu Huafu Textiles Co.; "ministry" to the foreign ministry', () => {
    const name = (id: string) => record.entities.find((e) => e.id === id)?.name;
    const companyRefs = record.references.filter((r) => /company/iu.test(r.text));
    expect(companyRefs.length).toBeGreaterThan(0);
    for (const r of companyRefs) expect(name(r.entity)).toBe('Aksu Huafu Textiles Co.');
    expect(record.references.filter((r) => r.text === 'ministry').map((r) => name(r.entity))).toEqual(['Foreign Ministry of China']);
  });

  test('roles and links: Zhao SPOKESPERSON_FOR the ministry; administration headed by Trump; title kept apart', () => {
    const get = (re: RegExp) => byName(re)[0]!;
    const ministry = get(/Foreign Ministry/u);
    expect(get(/^Zhao Lijian$/u).relations).toEqual(expect.arrayContaining([{ type: 'SPOKESPERSON_FOR', entity: ministry.id }]));
    expect(get(/^Trump administration$/u).relations).toEqual(
      expect.arrayContaining([{ type: 'HEADED_BY', entity: get(/^Donald Trump$/u).id }, { type: 'AFFILIATED_WITH', entity: get(/^United States$/u).id }]),
    );
    expect(get(/^Donald Trump$/u).title).toBe('President');
    expect(ministry.key).toBe('ORG:foreign ministry:china');
  });
});
