// Cross-article alias table: an article that says only "Trump" or "Huawei" joins the actor earlier articles named in full.
import type { Entity, EntityClass } from '../model/types.js';
import { normaliseName } from './normalise.js';

/** An actor as the store holds it: its key, class and every name it has appeared under. */
export interface KnownActor {
  readonly key: string;
  readonly class: EntityClass;
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * Names -> actor keys, per class, built from what earlier articles stored (the store's `aliases` lists).
 * @example new AliasIndex([{ key: 'PER:donald trump', class: 'PER', name: 'Donald Trump', aliases: ['Trump'] }]).lookup('PER', 'Trump') // ['PER:donald trump']
 */
export class AliasIndex {
  private readonly byName = new Map<string, Set<string>>();
  private readonly keys = new Set<string>();

  constructor(known: Iterable<KnownActor> = []) {
    for (const k of known) this.add(k);
  }

  add(actor: KnownActor): void {
    this.keys.add(actor.key);
    for (const n of [actor.name, ...actor.aliases]) {
      this.put(`${actor.class}|${normaliseName(n)}`, actor.key);
      const words = normaliseName(n).split(' ');
      if (words.length < 2) continue;
      // Short forms an article may use alone: a person's surname (first or last word), a name's leading words.
      if (actor.class === 'PER') for (const w of new Set([words[0]!, words.at(-1)!])) this.put(`PER|~${w}`, actor.key);
      if (actor.class === 'ORG') for (let i = 1; i < words.length; i += 1) this.put(`ORG|^${words.slice(0, i).join(' ')}`, actor.key);
    }
  }

  private put(k: string, key: string): void {
    const set = this.byName.get(k) ?? new Set<string>();
    set.add(key);
    this.byName.set(k, set);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Keys of actors known under this exact name, else under it as a short form (surname, leading words). */
  lookup(cls: EntityClass, name: string): string[] {
    const n = normaliseName(name);
    const exact = this.byName.get(`${cls}|${n}`) ?? this.byName.get(`${cls}|${cls === 'PER' ? '~' : '^'}${n}`);
    return [...(exact ?? [])].sort();
  }
}

/** Keys with a country part (government bodies) never move: two countries' ministries share aliases. */
function isScoped(key: string): boolean {
  return key.split(':').length > 2;
}

/**
 * Gives an article's people and organisations the key of a known actor when their key is new and one of their
 * names belongs to exactly one known actor of the same class; with several candidates the key stays and the candidates are
 * returned as possible identities (POSSIBLY_SAME_AS).
 * @example rekeyWithAliases(entitiesOfArticle2, index)[0].entity.key // 'PER:donald trump' for a bare "Trump"
 */
export function rekeyWithAliases(entities: readonly Entity[], index: AliasIndex): { entity: Entity; possiblySameAs: string[] }[] {
  return entities.map((entity) => {
    // Places never move: a capital is its country's alias when it acts ("Tokyo said"), but "in Tokyo" is the city;
    // country name variants are already resolved within each article.
    if (index.has(entity.key) || isScoped(entity.key) || entity.class === 'MISC' || entity.class === 'LOC') return { entity, possiblySameAs: [] };
    // Only the actor's own name: its aliases hold short forms ("Zhang") that may fit other people.
    const list = index.lookup(entity.class, entity.name).filter((k) => !isScoped(k));
    if (list.length === 1) return { entity: { ...entity, key: list[0]! }, possiblySameAs: [] };
    return { entity, possiblySameAs: list };
  });
}
