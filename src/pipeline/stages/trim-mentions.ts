// Fixes mention extents: "US decision" -> "US"; "Commerce Department’s Entity List" -> ORG "Commerce Department" + MISC "Entity List".
import { countryByName } from '../../actors/countries.js';
import { isLowerWord, POSSESSIVE_TOKEN, tokenRange } from '../../actors/tokens.js';
import type { Doc, Mention, Token } from '../../model/types.js';
import type { Stage } from '../stage.js';

/**
 * Splits each mention at a possessive and drops lower-case words at either end (CoNLL extents hold names only).
 * @example trimmedMentions(doc) // "US decision" (ORG) -> "US" (ORG)
 */
export function trimmedMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  for (const m of doc.mentions) {
    const [from, to] = tokenRange(doc.tokens, m);
    const toks = doc.tokens.slice(from, to);
    if (toks.length === 0 || toks[0]!.start !== m.start || toks.at(-1)!.end !== m.end) {
      out.push(m); // the mention does not sit on token bounds: leave it as the tagger gave it
      continue;
    }
    const parts: Token[][] = [[]];
    if (countryByName(m.text)) {
      out.push(m); // "People's Republic of China" is one name
      continue;
    }
    for (const t of toks) {
      if (POSSESSIVE_TOKEN.test(t.text)) parts.push([]);
      else parts.at(-1)!.push(t);
    }
    parts.forEach((part, i) => {
      const kept = trimLower(part);
      if (kept.length === 0) return;
      const start = kept[0]!.start;
      const end = kept.at(-1)!.end;
      const same = start === m.start && end === m.end;
      out.push(same ? m : { ...m, start, end, text: doc.article.text.slice(start, end), class: i === 0 ? m.class : 'MISC' });
    });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

const ABBREVIATIONS = /^(?:Co|Ltd|Inc|Corp|Cos|Bros|Jr|Sr|Pty|Plc|Mfg|Intl)$/u;

// "Acme Co." split as "Co" + "." by the tokenizer: the dot belongs to the abbreviation.
function abbreviationDot(toks: readonly Token[], i: number): boolean {
  const prev = toks[i - 1];
  return toks[i]!.text === '.' && prev !== undefined && prev.end === toks[i]!.start && ABBREVIATIONS.test(prev.text);
}

// Lower-case words inside a name stay ("Bank of China"); at the edges they are not part of it.
function trimLower(toks: Token[]): Token[] {
  let a = 0;
  let b = toks.length;
  while (a < b && (isLowerWord(toks[a]!.text) || /^\p{P}+$/u.test(toks[a]!.text))) a += 1;
  while (b > a && (isLowerWord(toks[b - 1]!.text) || (/^[\p{P}]+$/u.test(toks[b - 1]!.text) && !abbreviationDot(toks, b - 1)))) b -= 1;
  return toks.slice(a, b);
}

export const trimMentions: Stage = {
  name: 'trim-mentions',
  requires: ['tokens', 'mentions'],
  assigns: ['mentions'],
  run(doc) {
    return { ...doc, mentions: trimmedMentions(doc) };
  },
};
