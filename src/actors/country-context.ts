// Which country a mention stands for: "China", "U.S.", "Chinese", and "Beijing" used as an actor.
import type { Doc, Mention, Token } from '../model/types.js';
import { countryByCapital, countryByDemonym, countryByName, type CountryInfo } from './countries.js';
import { firstTokenAtOrAfter } from './tokens.js';

/** Prepositions and verbs after which a capital is a place, not its government: "in Beijing", "visited Washington". */
const LOCATIVE = /^(?:in|at|from|to|into|near|outside|inside|around|across|via|through|throughout|toward|towards|of|between|visit|visited|visiting|visits|arrived|left|leaving|reached|flew|travelled|traveled)$/iu;

/**
 * True when the capital at token `i` is used as a place ("talks in Beijing"), false when as an actor
 * ("Beijing criticized", "Washington’s demands").
 * @example isLocativeUse(tokensOf('talks in Beijing'), 2) // true
 */
export function isLocativeUse(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.sentence !== tokens[i]!.sentence) return false;
  if (LOCATIVE.test(prev.text)) return true;
  // "in and around Beijing", "in central Beijing"
  const prev2 = tokens[i - 2];
  return Boolean(prev2 && prev2.sentence === tokens[i]!.sentence && LOCATIVE.test(prev2.text) && /^(?:central|downtown|northern|southern|eastern|western|greater|and)$/iu.test(prev.text));
}

/** How a mention points at a country, if it does. */
export type CountryUse = 'name' | 'demonym' | 'capital-actor' | 'capital-place';

/**
 * The country a mention names (by name, demonym or capital) and how.
 * @example countryOfMention(doc, beijingMention) // { country: China, use: 'capital-actor' }
 */
export function countryOfMention(doc: Doc, m: Mention): { country: CountryInfo; use: CountryUse } | undefined {
  const byName = countryByName(m.text);
  if (byName) return { country: byName, use: 'name' };
  const byDemonym = countryByDemonym(m.text);
  if (byDemonym) return { country: byDemonym, use: 'demonym' };
  const byCapital = countryByCapital(m.text);
  if (byCapital && m.class !== 'PER' && m.class !== 'ORG') {
    const i = firstTokenAtOrAfter(doc.tokens, m.start);
    return { country: byCapital, use: i < doc.tokens.length && isLocativeUse(doc.tokens, i) ? 'capital-place' : 'capital-actor' };
  }
  return undefined;
}

/**
 * The country the text so far is mostly about: mentions before `offset` by name, demonym or capital-as-actor,
 * most frequent first, ties to the earliest.
 * @example dominantCountryBefore(doc, 200)?.name // 'China'
 */
export function dominantCountryBefore(doc: Doc, offset: number): CountryInfo | undefined {
  const counts = new Map<string, { country: CountryInfo; n: number; first: number }>();
  for (const { start, country } of countryMentions(doc)) {
    if (start >= offset) continue;
    const e = counts.get(country.name) ?? { country, n: 0, first: start };
    e.n += 1;
    counts.set(country.name, e);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0]?.country;
}

/** The document's mentions that stand for a country as an actor, in mention order: computed once per document. */
function countryMentions(doc: Doc): readonly { start: number; country: CountryInfo }[] {
  let list = COUNTRY_MENTIONS.get(doc);
  if (!list) {
    list = [];
    for (const m of doc.mentions) {
      const c = countryOfMention(doc, m);
      if (c && c.use !== 'capital-place') list.push({ start: m.start, country: c.country });
    }
    COUNTRY_MENTIONS.set(doc, list);
  }
  return list;
}
const COUNTRY_MENTIONS = new WeakMap<Doc, { start: number; country: CountryInfo }[]>();
