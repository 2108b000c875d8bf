// Issue 5 across articles: actors named several ways in different articles end on one key; must-not-merge pairs don't.
import { AliasIndex, rekeyWithAliases } from '../../src/actors/alias-index.js';
import type { Entity } from '../../src/model/types.js';
import { resolveActors } from './resolve-actors.js';

const ARTICLES = [
  'President [PER Donald Trump] said the [ORG World Trade Organization] ([ORG WTO]) was unfair to the [LOC U.S.]. ' +
    '[ORG Huawei Technologies Co., Ltd.] objected. China\'s foreign ministry said [LOC Beijing] would respond.',
  '[PER Trump] told the [ORG WTO] that [LOC Washington] would act. [ORG Huawei] denied wrongdoing. ' +
    'The [ORG Chinese Foreign Ministry] said the [LOC People\'s Republic of China] would respond.',
  '[PER Donald Trump] met [ORG Huawei Technologies Ltd.] officials. The [ORG World Trade Organization] said [LOC America] ' +
    'and [LOC China] must talk. The [ORG Ministry of Foreign Affairs] of [LOC China] agreed.',
];

/** Ingests articles in order through the alias index, as the store would; returns every (surface, key) seen. */
function ingestAll(texts: readonly string[]): { surface: string; key: string; entity: Entity }[] {
  const index = new AliasIndex();
  const seen: { surface: string; key: string; entity: Entity }[] = [];
  texts.forEach((t, i) => {
    const doc = resolveActors(t, `a${i}`);
    for (const { entity } of rekeyWithAliases(doc.entities, index)) {
      index.add({ key: entity.key, class: entity.class, name: entity.name, aliases: entity.aliases });
      for (const m of entity.mentions) seen.push({ surface: m.text, key: entity.key, entity });
    }
  });
  return seen;
}

describe('across articles: one node per actor', () => {
  const seen = ingestAll(ARTICLES);
  const keysOf = (surfaces: string[]) => new Set(seen.filter((s) => surfaces.includes(s.surface)).map((s) => s.key));

  test.each([
    [['Donald Trump', 'Trump'], 'PER:donald trump'],
    [['World Trade Organization', 'WTO'], 'ORG:world trade organization'],
    [['Huawei Technologies Co., Ltd.', 'Huawei', 'Huawei Technologies Ltd.'], 'ORG:huawei technologies'],
    [['U.S.', 'Washington', 'America'], 'LOC:united states'],
    [['Beijing', "People's Republic of China", 'China'], 'LOC:china'],
    [['foreign ministry', 'Foreign Ministry', 'Ministry of Foreign Affairs'], 'ORG:foreign ministry:china'],
  ])('%j -> %s', (surfaces, key) => {
    for (const s of surfaces) expect(seen.some((x) => x.surface === s)).toBe(true);
    expect([...keysOf(surfaces)]).toEqual([key]);
  });

  test('each of these actors was named three or more ways', () => {
    const ways = new Map<string, Set<string>>();
    for (const s of seen) {
      // "President Donald Trump" is a way of naming him too: the title is kept as a property, not in the mention.
      const titled = s.entity.title ? [`${s.entity.title} ${s.surface}`] : [];
      ways.set(s.key, new Set([...(ways.get(s.key) ?? []), s.surface, ...titled]));
    }
    const many = [...ways.entries()].filter(([, names]) => names.size >= 3).map(([k]) => k);
    expect(many.length).toBeGreaterThanOrEqual(5);
  });
});

describe('across articles: must not merge', () => {
  test('two Zhangs in different articles, then a bare Zhang: separate nodes, bare one unsure', () => {
    const index = new AliasIndex();
    const keys: string[] = [];
    for (const [i, t] of ['[PER Zhang Wei] spoke. [PER Zhang] left.', '[PER Zhang Yong] spoke. [PER Zhang] left.'].entries()) {
      for (const { entity } of rekeyWithAliases(resolveActors(t, `z${i}`).entities, index)) {
        index.add({ key: entity.key, class: entity.class, name: entity.name, aliases: entity.aliases });
        keys.push(entity.key);
      }
    }
    expect(keys).toEqual(['PER:zhang wei', 'PER:zhang yong']);
    const [bare] = rekeyWithAliases(resolveActors('[PER Zhang] said nothing.').entities, index);
    expect(bare!.entity.key).toBe('PER:zhang');
    expect(bare!.possiblySameAs).toEqual(['PER:zhang wei', 'PER:zhang yong']);
  });

  test('foreign ministries of two countries in different articles', () => {
    const a = resolveActors("China's foreign ministry said no.").entities.find((e) => e.subtype === 'government_body')!;
    const b = resolveActors("Japan's foreign ministry said yes.").entities.find((e) => e.subtype === 'government_body')!;
    const index = new AliasIndex([{ key: a.key, class: a.class, name: a.name, aliases: a.aliases }]);
    expect(rekeyWithAliases([b], index)[0]!.entity.key).toBe('ORG:foreign ministry:japan');
    expect(a.key).toBe('ORG:foreign ministry:china');
  });

  test('a company and a same-named place', () => {
    const org = resolveActors('[ORG Georgia Ltd.] said it was fine.').entities[0]!;
    const place = resolveActors('Troops entered [LOC Georgia] on Monday.').entities[0]!;
    const index = new AliasIndex([{ key: org.key, class: org.class, name: org.name, aliases: ['Georgia'] }]);
    expect(rekeyWithAliases([place], index)[0]!.entity.key).toBe('LOC:georgia');
    expect(org.key).toBe('ORG:georgia');
  });
});
