// Countries gazetteer from the world-countries package: "U.S.", "America", "Washington" (as actor) -> United States.
import { createRequire } from 'node:module';

interface RawCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent: boolean | null;
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

/** One country as the resolver sees it. */
export interface CountryInfo {
  /** Common English name from world-countries: 'United States', 'China', 'United Kingdom'. */
  readonly name: string;
  readonly cca2: string;
  readonly capitals: readonly string[];
  readonly demonym?: string;
}

/**
 * Short names the package's altSpellings lack (or lists only as bare ISO codes, which collide with English words
 * such as "IN" and "IT"). Keyed by cca2; dotted forms ("U.S.") are derived from the undotted ones.
 */
const COMMON_SHORT_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: ['US', 'USA', 'America', 'United States of America'],
  GB: ['UK', 'Britain', 'Great Britain'],
  CN: ['PRC', 'Mainland China'],
  KP: ['DPRK'],
  AE: ['UAE'],
  RU: ['Russian Federation'],
  CZ: ['Czech Republic'],
  NL: ['Holland'],
  TR: ['Turkey'],
  CI: ['Ivory Coast'],
  MM: ['Burma'],
};

const require = createRequire(import.meta.url);
const RAW = require('world-countries/countries.json') as RawCountry[];

const BY_NAME = new Map<string, CountryInfo>();
const BY_CAPITAL = new Map<string, CountryInfo>();
const BY_DEMONYM = new Map<string, CountryInfo>();

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[’‘]/gu, "'").replace(/\s+/gu, ' ').trim();
}

function dotted(code: string): string | undefined {
  return /^[A-Z]{2,3}$/u.test(code) ? code.split('').join('.') + '.' : undefined;
}

function build(): void {
  // Independent countries first, so "Indian" means India rather than the British Indian Ocean Territory.
  const ordered = [...RAW].sort((a, b) => Number(Boolean(b.independent)) - Number(Boolean(a.independent)));
  const demonymOwners = new Map<string, RawCountry[]>();
  for (const c of ordered) {
    const info: CountryInfo = {
      name: c.name.common,
      cca2: c.cca2,
      capitals: (c.capital ?? []).map((cap) => cap.replace(/,?\s+D\.C\.$/u, '')),
      ...(c.demonyms?.eng?.m ? { demonym: c.demonyms.eng.m } : {}),
    };
    const names = [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((s) => /^[\p{L} '’.-]{4,}$/u.test(s) && !s.includes(','))];
    for (const extra of COMMON_SHORT_NAMES[c.cca2] ?? []) {
      names.push(extra);
      const d = dotted(extra);
      if (d) names.push(d);
    }
    for (const n of names) if (!BY_NAME.has(fold(n))) BY_NAME.set(fold(n), info);
    for (const cap of info.capitals) {
      if (fold(cap) !== fold(info.name) && !BY_CAPITAL.has(fold(cap))) BY_CAPITAL.set(fold(cap), info);
    }
    for (const d of new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f])) {
      if (!d) continue;
      const owners = demonymOwners.get(fold(d)) ?? [];
      owners.push(c);
      demonymOwners.set(fold(d), owners);
    }
  }
  for (const [d, owners] of demonymOwners) {
    // A demonym shared by two independent countries ("Congolese", "Dominican") names neither for sure.
    const independent = owners.filter((o) => o.independent);
    const pick = independent.length === 1 ? independent[0] : independent.length === 0 && owners.length === 1 ? owners[0] : undefined;
    const info = pick ? BY_NAME.get(fold(pick.name.common)) : undefined;
    if (info) BY_DEMONYM.set(d, info);
  }
}
build();

/**
 * The country a name or short form stands for.
 * @example countryByName('U.S.')?.name // 'United States'
 */
export function countryByName(text: string): CountryInfo | undefined {
  return BY_NAME.get(fold(text.replace(/^the\s+/iu, '')));
}

/**
 * The country whose capital this is ("Washington", "Beijing"); undefined for a capital named like its country.
 * @example countryByCapital('Beijing')?.name // 'China'
 */
export function countryByCapital(text: string): CountryInfo | undefined {
  return BY_CAPITAL.get(fold(text));
}

/**
 * The country of a demonym or national adjective.
 * @example countryByDemonym('American')?.name // 'United States'
 */
export function countryByDemonym(text: string): CountryInfo | undefined {
  return BY_DEMONYM.get(fold(text));
}

/** True for names that take "the" in running text: "the United States", "the Netherlands". */
export function takesArticle(countryName: string): boolean {
  return /^(United|Central African|Dominican|Czech)\b|\b(Islands|Republic|Kingdom|Emirates|States)\b|^(Netherlands|Philippines|Bahamas|Maldives|Seychelles|Gambia|Comoros)$/u.test(countryName);
}
