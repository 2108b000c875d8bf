import { resolveActors, entityOf } from '../../actors/resolve-actors.js';

function rel(doc: ReturnType<typeof resolveActors>, from: string, type: string): string[] {
  const e = entityOf(doc, from)!;
  return (e.relations ?? []).filter((r) => r.type === type).map((r) => doc.entities.find((x) => x.id === r.entity)!.name);
}

describe('link-affiliations', () => {
  test.each([
    "[LOC China]'s foreign ministry objected, said a ministry spokesman, [PER Zhao Lijian].",
    "[LOC China]'s foreign ministry objected, [PER Zhao Lijian], a foreign ministry spokesman, said.",
    "[LOC China]'s foreign ministry objected. Foreign ministry spokesman [PER Zhao Lijian] said so.",
  ])('spokesperson: %s', (text) => {
    const doc = resolveActors(text);
    expect(rel(doc, 'Zhao Lijian', 'SPOKESPERSON_FOR')).toEqual(['Foreign Ministry of China']);
    expect(rel(doc, 'foreign ministry', 'AFFILIATED_WITH')).toEqual(['China']);
  });

  test('the Trump administration: government of the United States headed by Donald Trump', () => {
    const doc = resolveActors('[LOC Washington] acted. President [PER Donald Trump] spoke. The ministry accused the [PER Trump] administration of meddling.');
    const adm = entityOf(doc, 'Trump administration')!;
    expect([adm.class, adm.subtype, adm.key]).toEqual(['ORG', 'government', 'ORG:trump administration:united states']);
    expect(rel(doc, 'Trump administration', 'HEADED_BY')).toEqual(['Donald Trump']);
    expect(rel(doc, 'Trump administration', 'AFFILIATED_WITH')).toEqual(['United States']);
  });

  test('demonyms give organisations a country and are not PER/ORG/LOC', () => {
    const doc = resolveActors('[LOC China] objected after [MISC Chinese] companies including tech giant [ORG Zorbex] that [LOC Washington] named were hit. [MISC Chinese] officials spoke.');
    expect(entityOf(doc, 'Zorbex')!.country).toBe('China');
    expect(rel(doc, 'Zorbex', 'AFFILIATED_WITH')).toEqual(['China']);
    const chinese = entityOf(doc, 'Chinese')!;
    expect([chinese.class, chinese.subtype, chinese.country]).toEqual(['MISC', 'nationality', 'China']);
  });
});
