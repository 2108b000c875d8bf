// "The company said it won’t be affected" -> reference "The company" to the company named last before it.
import { isCapitalised } from '../../actors/tokens.js';
import type { Doc, Entity, Reference, Token } from '../../model/types.js';
import type { Stage } from '../stage.js';

/** Which entities a description's head noun can stand for. */
const HEAD_FITS: Readonly<Record<string, (e: Entity) => boolean>> = {
  company: (e) => e.subtype === 'company',
  firm: (e) => e.subtype === 'company',
  group: (e) => e.subtype === 'company',
  supplier: (e) => e.subtype === 'company',
  maker: (e) => e.subtype === 'company',
  manufacturer: (e) => e.subtype === 'company',
  ministry: (e) => e.subtype === 'government_body' && /\bministry\b/iu.test(e.name),
  department: (e) => e.subtype === 'government_body' && /\bdepartment\b/iu.test(e.name),
  agency: (e) => e.subtype === 'government_body' && /\bagency\b/iu.test(e.name),
  commission: (e) => e.subtype === 'government_body' && /\bcommission\b/iu.test(e.name),
  bureau: (e) => e.subtype === 'government_body' && /\bbureau\b/iu.test(e.name),
  administration: (e) => e.subtype === 'government' || (e.subtype === 'government_body' && /\badministration\b/iu.test(e.name)),
  government: (e) => e.subtype === 'government' || (e.class === 'LOC' && e.subtype === 'country'),
  organization: (e) => e.subtype === 'international_org',
  organisation: (e) => e.subtype === 'international_org',
  party: (e) => e.subtype === 'party',
};

const DEFINITE = /^(?:the|this|that)$/iu;
const ROLE_AFTER = /^(?:spokesman|spokeswoman|spokesperson|official|officials|representative|statement|spokespeople)$/iu;

interface Placed {
  entity: Entity;
  start: number;
  end: number;
}

/** A description found in the text: its span and head noun. */
export interface Description {
  readonly start: number;
  readonly end: number;
  readonly head: string;
  readonly headIndex: number;
}

/**
 * Finds definite descriptions ("the company", "the tech company") and bare heads before a role ("a ministry
 * spokesman" -> "ministry"), outside named mentions.
 * @example findDescriptions(doc).map((d) => d.head) // ['company', 'ministry']
 */
export function findDescriptions(doc: Doc, inMention: (t: Token) => boolean): Description[] {
  const out: Description[] = [];
  const toks = doc.tokens;
  toks.forEach((t, i) => {
    const head = t.text.toLowerCase();
    if (!(head in HEAD_FITS) || inMention(t)) return;
    const next = toks[i + 1];
    // "the Ministry of Commerce" is a name, not a description
    if (next && next.sentence === t.sentence && next.text === 'of' && isCapitalised(toks[i + 2]?.text ?? '')) return;
    // Walk back over at most two lower-case modifiers to a definite determiner.
    let j = i - 1;
    while (j >= i - 2 && j >= 0 && toks[j]!.sentence === t.sentence && /^\p{Ll}/u.test(toks[j]!.text) && !DEFINITE.test(toks[j]!.text) && !inMention(toks[j]!)) j -= 1;
    const det = toks[j];
    if (det && det.sentence === t.sentence && DEFINITE.test(det.text) && !inMention(det)) {
      if (next && next.sentence === t.sentence && /^\p{Ll}+s$/u.test(next.text) && !ROLE_AFTER.test(next.text) && next.pos === 'Noun') return; // "the company websites"
      out.push({ start: det.start, end: t.end, head, headIndex: i });
      return;
    }
    if (next && next.sentence === t.sentence && ROLE_AFTER.test(next.text)) out.push({ start: t.start, end: t.end, head, headIndex: i });
  });
  return out;
}

/** "The company accused of X, Aksu Huafu Textiles Co., said": the name set off by commas after the description. */
function appositive(doc: Doc, d: Description, placed: readonly Placed[], fits: (e: Entity) => boolean): Placed | undefined {
  const toks = doc.tokens;
  const sentence = toks[d.headIndex]!.sentence;
  for (let k = d.headIndex + 1; k < toks.length && toks[k]!.sentence === sentence && k <= d.headIndex + 12; k += 1) {
    if (toks[k]!.text !== ',') continue;
    const after = toks[k + 1];
    if (!after) return undefined;
    const p = placed.find((x) => x.start === after.start && fits(x.entity));
    if (!p) return undefined;
    const closing = toks.find((t) => t.start >= p.end);
    return closing && closing.text === ',' && closing.sentence === sentence ? p : undefined;
  }
  return undefined;
}

/**
 * Links each description to the entity it stands for: a name in apposition first, else the nearest fitting
 * entity mentioned before it.
 * @example linkedReferences(doc)[0] // { text: 'The company', start: 1834, end: 1845, entity: 'e16' }
 */
export function linkedReferences(doc: Doc): Reference[] {
  const placed: Placed[] = doc.entities
    .flatMap((entity) => entity.mentions.map((m) => ({ entity, start: m.start, end: m.end })))
    .sort((a, b) => a.start - b.start);
  const inMention = (t: Token): boolean => placed.some((p) => p.start <= t.start && t.end <= p.end);
  const out: Reference[] = [];
  for (const d of findDescriptions(doc, inMention)) {
    const fits = HEAD_FITS[d.head]!;
    const target = appositive(doc, d, placed, fits) ?? placed.filter((p) => p.end <= d.start && fits(p.entity)).at(-1);
    if (!target) continue;
    out.push({ text: doc.article.text.slice(d.start, d.end), start: d.start, end: d.end, entity: target.entity.id });
  }
  return out;
}

export const linkReferences: Stage = {
  name: 'link-references',
  requires: ['tokens', 'entities'],
  assigns: ['references'],
  run(doc, ctx) {
    const references = linkedReferences(doc);
    ctx.debug(() => references.map((r) => `"${r.text}"@${r.start} -> ${r.entity}`).join('; '));
    return { ...doc, references };
  },
};
