// Coarse part of speech for already tokenised sentences: [["Germany", "'s", "minister"]] -> [["ProperNoun", "Possessive", "Noun"]].
import nlp from 'compromise';
import { coarsePos } from './tokenize.js';

interface CTerm {
  tags: string[];
  offset: { start: number; length: number };
}

const PUNCT = /^[^\p{L}\p{N}]+$/u;

/**
 * Tags pre-tokenised sentences of one document with compromise (one call per document) and maps its terms
 * back to the tokens by character offset, with the tokenizer's conventions (Punctuation, Possessive).
 * Used to train the NER model on CoNLL tokens.
 * @example tagPos([['Huawei', 'said', '.']]) // [['ProperNoun', 'Verb', 'Punctuation']]
 */
export function tagPos(sentences: readonly (readonly string[])[]): string[][] {
  const starts: number[][] = [];
  let text = '';
  for (const tokens of sentences) {
    const s: number[] = [];
    for (const t of tokens) {
      if (s.length > 0) text += ' ';
      s.push(text.length);
      text += t;
    }
    starts.push(s);
    text += '\n';
  }
  const termAt = new Map<number, string[]>();
  const covered: [number, number, string[]][] = [];
  for (const sent of nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: CTerm[] }[]) {
    for (const term of sent.terms) {
      termAt.set(term.offset.start, term.tags);
      covered.push([term.offset.start, term.offset.start + term.offset.length, term.tags]);
    }
  }
  let k = 0;
  return sentences.map((tokens, si) =>
    tokens.map((tok, i) => {
      if (PUNCT.test(tok)) return 'Punctuation';
      if (/^['’]s$/u.test(tok)) return 'Possessive';
      const start = starts[si]![i]!;
      let tags = termAt.get(start);
      if (!tags) {
        while (k < covered.length && covered[k]![1] <= start) k++;
        while (k > 0 && covered[k - 1]![1] > start) k--;
        const c = covered[k];
        tags = c && c[0] <= start && start < c[1] ? c[2] : [];
      }
      return coarsePos(tags);
    }),
  );
}
