// "President Donald Trump met Acme Widgets Ltd. in Beijing" -> PER "Donald Trump", ORG "Acme Widgets Ltd.", LOC "Beijing"
import type { EntityClass, Mention, Token } from '../../model/types.js';
import { bioToSpans, loadNerModel, type NerModel } from '../../ner/index.js';
import type { Stage } from '../stage.js';

const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+$/u;

/**
 * Tags the whole document with the trained model and turns BIO spans into mentions with CoNLL extents.
 * @example findMentions(model, text, tokens, sentences) // [{ text: 'Donald Trump', class: 'PER', ... }]
 */
export function findMentions(
  model: NerModel,
  text: string,
  tokens: readonly Token[],
  sentences: readonly { tokenStart: number; tokenEnd: number }[],
): Mention[] {
  const input = sentences.map((s) => tokens.slice(s.tokenStart, s.tokenEnd).map((t) => ({ text: t.text })));
  const tags = model.tagDocument(input);
  const out: Mention[] = [];
  sentences.forEach((s, si) => {
    for (const span of bioToSpans(tags[si] ?? [])) {
      let a = s.tokenStart + span.start;
      let b = s.tokenStart + span.end;
      // No leading or trailing punctuation in a mention ("Huawei," -> "Huawei"); "Ltd." keeps its period as one token.
      while (a < b && EDGE_PUNCTUATION.test(tokens[a]!.text)) a += 1;
      while (b > a && EDGE_PUNCTUATION.test(tokens[b - 1]!.text)) b -= 1;
      if (a >= b) continue;
      const start = tokens[a]!.start;
      const end = tokens[b - 1]!.end;
      out.push({ start, end, text: text.slice(start, end), class: span.cls as EntityClass, source: 'extract-entities' });
    }
  });
  return out;
}

export const extractEntities: Stage = {
  name: 'extract-entities',
  requires: ['sentences', 'tokens'],
  assigns: ['mentions'],
  run(doc) {
    if (doc.tokens.length === 0) return doc;
    return { ...doc, mentions: findMentions(loadNerModel(), doc.article.text, doc.tokens, doc.sentences) };
  },
};
