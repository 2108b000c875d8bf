// "a ministry spokesman, Zhao Lijian" -> Zhao Lijian SPOKESPERSON_FOR the ministry; "Chinese companies including Huawei" -> Huawei country China.
import { countryByDemonym, countryByName } from '../../actors/countries.js';
import { SPOKESPERSON_WORDS } from '../../actors/titles.js';
import { firstTokenAtOrAfter } from '../../actors/tokens.js';
import type { Doc, Entity, EntityRelation } from '../../model/types.js';
import type { Stage } from '../stage.js';

const NP_START = /^(?:a|an|the)$/iu;
const LIST_INTRO = /^(?:including|like|such)$/iu;
const CLAUSE_END = /^(?:that|which|who|;|\.|:|said|says|and other|but)$/iu;

interface Placed {
  entity: Entity;
  start: number;
  end: number;
}

/** What the stage adds to entities: relations and a country. */
interface Additions {
  relations: EntityRelation[];
  country?: string;
}

/**
 * Links entities to each other: spokespeople to their body, bodies and people to their country, an
 * administration to the person heading it, and organisations named after a demonym to that country.
 * @example linkedAffiliations(doc).find((e) => e.name === 'Zhao Lijian')?.relations // [{ type: 'SPOKESPERSON_FOR', entity: 'e4' }]
 */
export function linkedAffiliations(doc: Doc): Entity[] {
  const toks = doc.tokens;
  const placed: Placed[] = [
    ...doc.entities.flatMap((entity) => entity.mentions.map((m) => ({ entity, start: m.start, end: m.end }))),
    ...doc.references.flatMap((r) => {
      const entity = doc.entities.find((e) => e.id === r.entity);
      return entity ? [{ entity, start: r.start, end: r.end }] : [];
    }),
  ].sort((a, b) => a.start - b.start);
  const add = new Map<string, Additions>(doc.entities.map((e) => [e.id, { relations: [] }]));
  const relate = (from: Entity, type: EntityRelation['type'], to: Entity | undefined): void => {
    if (!to || to.id === from.id) return;
    const a = add.get(from.id)!;
    if (!a.relations.some((r) => r.type === type && r.entity === to.id)) a.relations.push({ type, entity: to.id });
  };
  const countryEntity = (name: string | undefined): Entity | undefined =>
    name ? doc.entities.find((e) => e.class === 'LOC' && e.subtype === 'country' && (e.name === name || countryByName(e.name)?.name === name)) : undefined;
  const at = (start: number): Placed | undefined => placed.find((p) => p.start === start);

  // Spokespeople: "a ministry spokesman, Zhao Lijian" / "Zhao Lijian, a foreign ministry spokesman".
  toks.forEach((t, k) => {
    if (!SPOKESPERSON_WORDS.has(t.text.toLowerCase())) return;
    let npStart = k;
    while (npStart - 1 >= 0 && k - npStart < 5 && toks[npStart - 1]!.sentence === t.sentence && !NP_START.test(toks[npStart - 1]!.text) && toks[npStart - 1]!.text !== ',') npStart -= 1;
    const inNp = placed.filter((p) => p.start >= toks[npStart]!.start && p.end <= t.start && p.entity.class === 'ORG').at(-1);
    const forOrg = toks[k + 1]?.text === 'for' ? placed.find((p) => p.start >= toks[k + 2]!.start && p.start <= (toks[k + 3]?.start ?? -1) && p.entity.class === 'ORG') : undefined;
    const org = inNp ?? forOrg;
    if (!org) return;
    const afterTok = toks[k + 1]?.text === ',' ? toks[k + 2] : toks[k + 1];
    let person = afterTok && afterTok.sentence === t.sentence ? at(afterTok.start) : undefined;
    if (!person || person.entity.class !== 'PER') {
      const det = npStart - 1;
      const comma = toks[det - 1];
      person = comma?.text === ',' && NP_START.test(toks[det]?.text ?? '') ? placed.find((p) => p.end === toks[det - 2]?.end) : undefined;
    }
    if (person?.entity.class === 'PER') relate(person.entity, 'SPOKESPERSON_FOR', org.entity);
  });

  // Demonym before an organisation or a list of them: "Chinese tech giant Huawei", "Chinese companies including X".
  for (const e of doc.entities) {
    const country = countryByDemonym(e.name) ?? (e.class === 'MISC' && e.country ? countryByName(e.country) : undefined);
    if (!country) continue;
    for (const m of e.mentions) {
      let k = firstTokenAtOrAfter(toks, m.end);
      const sentence = toks[k - 1]?.sentence;
      let listing = false;
      for (let steps = 0; k < toks.length && toks[k]!.sentence === sentence && steps < 14; k += 1, steps += 1) {
        const p = at(toks[k]!.start);
        if (p && p.entity.class === 'ORG') {
          if (!add.get(p.entity.id)!.country && !p.entity.country) add.get(p.entity.id)!.country = country.name;
          relate(p.entity, 'AFFILIATED_WITH', countryEntity(country.name));
          if (!listing) break;
          continue;
        }
        if (p) break;
        if (LIST_INTRO.test(toks[k]!.text)) listing = true;
        else if (CLAUSE_END.test(toks[k]!.text) || (!listing && steps > 3)) break;
      }
    }
  }

  for (const e of doc.entities) {
    // Bodies, governments, people and nationalities with a country: AFFILIATED_WITH that country.
    relate(e, 'AFFILIATED_WITH', countryEntity(e.country ?? add.get(e.id)!.country));
    // "the Trump administration" -> HEADED_BY the one person of the article with that name.
    if (e.subtype === 'government' && e.class === 'ORG') {
      const head = e.name.replace(/\s+administration$/iu, '').toLowerCase();
      const people = doc.entities.filter((p) => p.class === 'PER' && [p.name, ...p.aliases].some((n) => n.toLowerCase() === head || n.toLowerCase().split(/\s+/u).includes(head)));
      if (people.length === 1) relate(e, 'HEADED_BY', people[0]);
    }
  }

  return doc.entities.map((e) => {
    const a = add.get(e.id)!;
    const relations = [...(e.relations ?? []), ...a.relations.filter((r) => !(e.relations ?? []).some((x) => x.type === r.type && x.entity === r.entity))];
    return {
      ...e,
      ...(a.country && !e.country ? { country: a.country } : {}),
      ...(relations.length > 0 ? { relations } : {}),
    };
  });
}

export const linkAffiliations: Stage = {
  name: 'link-affiliations',
  requires: ['tokens', 'entities', 'references'],
  assigns: ['entities'],
  run(doc, ctx) {
    const entities = linkedAffiliations(doc);
    ctx.debug(() => entities.filter((e) => e.relations).map((e) => `${e.name}: ${e.relations!.map((r) => `${r.type} ${r.entity}`).join(', ')}`).join('; '));
    return { ...doc, entities };
  },
};
