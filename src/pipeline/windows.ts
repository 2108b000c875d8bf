// A huge article -> windows of bounded size cut at paragraph breaks (else sentence ends, else whitespace), so each
// window runs through the normal pipeline in O(window) memory. "…said.\n\nBeijing…" -> cut after "\n\n".
import type { Span } from '../model/types.js';

/** Articles longer than this (UTF-16 code units) are extracted window by window; shorter ones whole, as always. */
export const SEGMENT_ABOVE = 256 * 1024;
/** The most text one window holds. */
export const WINDOW_CHARS = 128 * 1024;

/** A blank line: the end of a paragraph. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/gu;
/** A sentence end with its closing quotes or brackets and the space after it. */
const SENTENCE_END = /[.!?…][”’"')\]]*\s+/gu;
const WHITESPACE = /\s+/gu;

/**
 * Cuts `text` into consecutive windows that cover it without gaps, each at most `size` long, ending at the last
 * paragraph break in the window's second half (else the last sentence end, else whitespace, else at `size`).
 * @example windowsOf('One.\n\nTwo.\n\nThree.', 8) // [{ start: 0, end: 6 }, { start: 6, end: 12 }, { start: 12, end: 18 }]
 */
export function windowsOf(text: string, size: number = WINDOW_CHARS): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= size) {
      out.push({ start, end: text.length });
      break;
    }
    const end = cutBefore(text, start + Math.ceil(size / 2), start + size);
    out.push({ start, end });
    start = end;
  }
  return out;
}

/** The best cut in [lo, hi]: after the last paragraph break, sentence end or whitespace run that ends there. */
function cutBefore(text: string, lo: number, hi: number): number {
  const region = text.slice(lo, hi);
  for (const re of [PARAGRAPH_BREAK, SENTENCE_END, WHITESPACE]) {
    const at = lastMatchEnd(re, region);
    if (at > 0) return lo + at;
  }
  // No space at all: cut at the limit, but never inside a surrogate pair.
  const code = text.charCodeAt(hi - 1);
  return code >= 0xd800 && code <= 0xdbff ? hi - 1 : hi;
}

/** End of the last match of a global regex in `s` (0 when none). */
function lastMatchEnd(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let end = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) end = m.index + m[0].length;
  return end;
}
