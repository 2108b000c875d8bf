// "Beijing criticized the curbs" -> the mention "Beijing" stands for China; "talks in Beijing" stays the city.
import { countryByCapital } from '../../actors/countries.js';
import { isLocativeUse } from '../../actors/country-context.js';
import { firstTokenAtOrAfter } from '../../actors/tokens.js';
import type { Doc, Mention } from '../../model/types.js';
import type { Stage } from '../stage.js';

/**
 * Marks each LOC mention of a capital as its country (canonical name, subtype country) when it acts, or as a
 * city of that country when it is a place.
 * @example resolvedMetonymy(doc).find((m) => m.text === 'Washington')?.actor?.canonical // 'United States'
 */
export function resolvedMetonymy(doc: Doc): Mention[] {
  return doc.mentions.map((m) => {
    if (m.class !== 'LOC') return m;
    const country = countryByCapital(m.text);
    if (!country) return m;
    const i = firstTokenAtOrAfter(doc.tokens, m.start);
    const place = i < doc.tokens.length && isLocativeUse(doc.tokens, i);
    return place
      ? { ...m, actor: { ...m.actor, subtype: 'city', country: country.name } }
      : { ...m, actor: { ...m.actor, canonical: country.name, subtype: 'country' } };
  });
}

export const resolveMetonymy: Stage = {
  name: 'resolve-metonymy',
  requires: ['tokens', 'mentions'],
  assigns: ['mentions'],
  run(doc: Doc, ctx) {
    const mentions = resolvedMetonymy(doc);
    mentions.forEach((m, i) => {
      if (m !== doc.mentions[i] && m.actor?.canonical) ctx.debug(() => `"${m.text}" at ${m.start} acts for ${m.actor!.canonical}`);
    });
    return { ...doc, mentions };
  },
};
