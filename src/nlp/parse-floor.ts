// The cost floor of extraction: compromise alone parsing a text and reading its terms with offsets, as tokenize() does.
import nlp from 'compromise';

interface FloorTerm {
  text: string;
  offset: { start: number; length: number };
}

/**
 * Parses `text` with compromise and reads every term's text and offset; returns the number of terms. The pipeline
 * can't be faster than this (its own tokenizer), so pipeline time / floor time says what everything else costs.
 * @example parseFloor('Zhao said. China agreed.') // 4
 */
export function parseFloor(text: string): number {
  if (text.trim() === '') return 0;
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: FloorTerm[] }[];
  let n = 0;
  for (const s of json) for (const t of s.terms) n += t.text.length >= 0 && t.offset.start >= 0 ? 1 : 0;
  return n;
}
