// CoNLL-2003 reader: "EU NNP B-NP B-ORG" lines -> sentences of tokens and IOB2 tags, grouped into stories.

/** One sentence of a CoNLL file: tokens with their gold IOB2 entity tags. */
export interface ConllSentence {
  readonly tokens: string[];
  readonly tags: string[];
}

/**
 * Parses CoNLL-2003 text (one `word POS chunk NER` line per token, blank line between sentences).
 * IOB1 input is converted to IOB2, so every entity starts with a B- tag.
 * @example parseConll('EU NNP B-NP B-ORG\nrejects VBZ B-VP O\n')[0].tags // ['B-ORG', 'O']
 */
export function parseConll(text: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length > 0) sentences.push({ tokens, tags: toIob2(tags) });
    tokens = [];
    tags = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('-DOCSTART-')) {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    tokens.push(cols[0]!);
    tags.push(cols[cols.length - 1]!);
  }
  flush();
  return sentences;
}

function toIob2(tags: string[]): string[] {
  return tags.map((tag, i) => {
    if (!tag.startsWith('I-')) return tag;
    const prev = i > 0 ? tags[i - 1]! : 'O';
    return prev === 'O' || prev.slice(2) !== tag.slice(2) ? 'B-' + tag.slice(2) : tag;
  });
}

const DATELINE_DATE = /^\d{4}-\d\d-\d\d$/;

/** True for a dateline sentence such as `BRUSSELS 1996-08-22`. */
function isDateline(s: ConllSentence): boolean {
  return s.tokens.length <= 8 && DATELINE_DATE.test(s.tokens[s.tokens.length - 1]!);
}

/** True for a byline such as `Peter Blackburn`: two or three title-case words. */
function isByline(s: ConllSentence): boolean {
  return s.tokens.length >= 2 && s.tokens.length <= 3 && s.tokens.every((t) => /^[A-Z][a-z]+$/.test(t));
}

/**
 * Splits a run of CoNLL sentences into stories. The data has no -DOCSTART- lines, so a story is taken to
 * start at the headline before its dateline (`LONDON 1996-08-30`), or before the byline between them.
 * @example splitDocuments(sentences).length // about one per dateline
 */
export function splitDocuments<S extends ConllSentence>(sentences: readonly S[]): S[][] {
  const starts = new Set<number>([0]);
  for (let i = 0; i < sentences.length; i++) {
    if (!isDateline(sentences[i]!)) continue;
    let start = i - 1;
    if (start >= 1 && isByline(sentences[start]!)) start -= 1;
    if (start > 0) starts.add(start);
  }
  const sorted = [...starts].sort((a, b) => a - b);
  const docs: S[][] = [];
  for (let k = 0; k < sorted.length; k++) {
    const doc = sentences.slice(sorted[k], k + 1 < sorted.length ? sorted[k + 1] : sentences.length);
    if (doc.length > 0) docs.push(doc);
  }
  return docs;
}
