// The full pipeline on the reference article, checked against issue 6's "Done when" items that it meets today.
import { readFileSync } from 'node:fs';
import { analyse } from '../../src/extract.js';
import { articleFromText } from '../../src/input/read-inputs.js';
import type { Doc, Event } from '../../src/model/types.js';

const FILE = new URL('../../corpus/000_724705b57007fe02.txt', import.meta.url);
let doc: Doc;
beforeAll(() => {
  doc = analyse(articleFromText(readFileSync(FILE, 'utf8'), FILE.pathname));
});

const names = (ids: readonly string[]): string[] => ids.map((id) => doc.entities.find((e) => e.id === id)?.name ?? id);
const has = (ids: readonly string[], pattern: RegExp): boolean => names(ids).some((n) => pattern.test(n));
function find(type: string, source: RegExp, target: RegExp | null, list: readonly Event[] = doc.events): Event | undefined {
  return list.find((e) => e.type === type && has(e.source, source) && (target === null ? e.targets.length === 0 : has(e.targets, target)));
}

describe('reference article, issue 6', () => {
  test('1. foreign ministry accuses the Trump administration of interfering, 2020-05-25', () => {
    const e = find('ACCUSE', /foreign ministry/iu, /Trump administration/u);
    expect(e?.charge).toMatch(/^interfering in China.s affairs/u);
    expect(e?.date).toBe('2020-05-25');
  });
  test('2. the Commerce Department accuses (passive, "… the Commerce Department said"), 2020-05-22', () => {
    const e = doc.events.find((x) => x.type === 'ACCUSE' && has(x.source, /Commerce Department/u) && /human rights violations/u.test(x.charge ?? ''));
    expect(e?.date).toBe('2020-05-22');
  });
  test('3. the next sentence keeps the Commerce Department as accuser, 2020-05-22', () => {
    const e = doc.events.find((x) => x.type === 'ACCUSE' && has(x.source, /Commerce Department/u) && /surveillance/u.test(x.charge ?? ''));
    expect(e?.date).toBe('2020-05-22');
  });
  test('4. Washington says Huawei might be a security threat: United States -> Huawei, no date', () => {
    const e = find('ACCUSE', /United States/u, /Huawei/u);
    expect(e?.charge).toMatch(/security threats/u);
    expect(e?.date).toBeUndefined();
  });
  test('5. American officials complain: United States -> China, stolen know-how, no date', () => {
    const e = find('ACCUSE', /United States/u, /^China$/u);
    expect(e?.charge).toMatch(/stolen foreign know-how/u);
    expect(e?.date).toBeUndefined();
  });
  test('6. Zhao Lijian and the ministry: CRITICIZE + ACCUSE (violated, harmed) and DEMAND + ACCUSE (interfering), 2020-05-25', () => {
    const accusations = doc.events.filter((x) => x.type === 'ACCUSE' && has(x.source, /Zhao Lijian/u) && has(x.source, /foreign ministry/iu) && has(x.targets, /United States/u));
    expect(accusations.map((a) => a.charge).join(' | ')).toMatch(/violated basic norms.*harmed China's interests.*interfering in China.s internal affairs/su);
    expect(accusations.every((a) => a.date === '2020-05-25')).toBe(true);
    expect(find('CRITICIZE', /Zhao Lijian/u, /United States/u)?.date).toBe('2020-05-25');
    expect(find('DEMAND', /Zhao Lijian|foreign ministry/iu, /United States/u)?.charge).toMatch(/correct its mistakes/u);
  });
  test('DEMAND China -> United States: withdraw the sanctions, 2020-05-25', () => {
    const e = find('DEMAND', /^China$/u, /United States/u);
    expect(e?.charge).toMatch(/^withdraw export sanctions/u);
    expect(e?.date).toBe('2020-05-25');
  });
  test('REJECT by Aksu Huafu: the US decision "recklessly disregards facts"', () => {
    expect(find('REJECT', /Aksu Huafu/u, /United States/u)?.charge).toMatch(/recklessly disregards facts/u);
  });
  test('THREATEN by Donald Trump: to back out', () => {
    expect(find('THREATEN', /Donald Trump/u, /China/u)?.charge).toMatch(/back out/u);
  });
  test('AGREE: the truce signed in January 2020 by the two governments', () => {
    const e = doc.events.find((x) => x.type === 'AGREE');
    expect(names([...(e?.source ?? []), ...(e?.targets ?? [])]).sort()).toEqual(['China', 'United States']);
    expect(e?.date).toBe('2020-01');
  });
  test('SANCTION: the 2018 duties on Chinese imports', () => {
    const e = find('SANCTION', /Donald Trump/u, /China/u);
    expect(e?.date).toBe('2018');
  });
  test('no RETALIATE among the events; "whether it will retaliate" is a possible one', () => {
    expect(doc.events.some((e) => e.type === 'RETALIATE')).toBe(false);
    expect(doc.nonFactual.find((e) => e.type === 'RETALIATE')?.modality).toBe('possible');
  });
  test('groups: "eight companies" (Aksu Huafu and CloudWalk), "24 companies and government-linked entities", "The rest" (CloudWalk)', () => {
    const group = (n: string) => doc.entities.find((e) => e.group && e.name === n);
    expect(names(group('eight companies')?.members ?? []).sort()).toEqual(['Aksu Huafu Textiles Co.', 'CloudWalk Technology Ltd.']);
    expect(group('24 companies and government-linked entities')?.class).toBe('MISC');
    expect(names(group('The rest')?.members ?? [])).toEqual(['CloudWalk Technology Ltd.']);
    expect(doc.mentions.some((m) => /companies|rest/u.test(m.text))).toBe(false);
  });
  test('SANCTION: the United States -> 24 companies (dated by "the measures announced Friday"), the Commerce Department -> the eight companies', () => {
    expect(find('SANCTION', /United States/u, /^24 companies/u)?.date).toBe('2020-05-22');
    expect(find('SANCTION', /Commerce Department/u, /^eight companies$/u)?.date).toBe('2020-05-22');
  });
  test('ACCUSE: "One company … is accused" targets Aksu Huafu; "The rest are accused" targets the group', () => {
    expect(doc.events.find((x) => x.type === 'ACCUSE' && has(x.source, /Commerce Department/u) && /human rights/u.test(x.charge ?? ''))?.targets.map((id) => names([id])[0])).toEqual(['Aksu Huafu Textiles Co.']);
    expect(find('ACCUSE', /Commerce Department/u, /^The rest$/u)?.charge).toMatch(/surveillance/u);
  });
  test('CRITICIZE: CloudWalk calls the treatment unfair (against the United States); Beijing criticised earlier curbs (no date)', () => {
    expect(find('CRITICIZE', /CloudWalk/u, /United States/u)).toBeDefined();
    expect(find('CRITICIZE', /^China$/u, /United States/u)?.date).toBeUndefined();
  });
  test('every event has a trigger, evidence that slices the text and known actors', () => {
    for (const e of [...doc.events, ...doc.nonFactual]) {
      expect(doc.article.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(e.evidence.text).toContain(e.trigger);
      for (const id of [...e.source, ...e.targets]) expect(doc.entities.some((x) => x.id === id)).toBe(true);
    }
  });
});
