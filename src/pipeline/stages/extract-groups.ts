// "adding eight companies … to an export blacklist" -> MISC entity "eight companies" (group: true, members as named
// later); "the companies" -> a reference to it. Groups are never named mentions.
import { findGroups, groupReferences } from '../../actors/groups.js';
import type { Doc, Entity } from '../../model/types.js';
import type { Stage } from '../stage.js';

/**
 * The key of a group entity: article-local, by where the group is first named.
 * @example groupKey('a1', 120) // 'MISC:group:a1:120'
 */
export function groupKey(articleId: string, start: number): string {
  return `MISC:group:${articleId}:${start}`;
}

/**
 * Group entities and the definite descriptions that point back at them.
 * @example extractGroups.run(doc, ctx).entities.filter((e) => e.group).map((e) => e.name) // ['eight companies']
 */
export const extractGroups: Stage = {
  name: 'extract-groups',
  requires: ['sentences', 'tokens', 'entities', 'references'],
  assigns: ['entities', 'references'],
  run(doc: Doc, ctx) {
    const found = findGroups(doc);
    if (found.length === 0) return doc;
    const used = new Set(doc.entities.map((e) => e.id));
    let n = 0;
    const ids = found.map(() => {
      let id: string;
      do id = `g${(n += 1)}`;
      while (used.has(id));
      used.add(id);
      return id;
    });
    const groups: Entity[] = found.map((g, k) => ({
      id: ids[k]!,
      // Groups are article-local: "eight companies" in two articles are different companies.
      key: groupKey(doc.article.id, g.start),
      name: g.text,
      class: 'MISC',
      subtype: 'group',
      aliases: [],
      mentions: [{ text: g.text, start: g.start, end: g.end }],
      group: true,
      members: g.members,
    }));
    const covered = [...doc.references, ...doc.entities.flatMap((e) => e.mentions), ...groups.flatMap((g) => g.mentions)];
    const taken = (start: number, end: number): boolean => covered.some((s) => start < s.end && end > s.start);
    const refs = groupReferences(doc, found, ids, taken);
    ctx.debug(() => `groups: ${groups.map((g) => `${g.name} [${(g.members ?? []).join(',')}]`).join('; ')}; references: ${refs.map((r) => `${r.text}->${r.entity}`).join(', ')}`);
    return {
      ...doc,
      entities: [...doc.entities, ...groups],
      references: [...doc.references, ...refs].sort((a, b) => a.start - b.start),
    };
  },
};
