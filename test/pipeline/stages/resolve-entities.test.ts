import { resolveActors, entityOf } from '../../actors/resolve-actors.js';

interface Case {
  text: string;
  /** surface -> [name, class, key] of the entity it belongs to */
  expect: Record<string, [string, string, string]>;
  count?: number;
}

const CASES: Case[] = [
  {
    text: 'President [PER Donald Trump] raised tariffs. [PER Trump] said talks would continue.',
    expect: { 'Donald Trump': ['Donald Trump', 'PER', 'PER:donald trump'], Trump: ['Donald Trump', 'PER', 'PER:donald trump'] },
    count: 1,
  },
  {
    text: '[PER Zhao Lijian] spoke on Monday. [PER Zhao] said the measures were unfair.',
    expect: { Zhao: ['Zhao Lijian', 'PER', 'PER:zhao lijian'] },
    count: 1,
  },
  {
    text: '[ORG Huawei Technologies Ltd.] denied the claims. [ORG Huawei] said it would appeal.',
    expect: { Huawei: ['Huawei Technologies Ltd.', 'ORG', 'ORG:huawei technologies'] },
    count: 1,
  },
  {
    text: '[LOC U.S.] officials met. [LOC America] and [LOC United States] are one. The [ORG US] decision stands.',
    expect: {
      'U.S.': ['United States', 'LOC', 'LOC:united states'],
      America: ['United States', 'LOC', 'LOC:united states'],
      US: ['United States', 'LOC', 'LOC:united states'],
    },
    count: 1,
  },
  {
    text: '[LOC Washington] demanded answers and [LOC Beijing] criticized the curbs. [LOC China] objected.',
    expect: {
      Washington: ['United States', 'LOC', 'LOC:united states'],
      Beijing: ['China', 'LOC', 'LOC:china'],
      China: ['China', 'LOC', 'LOC:china'],
    },
    count: 2,
  },
  {
    text: 'Talks were held in [LOC Beijing] on Monday.',
    expect: { Beijing: ['Beijing', 'LOC', 'LOC:beijing'] },
    count: 1,
  },
  {
    text: 'The [ORG World Trade Organization] ([ORG WTO]) ruled. The [ORG WTO] said more.',
    expect: { WTO: ['World Trade Organization', 'ORG', 'ORG:world trade organization'] },
    count: 1,
  },
  {
    text: '[ORG European Central Bank] raised rates, the [ORG ECB] said.',
    expect: { ECB: ['European Central Bank', 'ORG', 'ORG:european central bank'] },
    count: 1,
  },
  {
    text: "China's foreign ministry accused [ORG Acme Robotics Inc.] of spying.",
    expect: { 'foreign ministry': ['Foreign Ministry of China', 'ORG', 'ORG:foreign ministry:china'] },
  },
  {
    text: 'The [ORG Ministry of Foreign Affairs] of [LOC Japan] protested.',
    expect: { 'Ministry of Foreign Affairs': ['Foreign Ministry of Japan', 'ORG', 'ORG:foreign ministry:japan'] },
  },
  {
    text: 'The [ORG Commerce Department] added the firm to a list.',
    expect: { 'Commerce Department': ['US Commerce Department', 'ORG', 'ORG:commerce department:united states'] },
  },
  {
    text: '[MISC Chinese] companies and [MISC American] officials disagreed.',
    expect: { Chinese: ['Chinese', 'MISC', 'MISC:chinese'], American: ['American', 'MISC', 'MISC:american'] },
    count: 2,
  },
  {
    text: 'Officials said [PER We] would wait until [LOC January] and [LOC Monday]. [ORG The company] declined.',
    expect: {},
    count: 0,
  },
];

describe('resolve-entities: short forms join full forms, country variants share a key', () => {
  test.each(CASES)('$text', ({ text, expect: want, count }) => {
    const doc = resolveActors(text);
    for (const [surface, [name, cls, key]] of Object.entries(want)) {
      const e = entityOf(doc, surface);
      expect(e).toBeDefined();
      expect([e!.name, e!.class, e!.key]).toEqual([name, cls, key]);
      const m = e!.mentions.find((x) => x.text === surface)!;
      expect(doc.article.text.slice(m.start, m.end)).toBe(surface);
    }
    if (count !== undefined) expect(doc.entities).toHaveLength(count);
  });

  test('title is a property, not part of the name', () => {
    const doc = resolveActors('US President [PER Donald Trump] spoke.');
    const e = entityOf(doc, 'Donald Trump')!;
    expect(e.name).toBe('Donald Trump');
    expect(e.title).toBe('President');
    expect(e.country).toBe('United States');
  });

  test('metonym keeps its surface form as alias and mention', () => {
    const doc = resolveActors('[LOC United States] officials left. [LOC Washington] says no.');
    const us = entityOf(doc, 'Washington')!;
    expect(us.aliases).toContain('Washington');
    expect(us.mentions.map((m) => m.text)).toEqual(['United States', 'Washington']);
  });

  test('subtypes for companies, government bodies, international organisations, countries and regions', () => {
    const doc = resolveActors(
      'Chinese tech giant [ORG Zorbex] and [ORG Acme Textiles Co.] met the [ORG United Nations] in the region of [LOC Qinghai], a province of [LOC China], with the [ORG Labour Party].',
    );
    expect(entityOf(doc, 'Zorbex')!.subtype).toBe('company');
    expect(entityOf(doc, 'Acme Textiles Co.')!.subtype).toBe('company');
    expect(entityOf(doc, 'United Nations')!.subtype).toBe('international_org');
    expect(entityOf(doc, 'Qinghai')!.subtype).toBe('region');
    expect(entityOf(doc, 'China')!.subtype).toBe('country');
    expect(entityOf(doc, 'Labour Party')!.subtype).toBe('party');
  });
});

describe('resolve-entities: must not merge', () => {
  test('two people sharing a surname stay apart; the bare surname is POSSIBLY_SAME_AS both', () => {
    const doc = resolveActors('[PER Zhang Wei] met [PER Li Zhang] and [PER Zhang Yong]. [PER Zhang] said nothing.');
    const a = entityOf(doc, 'Zhang Wei')!;
    const b = entityOf(doc, 'Zhang Yong')!;
    const bare = entityOf(doc, 'Zhang')!;
    expect(new Set([a.id, b.id, bare.id]).size).toBe(3);
    expect(bare.relations?.filter((r) => r.type === 'POSSIBLY_SAME_AS').map((r) => r.entity).sort()).toEqual(
      [a.id, b.id, entityOf(doc, 'Li Zhang')!.id].sort(),
    );
  });

  test('two countries’ foreign ministries have different keys', () => {
    const doc = resolveActors("Japan's foreign ministry rejected what China's foreign ministry said.");
    const keys = doc.entities.filter((e) => e.subtype === 'government_body').map((e) => e.key).sort();
    expect(keys).toEqual(['ORG:foreign ministry:china', 'ORG:foreign ministry:japan']);
  });

  test('a company and a same-named place differ by class', () => {
    const doc = resolveActors('[ORG Jordan Ltd.] opened a plant in [LOC Jordan]. [ORG Jordan] said.');
    const org = entityOf(doc, 'Jordan Ltd.')!;
    const place = doc.entities.find((e) => e.class === 'LOC')!;
    expect(org.key).not.toBe(place.key);
    expect(place.key).toBe('LOC:jordan');
  });
});
