// Test helper: a Doc from text plus hand-given entities, references and dates, so event tests don't depend on
// the entity model or the date parser. Tokens and sentences come from the real tokenizer.
import type { DateRef, Doc, Entity, EntityClass, Reference } from '../../src/model/types.js';
import { tokenize } from '../../src/nlp/tokenize.js';

export interface EntitySpec {
  readonly id: string;
  readonly name: string;
  readonly class: EntityClass;
  /** Surface forms; every whole-word occurrence becomes a mention. */
  readonly names: readonly string[];
  readonly subtype?: string;
  readonly group?: boolean;
}
export interface RefSpec {
  readonly text: string;
  readonly entity: string;
  /** Which occurrence (0-based) of `text`; all occurrences when absent. */
  readonly nth?: number;
}
export interface DateSpec {
  readonly text: string;
  readonly value: string;
  readonly nth?: number;
}

function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${surface.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(re)) out.push(m.index!);
  return out;
}

/**
 * @example makeDoc('China accused Acme of spying.', { entities: [{ id: 'cn', name: 'China', class: 'LOC', names: ['China'] }] })
 */
export function makeDoc(
  text: string,
  spec: { entities?: readonly EntitySpec[]; references?: readonly RefSpec[]; dates?: readonly DateSpec[]; date?: string; id?: string } = {},
): Doc {
  const { sentences, tokens } = tokenize(text);
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  // Longest surfaces first so "Huawei Technologies Ltd." wins over "Huawei".
  const surfaces = (spec.entities ?? [])
    .flatMap((e) => e.names.map((n) => ({ e, n })))
    .sort((a, b) => b.n.length - a.n.length);
  const mentions = new Map<string, { text: string; start: number; end: number }[]>();
  for (const { e, n } of surfaces) {
    for (const start of occurrences(text, n)) {
      const end = start + n.length;
      if (overlaps(start, end)) continue;
      taken.push([start, end]);
      mentions.set(e.id, [...(mentions.get(e.id) ?? []), { text: n, start, end }]);
    }
  }
  const entities: Entity[] = (spec.entities ?? []).map((e) => ({
    id: e.id,
    key: `${e.class}:${e.name.toLowerCase()}`,
    name: e.name,
    class: e.class,
    ...(e.subtype ? { subtype: e.subtype } : {}),
    ...(e.group ? { group: true } : {}),
    aliases: e.names.filter((n) => n !== e.name),
    mentions: (mentions.get(e.id) ?? []).sort((a, b) => a.start - b.start),
  }));
  const references: Reference[] = [];
  for (const r of spec.references ?? []) {
    const occ = occurrences(text, r.text);
    const picks = r.nth === undefined ? occ : occ[r.nth] === undefined ? [] : [occ[r.nth]!];
    for (const start of picks) references.push({ text: r.text, start, end: start + r.text.length, entity: r.entity });
  }
  references.sort((a, b) => a.start - b.start);
  const dates: DateRef[] = (spec.dates ?? []).map((d) => {
    const start = occurrences(text, d.text)[d.nth ?? 0];
    if (start === undefined) throw new Error(`date text "${d.text}" not in text`);
    return { text: d.text, start, end: start + d.text.length, type: 'DATE', value: d.value };
  });
  dates.sort((a, b) => a.start - b.start);
  return {
    article: { id: spec.id ?? 't1', date: spec.date ?? '2020-05-25', text },
    sentences,
    tokens,
    mentions: [],
    entities,
    references,
    dates,
    events: [],
    nonFactual: [],
  };
}
