// "President Donald Trump met Acme Widgets Ltd. in Beijing" -> PER "Donald Trump", ORG "Acme Widgets Ltd.", LOC "Beijing"
import type { EntityClass, Mention, Token } from '../../model/types.js';
import type { Stage } from '../stage.js';

const TAG_CLASS: readonly [string, EntityClass][] = [
  ['Person', 'PER'],
  ['Organization', 'ORG'],
  ['Place', 'LOC'],
];

/** Baseline from compromise's own tags: consecutive capitalised tokens sharing an entity tag. */
export function findMentions(text: string, tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const cls = classOf(tokens[i]!);
    if (!cls) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.sentence === tokens[i]!.sentence && classOf(tokens[j]!) === cls) j += 1;
    const start = tokens[i]!.start;
    const end = tokens[j - 1]!.end;
    out.push({ start, end, text: text.slice(start, end), class: cls, source: 'extract-entities' });
    i = j;
  }
  return out;
}

function classOf(token: Token): EntityClass | undefined {
  if (!/^\p{Lu}/u.test(token.text)) return undefined;
  for (const [tag, cls] of TAG_CLASS) if (token.tags.includes(tag)) return cls;
  return undefined;
}

export const extractEntities: Stage = {
  name: 'extract-entities',
  requires: ['tokens'],
  assigns: ['mentions'],
  run(doc) {
    return { ...doc, mentions: findMentions(doc.article.text, doc.tokens) };
  },
};
