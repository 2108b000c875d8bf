// Groups named only by a description: "eight companies", "24 companies and government-linked entities", "One
// company", "The rest", with the members the article names ("…, including Tianrui Optics Co. and Jiangnan Photonics
// Ltd.", "One of the technology suppliers, CloudWalk Technology Ltd.,").
import type { Doc, Entity, Reference, Token } from '../model/types.js';

/** Plural heads of actor groups: organisations, apps, people acting as parties. */
const GROUP_HEADS: ReadonlySet<string> = new Set([
  'companies', 'firms', 'entities', 'businesses', 'apps', 'applications', 'individuals', 'persons', 'banks', 'lenders',
  'suppliers', 'manufacturers', 'makers', 'carmakers', 'automakers', 'chipmakers', 'exporters', 'importers', 'producers',
  'organizations', 'organisations', 'groups', 'institutes', 'institutions', 'universities', 'subsidiaries', 'affiliates',
  'vessels', 'ships', 'airlines', 'traders', 'brands', 'platforms', 'operators', 'agencies', 'websites', 'corporations',
  'conglomerates', 'enterprises', 'vendors', 'contractors', 'shippers', 'refineries', 'factories', 'people',
]);
const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'dozens', 'hundreds',
  'several', 'dozen', 'scores',
]);
/** Quantified phrases for the remainder of a group: "the rest", "the others", "the remaining …". */
const REMAINDER: ReadonlySet<string> = new Set(['rest', 'others', 'remainder']);
const DEFINITE: ReadonlySet<string> = new Set(['the', 'these', 'those']);
/** Words that introduce a list of members after a group: "…, including X and Y", "such as X". */
const MEMBER_CUES: readonly (readonly string[])[] = [['including'], ['such', 'as'], ['among', 'them'], ['like']];
const STOP_WORDS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'to', 'for', 'with', 'by', 'and', 'or', 'is', 'are', 'was', 'were', 'be', 'its',
  'their', 'it', 'that', 'which', 'who', 'said', 'says', 'has', 'have', 'had', 'as', 'at', 'from', 'this', 'one',
  'company', 'companies',
]);

/** A group before it becomes an entity. */
export interface FoundGroup {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Plural head nouns ("companies", "entities"); the singular head for "One company". */
  readonly heads: readonly string[];
  readonly sentence: number;
  readonly kind: 'quantified' | 'one' | 'remainder';
  members: string[];
  /** Character offsets where the group is evoked: its own mention, its parts, a partitive "one of the …". */
  evoked: number[];
  /** Index of the group this one is part of ("One company", "The rest"). */
  parent?: number;
}

const singular = (w: string): string => (w.endsWith('ies') ? `${w.slice(0, -3)}y` : w === 'people' ? 'person' : w.replace(/s$/u, ''));
const lower = (t: Token | undefined): string => (t?.text ?? '').toLowerCase().replace(/’/gu, "'");
const isNumber = (t: Token | undefined): boolean =>
  t !== undefined && (NUMBER_WORDS.has(lower(t)) || (/^\d[\d,.]*$/u.test(t.text) && t.tags.includes('Cardinal')) || (/^\d+$/u.test(t.text)));
const isModifier = (t: Token | undefined): boolean =>
  t !== undefined && /^[\p{L}][\p{L}\-]*$/u.test(t.text) && !GROUP_HEADS.has(lower(t)) && ['Adjective', 'Noun', 'ProperNoun'].includes(t.pos) && !t.tags.includes('Plural');

/** Named mentions (entity id and span) in text order, groups excluded. */
function namedSpans(doc: Doc): { entity: Entity; start: number; end: number }[] {
  return doc.entities
    .filter((e) => !e.group)
    .flatMap((e) => e.mentions.map((m) => ({ entity: e, start: m.start, end: m.end })))
    .sort((a, b) => a.start - b.start);
}

/** For spans sorted by start: the largest end among each span and those before it (nondecreasing). */
function reachOf(spans: readonly { end: number }[]): number[] {
  const out: number[] = [];
  let max = -Infinity;
  for (const s of spans) out.push((max = Math.max(max, s.end)));
  return out;
}

/** The first span (in array order) that contains `t`: the same answer as a scan from the start, without the scan. */
function firstContaining<S extends { start: number; end: number }>(spans: readonly S[], reach: readonly number[], t: Token): S | undefined {
  // No span before the first whose reach covers t.end can contain t.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reach[mid]! < t.end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < spans.length && spans[i]!.start <= t.start; i += 1) if (t.end <= spans[i]!.end) return spans[i];
  return undefined;
}

/**
 * Finds quantified groups, "One <noun>" and remainders ("The rest") in a document, with their members.
 * @example findGroups(doc).map((g) => g.text) // ['eight companies', 'One company', 'The rest']
 */
export function findGroups(doc: Doc): FoundGroup[] {
  const toks = doc.tokens;
  const text = doc.article.text;
  const named = namedSpans(doc);
  const nameAt = (t: Token): { entity: Entity; start: number; end: number } | undefined => firstContaining(named, reach, t);
  const reach = reachOf(named);
  const groups: FoundGroup[] = [];
  /** Most recently evoked group first. */
  const salience: number[] = [];
  const touch = (g: number, at: number): void => {
    groups[g]!.evoked.push(at);
    const k = salience.indexOf(g);
    if (k >= 0) salience.splice(k, 1);
    salience.unshift(g);
  };

  for (let i = 0; i < toks.length; i += 1) {
    const t = toks[i]!;
    const prev = toks[i - 1]?.sentence === t.sentence ? toks[i - 1] : undefined;
    if (nameAt(t)) continue;
    // "eight companies", "five Chinese technology companies", "24 companies and government-linked entities"
    if (isNumber(t) && !DEFINITE.has(lower(prev)) && lower(prev) !== '$' && lower(toks[i + 1]) !== 'of') {
      const head = headAfter(toks, i + 1, t.sentence);
      if (head >= 0) {
        let end = head;
        const heads = [lower(toks[head])];
        const conj = lower(toks[head + 1]);
        if (conj === 'and' || conj === 'or') {
          const second = headAfter(toks, head + 2, t.sentence);
          if (second >= 0) {
            end = second;
            heads.push(lower(toks[second]));
          }
        }
        const g: FoundGroup = { start: t.start, end: toks[end]!.end, text: text.slice(t.start, toks[end]!.end), heads, sentence: t.sentence, kind: 'quantified', members: [], evoked: [] };
        g.members = membersAfter(doc, toks, end + 1, named);
        groups.push(g);
        touch(groups.length - 1, t.start);
        i = end;
        continue;
      }
    }
    // "One company cited Friday …": one unnamed member of a group named before.
    if (lower(t) === 'one' && toks[i + 1]?.sentence === t.sentence && GROUP_HEADS.has(`${lower(toks[i + 1])}s`.replace(/ys$/u, 'ies')) && !nameAt(toks[i + 1]!)) {
      const head = lower(toks[i + 1]);
      const parent = pickParent(doc, groups, salience, t.sentence);
      const g: FoundGroup = { start: t.start, end: toks[i + 1]!.end, text: text.slice(t.start, toks[i + 1]!.end), heads: [head], sentence: t.sentence, kind: 'one', members: [], evoked: [t.start], ...(parent !== undefined ? { parent } : {}) };
      const member = describedLater(doc, toks, i, head, named);
      if (member) g.members = [member];
      groups.push(g);
      if (parent !== undefined) touch(parent, t.start);
      i += 1;
      continue;
    }
    // "One of the technology suppliers, CloudWalk Technology Ltd., …": a named member of a group.
    if (lower(t) === 'one' && lower(toks[i + 1]) === 'of' && DEFINITE.has(lower(toks[i + 2]))) {
      let h = i + 3;
      while (h < toks.length && toks[h]!.sentence === t.sentence && isModifier(toks[h]) && h < i + 6) h += 1;
      if (GROUP_HEADS.has(lower(toks[h])) && lower(toks[h + 1]) === ',') {
        const name = toks[h + 2] ? nameAt(toks[h + 2]!) : undefined;
        const parent = pickParent(doc, groups, salience, t.sentence, lower(toks[h]));
        if (name && parent !== undefined) {
          addMember(groups[parent]!, name.entity.id);
          touch(parent, t.start);
        }
      }
      continue;
    }
    // "The rest are accused of …", "the others", "the remaining companies"
    if (DEFINITE.has(lower(t)) && (REMAINDER.has(lower(toks[i + 1])) || (lower(toks[i + 1]) === 'remaining' && GROUP_HEADS.has(lower(toks[i + 2])))) && toks[i + 1]!.sentence === t.sentence) {
      if (lower(toks[i + 1]) === 'rest' && lower(toks[i + 2]) === 'of') continue; // "the rest of the world"
      const last = lower(toks[i + 1]) === 'remaining' ? i + 2 : i + 1;
      const parent = salience.find((g) => groups[g]!.kind === 'quantified');
      if (parent === undefined) continue;
      groups.push({ start: t.start, end: toks[last]!.end, text: text.slice(t.start, toks[last]!.end), heads: groups[parent]!.heads, sentence: t.sentence, kind: 'remainder', members: [], evoked: [t.start], parent });
      touch(parent, t.start);
      i = last;
    }
  }
  // Members of a part belong to the whole; the remainder is the whole minus its other parts.
  for (const g of groups) if (g.parent !== undefined) for (const m of g.members) addMember(groups[g.parent]!, m);
  groups.forEach((g, k) => {
    if (g.kind !== 'remainder' || g.parent === undefined) return;
    const others = new Set(groups.filter((o, j) => j !== k && o.parent === g.parent).flatMap((o) => o.members));
    g.members = groups[g.parent]!.members.filter((m) => !others.has(m));
  });
  return groups;
}

function addMember(g: FoundGroup, id: string): void {
  if (!g.members.includes(id)) g.members.push(id);
}

/** Index of a plural group head after at most four modifiers starting at `i`, or -1. */
function headAfter(toks: readonly Token[], i: number, sentence: number): number {
  for (let k = i; k < Math.min(toks.length, i + 5); k += 1) {
    const t = toks[k]!;
    if (t.sentence !== sentence) return -1;
    if (GROUP_HEADS.has(lower(t))) return k;
    if (!isModifier(t)) return -1;
  }
  return -1;
}

/**
 * Named members listed right after a group: ", including X and Y" (up to a few descriptive words before each
 * name: "including the popular video-sharing platform TikTok") or an apposition ", X and Y,".
 */
function membersAfter(doc: Doc, toks: readonly Token[], from: number, named: readonly { entity: Entity; start: number; end: number }[]): string[] {
  const sentence = toks[from - 1]?.sentence;
  let i = from;
  if (lower(toks[i]) === ',') i += 1;
  const cue = MEMBER_CUES.find((c) => c.every((w, k) => lower(toks[i + k]) === w));
  const apposition = !cue && i > from;
  if (cue) i += cue.length;
  else if (!apposition) return [];
  const out: string[] = [];
  let skipped = 0;
  while (i < toks.length && toks[i]!.sentence === sentence) {
    const t = toks[i]!;
    const n = named.find((m) => t.start >= m.start && t.end <= m.end);
    if (n && n.entity.class !== 'MISC') {
      if (!out.includes(n.entity.id)) out.push(n.entity.id);
      while (i < toks.length && toks[i]!.start < n.end) i += 1;
      skipped = 0;
      continue;
    }
    const w = lower(t);
    if (w === ',' || w === 'and') {
      i += 1;
      continue;
    }
    // A few lower-case words describing the next member; a verb or a clause word ends the list.
    if (out.length === 0 || cue) {
      if (t.pos === 'Verb' || skipped >= 5 || /^[.;:!?]$/u.test(w) || w === 'to' || w === 'which') break;
      skipped += 1;
      i += 1;
      continue;
    }
    break;
  }
  // An apposition must name members right away, and only names: "two companies, X and Y,".
  if (apposition && (out.length === 0 || skipped > 0)) return [];
  void doc;
  return out;
}

/**
 * "The company accused of human rights violations, Aksu Huafu Textiles Co., said …" names the company that
 * "One company … is accused of engaging in human rights violations" describes: the later description shares at
 * least two content words with the sentence of "One company".
 */
function describedLater(doc: Doc, toks: readonly Token[], at: number, head: string, named: readonly { entity: Entity; start: number; end: number }[]): string | undefined {
  const sentence = toks[at]!.sentence;
  const words = new Set(toks.filter((t) => t.sentence === sentence).map(lower).filter(content));
  for (let i = at + 2; i < toks.length; i += 1) {
    if (lower(toks[i]) !== 'the' || lower(toks[i + 1]) !== head) continue;
    let k = i + 2;
    const desc: string[] = [];
    while (k < toks.length && toks[k]!.sentence === toks[i]!.sentence && lower(toks[k]) !== ',' && k < i + 14) desc.push(lower(toks[k++]));
    if (lower(toks[k]) !== ',' || !toks[k + 1]) continue;
    const n = named.find((m) => toks[k + 1]!.start >= m.start && toks[k + 1]!.end <= m.end);
    if (!n || n.entity.class !== 'ORG') continue;
    const shared = desc.filter(content).filter((w) => words.has(w));
    if (new Set(shared).size >= 2) return n.entity.id;
  }
  void doc;
  return undefined;
}

const content = (w: string): boolean => /^\p{L}{3,}$/u.test(w) && !STOP_WORDS.has(w);

/**
 * The group a part belongs to: one whose sentence shares a named place, organisation or person with this one
 * ("One company cited … in connection with Xinjiang" -> the companies "in … Xinjiang"), else the most recently
 * evoked group (with the same head when given).
 */
function pickParent(doc: Doc, groups: readonly FoundGroup[], salience: readonly number[], sentence: number, head?: string): number | undefined {
  const wholes = salience.filter((g) => groups[g]!.kind === 'quantified');
  if (wholes.length === 0) return undefined;
  const actorsOf = (s: number): Set<string> => {
    const sent = doc.sentences[s]!;
    return new Set(
      doc.entities
        .filter((e) => !e.group && e.class !== 'MISC' && !(e.class === 'LOC' && e.subtype === 'country'))
        .filter((e) => e.mentions.some((m) => m.start >= sent.start && m.end <= sent.end))
        .map((e) => e.id),
    );
  };
  const here = actorsOf(sentence);
  const shared = wholes.filter((g) => [...actorsOf(groups[g]!.sentence)].some((id) => here.has(id)));
  if (shared.length > 0) return shared[0];
  if (head) {
    const same = wholes.find((g) => groups[g]!.heads.includes(head));
    if (same !== undefined) return same;
  }
  return wholes[0];
}

/**
 * Definite plural descriptions that point back at a group: "the companies", "The companies", "the apps" -> the
 * most recently evoked group with that head. `taken` are spans already covered by other references or mentions.
 */
export function groupReferences(doc: Doc, groups: readonly FoundGroup[], ids: readonly string[], taken: (start: number, end: number) => boolean): Reference[] {
  const toks = doc.tokens;
  const out: Reference[] = [];
  for (let i = 0; i < toks.length - 1; i += 1) {
    const det = lower(toks[i]);
    if (!DEFINITE.has(det)) continue;
    let h = i + 1;
    while (h < i + 3 && isModifier(toks[h]) && toks[h]!.pos !== 'ProperNoun') h += 1;
    const head = lower(toks[h]);
    if (!GROUP_HEADS.has(head) || toks[h]!.sentence !== toks[i]!.sentence) continue;
    const start = toks[i]!.start;
    const end = toks[h]!.end;
    if (taken(start, end)) continue;
    // The whole group with this head evoked last before it (by its own mention, a part or an earlier reference).
    let best = -1;
    let bestAt = -1;
    for (let g = 0; g < groups.length; g += 1) {
      const gr = groups[g]!;
      const at = Math.max(-1, ...gr.evoked.filter((x) => x < start));
      if (gr.kind === 'quantified' && gr.heads.includes(head) && at > bestAt) {
        best = g;
        bestAt = at;
      }
    }
    if (best < 0) continue;
    groups[best]!.evoked.push(start);
    out.push({ text: doc.article.text.slice(start, end), start, end, entity: ids[best]! });
  }
  return out;
}
