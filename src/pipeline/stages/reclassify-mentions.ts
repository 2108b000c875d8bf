// Fixes mention classes: "US" tagged ORG -> LOC (a country); "region of Xinjiang" -> LOC; "its Muslim northwestern region" -> MISC.
import { countryByCapital, countryByDemonym, countryByName } from '../../actors/countries.js';
import { normaliseName } from '../../actors/normalise.js';
import { CITY_WORDS, REGION_WORDS, RELIGIONS_AND_ETHNICITIES } from '../../actors/subtypes.js';
import { firstTokenAtOrAfter, isLowerWord } from '../../actors/tokens.js';
import type { Doc, EntityClass, Mention } from '../../model/types.js';
import type { Stage } from '../stage.js';

/** Last words of names of laws, lists, plans and events, which CoNLL tags MISC: "Entity List", "Paris Agreement". */
const MISC_HEADS = /\s(?:List|Act|Law|Laws|Rule|Rules|Regulations?|Agreement|Treaty|Accord|Accords|Initiative|Plan|Program|Programme|Strategy|Report|Index|Award|Prize|Cup|Games|Olympics|Doctrine|Declaration|Protocol|Convention|Deal)$/u;
const MODIFIER_DETERMINER = /^(?:its|their|his|her|our|a|an|the)$/iu;

interface Judged {
  m: Mention;
  confirmed: boolean;
}

/** A class that the gazetteer or the surrounding words make certain, with the subtype they imply. */
function certainClass(doc: Doc, m: Mention): { cls: EntityClass; subtype?: string } | undefined {
  if (m.source === 'extract-government-bodies') return { cls: 'ORG' };
  if (countryByName(m.text)) return { cls: 'LOC', subtype: 'country' };
  if (MISC_HEADS.test(m.text) || RELIGIONS_AND_ETHNICITIES.has(m.text.toLowerCase())) return { cls: 'MISC' };
  if (countryByDemonym(m.text)) return { cls: 'MISC', subtype: 'nationality' };
  if (countryByCapital(m.text) && m.class !== 'PER') return { cls: 'LOC' };
  const i = firstTokenAtOrAfter(doc.tokens, m.start);
  let k = i;
  while (k < doc.tokens.length && doc.tokens[k]!.end <= m.end) k += 1;
  const before = doc.tokens[i - 1]?.text.toLowerCase();
  const before2 = doc.tokens[i - 2]?.text.toLowerCase();
  const after = doc.tokens[k]?.text;
  if (before === 'of' && before2 && REGION_WORDS.has(before2)) return { cls: 'LOC', subtype: 'region' };
  if (before === 'of' && before2 && CITY_WORDS.has(before2)) return { cls: 'LOC', subtype: 'city' };
  if (after && isLowerWord(after) && REGION_WORDS.has(after)) return { cls: 'LOC', subtype: 'region' };
  if (after && isLowerWord(after) && CITY_WORDS.has(after) && after !== 'capital') return { cls: 'LOC', subtype: 'city' };
  // "its Muslim northwestern region": a one-word "name" between a determiner and a common noun modifies it.
  if (m.class === 'PER' && !m.text.includes(' ') && before && MODIFIER_DETERMINER.test(before) && after && isLowerWord(after) && doc.tokens[k]!.pos !== 'Verb' && !/^\p{P}/u.test(after)) {
    return { cls: 'MISC' };
  }
  return undefined;
}

/**
 * Reclassifies mentions: certain classes first, then names that occur under several classes take the certain or
 * majority class, and a lone surname of the article's one full name is a person.
 * @example reclassified(doc).find((m) => m.text === 'US')?.class // 'LOC'
 */
export function reclassified(doc: Doc): Mention[] {
  const judged: Judged[] = doc.mentions.map((m) => {
    const c = certainClass(doc, m);
    if (!c) return { m, confirmed: false };
    const actor = c.subtype ? { ...m.actor, subtype: m.actor?.subtype ?? c.subtype } : m.actor;
    return { m: { ...m, class: c.cls, ...(actor ? { actor } : {}) }, confirmed: true };
  });
  const byName = new Map<string, Judged[]>();
  for (const j of judged) {
    const k = normaliseName(j.m.text);
    const list = byName.get(k);
    if (list) list.push(j);
    else byName.set(k, [j]);
  }
  const fullNames = judged.filter((j) => j.m.class === 'PER' && j.m.text.includes(' ')).map((j) => j.m.text.split(/\s+/u));
  for (const group of byName.values()) {
    const sure = group.find((j) => j.confirmed);
    const word = group[0]!.m.text;
    const surnameOf = fullNames.filter((f) => f[0] === word || f.at(-1) === word).length;
    let cls: EntityClass;
    if (sure) cls = sure.m.class;
    else if (!word.includes(' ') && surnameOf === 1 && !group.some((j) => hasLongerForm(judged, j.m))) cls = 'PER';
    else {
      const votes = new Map<EntityClass, number>();
      for (const j of group) votes.set(j.m.class, (votes.get(j.m.class) ?? 0) + 1);
      const best = Math.max(...votes.values());
      cls = votes.get(group[0]!.m.class) === best ? group[0]!.m.class : [...votes.entries()].find(([, n]) => n === best)![0];
    }
    // "Huawei" tagged MISC while "Huawei Technologies Ltd." is ORG: a short form takes its one full form's class.
    const longer = judged.filter((o) => o.m.source !== 'extract-government-bodies' && o.m.class !== cls && o.m.class !== 'MISC' && o.m.text.startsWith(word + ' '));
    if (!sure && (cls !== 'PER' || surnameOf === 0) && longer.length > 0 && new Set(longer.map((o) => normaliseName(o.m.text))).size === 1) cls = longer[0]!.m.class;
    for (const j of group) if (!j.confirmed) j.m = { ...j.m, class: cls };
  }
  return judged.map((j) => j.m);
}

/** True when a longer mention of the same class starts with this one's words ("Huawei" ... "Huawei Technologies"). */
function hasLongerForm(all: readonly Judged[], m: Mention): boolean {
  return all.some((o) => o.m.source !== 'extract-government-bodies' && o.m.class === m.class && o.m.text.length > m.text.length && o.m.text.startsWith(m.text + ' '));
}

export const reclassifyMentions: Stage = {
  name: 'reclassify-mentions',
  requires: ['tokens', 'mentions'],
  assigns: ['mentions'],
  run(doc, ctx) {
    const mentions = reclassified(doc);
    mentions.forEach((m, i) => {
      const was = doc.mentions[i]!;
      if (was.class !== m.class) ctx.debug(() => `"${m.text}" at ${m.start}: ${was.class} -> ${m.class}`);
    });
    return { ...doc, mentions };
  },
};
