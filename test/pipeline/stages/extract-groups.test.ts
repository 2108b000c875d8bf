// Group entities: quantified descriptions, "One <noun>", remainders, their members and definite references.
import { extractGroups } from '../../../src/pipeline/stages/extract-groups.js';
import type { Doc, Entity } from '../../../src/model/types.js';
import { makeDoc, type EntitySpec } from '../../events/make-doc.js';

const ORG = (id: string, name: string, names: string[] = [name]): EntitySpec => ({ id, name, class: 'ORG', names, subtype: 'company' });
const US: EntitySpec = { id: 'us', name: 'United States', class: 'LOC', names: ['Washington'] };
const XJ: EntitySpec = { id: 'xj', name: 'Xinjiang', class: 'LOC', names: ['Xinjiang'] };

function run(text: string, entities: readonly EntitySpec[]): { doc: Doc; groups: Entity[]; log: string[] } {
  const log: string[] = [];
  const doc = extractGroups.run(makeDoc(text, { entities }), { referenceDate: '2020-05-25', options: {}, debug: (m) => log.push(m()) });
  return { doc, groups: doc.entities.filter((e) => e.group), log };
}

const name = (doc: Doc, id: string): string => doc.entities.find((e) => e.id === id)?.name ?? id;

describe('group mentions', () => {
  const CASES: [string, string, readonly EntitySpec[], string[]][] = [
    ['number word + plural head', 'Washington added eight companies to a blacklist.', [US], ['eight companies']],
    ['digits, demonym and noun modifiers', 'The department added 12 Chinese technology firms to the list.', [], ['12 Chinese technology firms']],
    ['coordinated heads', 'It imposed controls on 24 companies and government-linked entities.', [], ['24 companies and government-linked entities']],
    ['apps', 'India banned 59 Chinese mobile apps on Monday.', [], ['59 Chinese mobile apps']],
  ];
  test.each(CASES)('%s', (_n, text, entities, names) => {
    const { doc, groups, log } = run(text, entities);
    expect(groups.map((g) => g.name)).toEqual(names);
    for (const g of groups) {
      const m = g.mentions[0]!;
      expect(doc.article.text.slice(m.start, m.end)).toBe(g.name);
      expect(g.class).toBe('MISC');
      expect(g.subtype).toBe('group');
    }
    expect(log.join('\n')).toContain(names[0]);
  });
});

describe('members', () => {
  test('", including X and Y" after the group', () => {
    const { doc, groups } = run('The department added five companies, including Acme Corp. and Zenith Ltd., to the list.', [ORG('ac', 'Acme Corp.'), ORG('zn', 'Zenith Ltd.')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members!.map((id) => name(doc, id))).toEqual(['Acme Corp.', 'Zenith Ltd.']);
  });
  test('descriptive words before a member: "including the popular platform TikTok"', () => {
    const { groups } = run('India banned 59 apps, including the popular video-sharing platform TikTok, on Monday.', [ORG('tt', 'TikTok')]);
    expect(groups[0]!.members).toEqual(['tt']);
  });
  test('apposition of names: "two companies, X and Y,"', () => {
    const { groups } = run('It sanctioned two Hong Kong companies, Goldleaf Ltd. and Harbour Ltd., on Friday.', [ORG('gl', 'Goldleaf Ltd.'), ORG('hb', 'Harbour Ltd.')]);
    expect(groups.map((g) => g.name)).toEqual(['two Hong Kong companies']);
    expect(groups[0]!.members).toEqual(['gl', 'hb']);
  });
  test('"One company …" is resolved by a later description with the name in apposition; "The rest" is the remainder', () => {
    const text =
      'Washington added eight companies tied to abuses in Xinjiang to a blacklist. ' +
      'One company cited in connection with Xinjiang is accused of forced labour abuses. The rest are accused of surveillance. ' +
      'One of the suppliers, Zenith Ltd., said it was surprised. ' +
      'The company accused of forced labour abuses, Acme Corp., denied it.';
    const { doc, groups } = run(text, [US, XJ, ORG('ac', 'Acme Corp.'), ORG('zn', 'Zenith Ltd.')]);
    const by = (n: string): Entity => groups.find((g) => g.name === n)!;
    expect(groups.map((g) => g.name)).toEqual(['eight companies', 'One company', 'The rest']);
    expect(by('One company').members).toEqual(['ac']);
    expect(by('The rest').members).toEqual(['zn']);
    expect([...by('eight companies').members!].sort()).toEqual(['ac', 'zn']);
    expect(doc.mentions).toEqual([]); // groups are never named mentions
  });
});

describe('references to groups', () => {
  test('"the companies" points at the group evoked last, not merely the latest with that head', () => {
    const text =
      'Washington added eight companies in Xinjiang to a blacklist. It also curbed 24 companies and entities. ' +
      'One company cited in connection with Xinjiang is accused of abuses. The decision to add the companies to the list limits their access.';
    const { doc, groups } = run(text, [US, XJ]);
    const ref = doc.references.find((r) => r.text === 'the companies');
    expect(ref).toBeDefined();
    expect(ref!.entity).toBe(groups.find((g) => g.name === 'eight companies')!.id);
  });
  test('"the apps" -> the apps group', () => {
    const { doc, groups } = run('India banned 59 Chinese mobile apps. It said the apps stole data.', []);
    expect(doc.references.map((r) => [r.text, r.entity])).toEqual([['the apps', groups[0]!.id]]);
  });
});

describe('no groups', () => {
  test.each([
    'The company reported $75 billion in sales.',
    'Exports rose 3% in the first eight months.',
    'The two governments signed a truce in January.',
    'The rest of the world watched.',
  ])('%s', (text) => {
    const { groups, doc } = run(text, []);
    expect(groups).toEqual([]);
    expect(doc.references).toEqual([]);
  });
});

describe('invariants', () => {
  test('group keys are article-local and ids do not clash with entity ids', () => {
    const { doc, groups } = run('Washington added eight companies to a blacklist.', [US, { id: 'g1', name: 'G1', class: 'ORG', names: [] }]);
    expect(groups[0]!.id).not.toBe('g1');
    expect(groups[0]!.key).toContain(doc.article.id);
    expect(new Set(doc.entities.map((e) => e.id)).size).toBe(doc.entities.length);
  });
  test('the stage declares what it reads and writes; a doc without groups comes back unchanged', () => {
    expect(extractGroups.assigns).toEqual(['entities', 'references']);
    const doc = makeDoc('China criticized the decision.', { entities: [] });
    expect(extractGroups.run(doc, { referenceDate: '2020-05-25', options: {}, debug: () => undefined })).toBe(doc);
  });
});
