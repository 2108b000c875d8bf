// "China’s foreign ministry" -> ORG "foreign ministry" (Foreign Ministry of China); "the Trump administration" -> ORG government.
import { countryByCapital, countryByDemonym, countryByName, type CountryInfo } from '../../actors/countries.js';
import { dominantCountryBefore } from '../../actors/country-context.js';
import { BODY_KINDS, bodyDisplayName, canonicalBody, TOPIC_WORDS, US_DEPARTMENT_TOPICS } from '../../actors/government.js';
import { isCapitalised, POSSESSIVE_TOKEN } from '../../actors/tokens.js';
import type { Doc, Mention, Token } from '../../model/types.js';
import type { Stage } from '../stage.js';

const DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|that)$/iu;
const SOURCE = 'extract-government-bodies';

interface Found {
  start: number;
  end: number;
  canonical: string;
  kind: string;
  topic: string;
  country?: CountryInfo;
  head?: string;
}

/** The country a run of 1-3 tokens names by name, demonym or capital ("U.S.", "Chinese", "Beijing"). */
function countryAt(toks: readonly Token[]): CountryInfo | undefined {
  const text = toks.map((t) => t.text).join(' ');
  return countryByName(text) ?? countryByDemonym(text) ?? countryByCapital(text);
}

/** A country qualifier ending right before token `i`: "China’s", "Chinese", "the U.S.", "United States". */
function qualifierBefore(tokens: readonly Token[], i: number, sentenceStart: number): CountryInfo | undefined {
  let j = i;
  if (j - 1 >= sentenceStart && POSSESSIVE_TOKEN.test(tokens[j - 1]!.text)) j -= 1;
  for (let len = 3; len >= 1; len -= 1) {
    if (j - len < sentenceStart) continue;
    const c = countryAt(tokens.slice(j - len, j));
    if (c) return c;
  }
  return undefined;
}

/** "of China" / "of the United States" starting at token `i`; returns the country and the index after it. */
function ofCountryAt(tokens: readonly Token[], i: number, sentenceEnd: number): [CountryInfo, number] | undefined {
  if (i >= sentenceEnd || tokens[i]!.text.toLowerCase() !== 'of') return undefined;
  let j = i + 1;
  if (j < sentenceEnd && tokens[j]!.text.toLowerCase() === 'the') j += 1;
  for (let len = 3; len >= 1; len -= 1) {
    if (j + len > sentenceEnd) continue;
    const run = tokens.slice(j, j + len);
    const c = countryByName(run.map((t) => t.text).join(' '));
    if (c) return [c, j + len];
  }
  return undefined;
}

function isPersonToken(doc: Doc, t: Token): boolean {
  return doc.mentions.some((m) => m.class === 'PER' && m.start <= t.start && t.end <= m.end) ||
    doc.mentions.some((m) => m.class === 'PER' && m.text.split(/\s+/u).length > 1 && m.text.split(/\s+/u).includes(t.text));
}

/**
 * Finds government bodies named by remit and kind, with the country they belong to.
 * @example findGovernmentBodies(doc)[0] // { canonical: 'Foreign Ministry', country: China, ... }
 */
export function findGovernmentBodies(doc: Doc): Found[] {
  const out: Found[] = [];
  const tokens = doc.tokens;
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i += 1) {
      const kindTok = tokens[i]!;
      const kind = kindTok.text.toLowerCase();
      if (!BODY_KINDS.has(kind)) continue;
      // Form A: "Ministry of Foreign Affairs", "Department of Commerce" (capitalised remit after "of").
      if (isCapitalised(kindTok.text) && tokens[i + 1]?.text === 'of' && i + 2 < s.tokenEnd && !ofCountryAt(tokens, i + 1, s.tokenEnd)) {
        let j = i + 2;
        while (j < s.tokenEnd && (isCapitalised(tokens[j]!.text) || (tokens[j]!.text === 'and' && isCapitalised(tokens[j + 1]?.text ?? '')))) j += 1;
        if (j > i + 2) {
          const topic = doc.article.text.slice(tokens[i + 2]!.start, tokens[j - 1]!.end);
          const after = ofCountryAt(tokens, j, s.tokenEnd);
          const country = qualifierBefore(tokens, i, s.tokenStart) ?? after?.[0];
          out.push({ start: kindTok.start, end: tokens[j - 1]!.end, canonical: canonicalBody(topic, kind), kind, topic: topic.toLowerCase(), ...(country ? { country } : {}) });
          i = j - 1;
          continue;
        }
      }
      // Form B: "[qualifier] Remit Kind": "China’s foreign ministry", "the US Commerce Department".
      let j = i;
      let qualifier: CountryInfo | undefined;
      while (j - 1 >= s.tokenStart) {
        const t = tokens[j - 1]!;
        if (DETERMINER.test(t.text) || POSSESSIVE_TOKEN.test(t.text) || /^\p{P}+$/u.test(t.text)) break;
        qualifier = qualifierBefore(tokens, j, s.tokenStart);
        if (qualifier) break;
        const lower = t.text.toLowerCase();
        if (isCapitalised(t.text) ? lower !== 'and' : TOPIC_WORDS.has(lower) || (lower === 'and' && j < i)) j -= 1;
        else break;
      }
      qualifier ??= qualifierBefore(tokens, j, s.tokenStart);
      const topicToks = tokens.slice(j, i);
      if (topicToks.length === 0 || topicToks.every((t) => t.text.toLowerCase() === 'and')) continue;
      const topic = doc.article.text.slice(topicToks[0]!.start, topicToks.at(-1)!.end);
      const after = ofCountryAt(tokens, i + 1, s.tokenEnd);
      let country = qualifier ?? after?.[0];
      const start = topicToks[0]!.start;
      if (kind === 'administration' && topicToks.every((t) => isCapitalised(t.text)) && topicToks.some((t) => isPersonToken(doc, t))) {
        // "the Trump administration": the government of a country under that person; "administration" is US usage.
        country ??= countryByName('United States');
        out.push({ start, end: kindTok.end, canonical: `${topic} administration`, kind, topic: topic.toLowerCase(), head: topic, ...(country ? { country } : {}) });
        continue;
      }
      if (!country && kind === 'department' && US_DEPARTMENT_TOPICS.has(topic.toLowerCase())) country = countryByName('United States');
      if (!country) {
        country = doc.mentions
          .filter((m) => m.end <= start && m.start >= s.start)
          .map((m) => countryByName(m.text) ?? countryByDemonym(m.text))
          .filter((c): c is CountryInfo => c !== undefined)
          .at(-1) ?? dominantCountryBefore(doc, start);
      }
      out.push({ start, end: kindTok.end, canonical: canonicalBody(topic, kind), kind, topic: topic.toLowerCase(), ...(country ? { country } : {}) });
    }
  }
  return out;
}

/** Body mentions replace whatever the tagger had over the same words. */
export function withGovernmentBodies(doc: Doc, found: readonly Found[]): Mention[] {
  const bodies: Mention[] = found.map((f) => ({
    start: f.start,
    end: f.end,
    text: doc.article.text.slice(f.start, f.end),
    class: 'ORG',
    source: SOURCE,
    actor: {
      canonical: f.canonical,
      display: f.head ? `${f.head} administration` : bodyDisplayName(f.canonical, f.country?.name),
      subtype: f.head ? 'government' : 'government_body',
      ...(f.country ? { country: f.country.name } : {}),
      ...(f.head ? { head: f.head } : {}),
    },
  }));
  const kept = doc.mentions.filter((m) => !bodies.some((b) => m.start < b.end && b.start < m.end));
  return [...kept, ...bodies].sort((a, b) => a.start - b.start || b.end - a.end);
}

export const extractGovernmentBodies: Stage = {
  name: 'extract-government-bodies',
  requires: ['tokens', 'mentions'],
  assigns: ['mentions'],
  run(doc, ctx) {
    const found = findGovernmentBodies(doc);
    if (found.length === 0) return doc;
    ctx.debug(() => found.map((f) => `${f.canonical}${f.country ? ' of ' + f.country.name : ''} at ${f.start}`).join('; '));
    return { ...doc, mentions: withGovernmentBodies(doc, found) };
  },
};
