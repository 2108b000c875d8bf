// Test helper: "[PER Donald Trump] met [ORG Huawei]" -> a Doc with that text, tokens, sentences and hand-given mentions.
import { newDoc } from '../../src/model/doc.js';
import type { Doc, EntityClass, Mention } from '../../src/model/types.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import type { Context } from '../../src/pipeline/stage.js';

const MARK = /\[(PER|ORG|LOC|MISC) ([^\]]+)\]/gu;

/** Builds a Doc from marked-up text; mentions carry source 'test'. */
export function markedDoc(marked: string, id = 'test-article', date = '2020-05-25'): Doc {
  let text = '';
  const mentions: Mention[] = [];
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[2]!;
    mentions.push({ start, end: text.length, text: m[2]!, class: m[1] as EntityClass, source: 'test' });
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  const { sentences, tokens } = tokenize(text);
  return { ...newDoc({ id, date, text }), sentences, tokens, mentions };
}

export function testContext(log: string[] = []): Context {
  return { referenceDate: '2020-05-25', options: {}, debug: (m) => log.push(m()) };
}
