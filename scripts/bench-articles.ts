// The articles the benchmark and the profiler run on: CoNLL-2003 eng.train stories turned back into text, and corpus/.
import { readFileSync } from 'node:fs';
import { readInputs } from '../src/input/read-inputs.js';
import type { Article } from '../src/model/types.js';
import { parseConll, splitDocuments } from '../src/ner/conll.js';

const CONLL = new URL('../../shared/data/conll2003/eng.train', import.meta.url);
const NO_SPACE_BEFORE = /^(?:[.,;:!?)\]}%]|'s|'S|n't|'re|'ve|'ll|'d|'m|')$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/** CoNLL tokens back to text: "U.S. officials said on Monday ( Reuters ) ." -> "U.S. officials said on Monday (Reuters)." */
export function detokenise(tokens: readonly string[]): string {
  let out = '';
  let quoteOpen = false;
  let glueNext = false;
  for (const t of tokens) {
    let space = out !== '' && !glueNext && !NO_SPACE_BEFORE.test(t);
    glueNext = NO_SPACE_AFTER.test(t);
    if (t === '"') {
      if (quoteOpen) space = false;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    out += (space ? ' ' : '') + t;
  }
  return out;
}

/** The stories of eng.train: headline, then the body; the date comes from the dateline (`BRUSSELS 1996-08-22`). */
export function conllArticles(limit = Infinity): Article[] {
  const docs = splitDocuments(parseConll(readFileSync(CONLL, 'utf8')));
  const out: Article[] = [];
  docs.forEach((doc, i) => {
    const dl = doc.findIndex((s) => s.tokens.length <= 8 && /^\d{4}-\d\d-\d\d$/.test(s.tokens[s.tokens.length - 1]!));
    const date = dl >= 0 ? doc[dl]!.tokens[doc[dl]!.tokens.length - 1]! : '1996-08-22';
    const head = dl > 0 ? doc.slice(0, 1) : [];
    const body = doc.slice(dl >= 0 ? dl + 1 : 0);
    if (body.length === 0) return;
    const text = [...head.map((s) => detokenise(s.tokens)), body.map((s) => detokenise(s.tokens)).join(' ')].join('\n\n');
    out.push({ id: `conll-${String(i).padStart(4, '0')}`, date, text });
  });
  return out.slice(0, limit);
}

/** The articles of corpus/, as read by newsgraph itself. */
export async function corpusArticles(): Promise<Article[]> {
  const out: Article[] = [];
  for await (const item of readInputs([new URL('../corpus', import.meta.url).pathname])) {
    if ('article' in item) out.push(item.article);
  }
  return out;
}
