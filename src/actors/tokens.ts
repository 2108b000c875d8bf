// Token navigation around spans: the tokens inside a mention, the words just before and after it.
import type { Span, Token } from '../model/types.js';

/** Index of the first token that starts at or after `offset` (tokens are sorted by start). */
export function firstTokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token index range [from, to) of the tokens lying inside `span`. */
export function tokenRange(tokens: readonly Token[], span: Span): [number, number] {
  const from = firstTokenAtOrAfter(tokens, span.start);
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= span.end) to += 1;
  return [from, to];
}

/** True when the word starts with a capital letter or a digit ("Huawei", "3M"). */
export function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word);
}

/** True when the word has no capital letter at all ("decision", "didn’t"). */
export function isLowerWord(word: string): boolean {
  return /\p{L}/u.test(word) && !/\p{Lu}/u.test(word);
}

export const POSSESSIVE_TOKEN = /^['’]s?$/u;
