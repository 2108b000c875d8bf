// Mentions -> entities: "Donald Trump" ... "Trump" become one PER entity; "Acme Widgets Ltd." ... "Acme" one ORG.
import type { Entity, EntityClass, Mention } from '../../model/types.js';
import type { Stage } from '../stage.js';

/**
 * The stable cross-article key of a name: class plus a normalised form (case, quotes, punctuation folded).
 * @example entityKey('ORG', 'Acme Widgets Ltd.') // 'ORG:acme widgets ltd'
 */
export function entityKey(cls: EntityClass, name: string): string {
  return `${cls}:${normaliseName(name)}`;
}

export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/gu, "'")
    .replace(/[.,]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Clusters mentions: exact normalised name first, then a short form joins the longest name it is part of. */
export function clusterMentions(mentions: readonly Mention[]): Entity[] {
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  const byName = new Map<string, Mention[]>();
  for (const m of ordered) {
    const k = entityKey(m.class, m.text);
    const list = byName.get(k) ?? [];
    list.push(m);
    byName.set(k, list);
  }
  // Longest names first, so short forms attach to them.
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const parent = new Map<string, string>();
  for (const short of names) {
    const sm = byName.get(short)![0]!;
    const shortWords = normaliseName(sm.text).split(' ');
    for (const long of names) {
      if (long === short || long.length <= short.length || parent.has(long)) continue;
      const lm = byName.get(long)![0]!;
      if (lm.class !== sm.class) continue;
      const longWords = normaliseName(lm.text).split(' ');
      if (isShortForm(sm.class, shortWords, longWords)) {
        parent.set(short, long);
        break;
      }
    }
  }
  const root = (k: string): string => {
    let r = k;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const clusters = new Map<string, Mention[]>();
  for (const k of names) {
    const r = root(k);
    clusters.set(r, [...(clusters.get(r) ?? []), ...byName.get(k)!]);
  }
  const entities = [...clusters.entries()]
    .map(([k, ms]) => ({ k, ms: ms.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.ms[0]!.start - b.ms[0]!.start);
  return entities.map(({ k, ms }, i): Entity => {
    const rootMention = byName.get(k)![0]!;
    const aliases = [...new Set(ms.map((m) => m.text))].filter((t) => t !== rootMention.text).sort();
    return {
      id: `e${i + 1}`,
      key: k,
      name: rootMention.text,
      class: rootMention.class,
      aliases,
      mentions: ms.map((m) => ({ text: m.text, start: m.start, end: m.end })),
    };
  });
}

function isShortForm(cls: EntityClass, short: string[], long: string[]): boolean {
  if (short.length >= long.length) return false;
  if (cls === 'PER') return short.every((w) => long.includes(w)) && short.at(-1) === long.at(-1);
  if (cls === 'ORG') return short.every((w, i) => long[i] === w);
  return false;
}

export const resolveEntities: Stage = {
  name: 'resolve-entities',
  requires: ['mentions'],
  assigns: ['entities'],
  run(doc) {
    return { ...doc, entities: clusterMentions(doc.mentions) };
  },
};
