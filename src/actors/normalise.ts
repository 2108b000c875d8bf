// Name normalisation and the stable cross-article key: "The U.S. Commerce Department" -> "us commerce department".
import type { EntityClass } from '../model/types.js';

/**
 * Folds case, Unicode compatibility forms, quotes, dots and commas and a leading "the".
 * @example normaliseName('Huawei Technologies Co., Ltd.') // 'huawei technologies co ltd'
 */
export function normaliseName(name: string): string {
  let n = NORMALISED.get(name);
  if (n === undefined) {
    n = normalise(name);
    if (NORMALISED.size >= NORMALISED_MAX) NORMALISED.clear();
    NORMALISED.set(name, n);
  }
  return n;
}

/** Names normalised so far: the resolver, linkers and keys normalise the same few names over and over. */
const NORMALISED = new Map<string, string>();
const NORMALISED_MAX = 50_000;

function normalise(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'")
    .replace(/['’]s$/u, '')
    .replace(/[.,]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^the /u, '');
}

/** Legal-form suffixes: dropped from company keys so "X Ltd." and "X Co., Ltd." accumulate on one node. */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'ltd', 'limited', 'co', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'llp', 'plc', 'ag', 'sa', 'spa',
  'gmbh', 'nv', 'bv', 'kk', 'pty', 'oyj', 'ab', 'asa', 'as', 'srl', 'sas', 'lp', 'company',
]);

/**
 * The key of an actor: class and normalised canonical name, plus the country for bodies that every country has
 * (so two countries' foreign ministries never share a node). Company keys drop the legal form.
 * @example actorKey('ORG', 'Foreign Ministry', { country: 'China' }) // 'ORG:foreign ministry:china'
 */
export function actorKey(cls: EntityClass, canonical: string, opts: { country?: string; company?: boolean } = {}): string {
  let name = normaliseName(canonical);
  if (opts.company) {
    const words = name.split(' ');
    while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
    name = words.join(' ');
  }
  return opts.country ? `${cls}:${name}:${normaliseName(opts.country)}` : `${cls}:${name}`;
}
