// compromise adapter: sentences and CoNLL-like tokens with UTF-16 offsets into the untouched article text.
// "China’s U.S.-based unit (Huawei Technologies Ltd.)" -> China | ’s | U.S.-based | unit | ( | Huawei | Technologies | Ltd. | )
import nlp from 'compromise';
import type { Sentence, Token } from '../model/types.js';

export interface Tokenized {
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

interface CTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

const POSSESSIVE = /^(.+?)(['’]s|['’])$/u;
const ABBREVIATION_TAGS = new Set(['Abbreviation', 'Honorific']);
const COARSE_ORDER: readonly [string, string][] = [
  ['Value', 'Value'],
  ['Pronoun', 'Pronoun'],
  ['Determiner', 'Determiner'],
  ['Preposition', 'Preposition'],
  ['Conjunction', 'Conjunction'],
  ['Auxiliary', 'Verb'],
  ['Verb', 'Verb'],
  ['Adjective', 'Adjective'],
  ['Adverb', 'Adverb'],
  ['ProperNoun', 'ProperNoun'],
  ['Noun', 'Noun'],
];

/**
 * Maps compromise's tag set to one coarse part of speech.
 * @example coarsePos(['Noun', 'Singular', 'ProperNoun']) // 'ProperNoun'
 */
export function coarsePos(tags: readonly string[]): string {
  for (const [tag, pos] of COARSE_ORDER) if (tags.includes(tag)) return pos;
  return 'Other';
}

/**
 * Splits text into sentences and tokens. Offsets are half-open UTF-16 indices into `text`, and every
 * token's `text` equals `text.slice(start, end)`.
 * @example tokenize('Zhao said.').tokens.map((t) => t.text) // ['Zhao', 'said', '.']
 */
export function tokenize(text: string): Tokenized {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  if (text.trim() === '') return { sentences, tokens };
  for (const [from, to] of pieces(text)) {
    for (const s of parse(text.slice(from, to))) {
      const sentenceIndex = sentences.length;
      const tokenStart = tokens.length;
      const terms = mergeHyphenated(s, from, text);
      for (const term of terms) pushTerm(term, text, sentenceIndex, tokens);
      if (tokens.length === tokenStart) continue;
      const start = tokens[tokenStart]!.start;
      const end = tokens[tokens.length - 1]!.end;
      sentences.push({ start, end, text: text.slice(start, end), tokenStart, tokenEnd: tokens.length });
    }
  }
  return { sentences, tokens };
}

/** A term as compromise holds it after `compute('offset')`; `tags` is a Set in the order the tagger added them. */
interface RawTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
  offset: { start: number; length: number };
}

const WORLD = nlp.world() as { hooks: string[] };
/**
 * compromise's compute steps minus 'chunks': the chunker only sets `term.chunk` (noun/verb phrase), never a tag,
 * and nothing here reads chunks; it costs ~10% of a parse.
 */
const TAGGING_HOOKS = WORLD.hooks.filter((h) => h !== 'chunks');

/**
 * Tags one piece of text and returns its sentences' terms with offsets into the piece. Reads the terms in place
 * (what `.json({ offset: true, terms: { offset: true } })` copies) with the same text, pre, post, tag order and offset.
 */
function parse(piece: string): RawTerm[][] {
  const all = WORLD.hooks;
  WORLD.hooks = TAGGING_HOOKS; // nlp() runs world.hooks; put the full list back even if it throws
  let doc;
  try {
    doc = nlp(piece);
  } finally {
    WORLD.hooks = all;
  }
  doc.compute('offset');
  return doc.docs as unknown as RawTerm[][];
}

/** Longest text handed to compromise at once: its tagger slows down quadratically past ~2,000 words in one sentence. */
export const MAX_PIECE_CHARS = 10_000;
const PARAGRAPH_BREAK = /\n[ \t]*\n/gu;
const SENTENCE_END = /[.!?]["'”’)\]]*\s/gu;

/**
 * Cuts text into pieces of at most MAX_PIECE_CHARS for compromise: at the last paragraph break, else the last
 * sentence end, else the last space in the second half of the window. Texts up to the limit are one piece, so
 * ordinary articles tokenize exactly as before; a 10,000-word sentence becomes several sentences in linear time.
 * @example pieces('a'.repeat(10)) // [[0, 10]]
 */
export function pieces(text: string, max = MAX_PIECE_CHARS): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (text.length - from > max) {
    const window = text.slice(from, from + max);
    const half = Math.floor(max / 2);
    let cut = lastMatchEnd(window, PARAGRAPH_BREAK, half) ?? lastMatchEnd(window, SENTENCE_END, half) ?? lastSpace(window, half) ?? max;
    // Never split a surrogate pair.
    if (/[\uD800-\uDBFF]/u.test(text[from + cut - 1] ?? '')) cut -= 1;
    out.push([from, from + cut]);
    from += cut;
  }
  out.push([from, text.length]);
  return out;
}

function lastMatchEnd(window: string, re: RegExp, min: number): number | undefined {
  let last: number | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) if (m.index + m[0].length >= min) last = m.index + m[0].length;
  return last;
}

function lastSpace(window: string, min: number): number | undefined {
  const i = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'), window.lastIndexOf('\t'));
  return i >= min ? i + 1 : undefined;
}

/** Rejoins "Jean-Luc" or "co-founder", which compromise splits, into one token as CoNLL has them. Offsets move by `from`. */
function mergeHyphenated(terms: readonly RawTerm[], from: number, text: string): CTerm[] {
  const out: CTerm[] = [];
  for (const t of terms) {
    if (t.offset.length === 0) continue; // contraction expansions ("didn't" -> did + not) have no text
    const term: CTerm = { text: t.text, pre: t.pre, post: t.post, tags: Array.from(t.tags), offset: { start: t.offset.start + from, length: t.offset.length } };
    const prev = out[out.length - 1];
    if (prev && HYPHEN.test(prev.post) && term.pre === '') {
      const start = prev.offset.start;
      const end = term.offset.start + term.offset.length;
      out[out.length - 1] = {
        text: text.slice(start, end),
        pre: prev.pre,
        post: term.post,
        tags: [...new Set([...prev.tags, ...term.tags])],
        offset: { start, length: end - start },
      };
      continue;
    }
    out.push(term);
  }
  return out;
}
const HYPHEN = /^[-‐–]$/u;

function pushTerm(term: CTerm, text: string, sentence: number, tokens: Token[]): void {
  let start = term.offset.start;
  let end = start + term.offset.length;
  // Leading punctuation, one token per mark ("“", "(").
  const pre = term.pre;
  let p = start - pre.length;
  if (p >= 0 && text.slice(p, start) === pre) pushMarks(pre, p, text, sentence, term.tags, tokens);
  let post = term.post;
  // "Ltd." keeps its period as CoNLL does; the sentence's full stop after it is then not a token of its own.
  if (term.tags.some((t) => ABBREVIATION_TAGS.has(t)) && post.startsWith('.') && !term.text.endsWith('.')) {
    end += 1;
    post = post.slice(1);
  }
  const surface = text.slice(start, end);
  const poss = POSSESSIVE.exec(surface);
  if (poss && poss[1]!.length > 0 && /\p{L}/u.test(poss[1]!) && (poss[2]!.length === 2 || /s$/iu.test(poss[1]!))) {
    const cut = start + poss[1]!.length;
    tokens.push(makeToken(text, start, cut, sentence, term.tags));
    tokens.push(makeToken(text, cut, end, sentence, ['Possessive']));
  } else {
    tokens.push(makeToken(text, start, end, sentence, term.tags));
  }
  const q = end;
  if (text.slice(q, q + post.length) === post) pushMarks(post, q, text, sentence, term.tags, tokens);
  void p;
}

function pushMarks(marks: string, at: number, text: string, sentence: number, tags: readonly string[], tokens: Token[]): void {
  let i = 0;
  while (i < marks.length) {
    const ch = marks[i]!;
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    if (ch === '.' || ch === '-') while (j < marks.length && marks[j] === ch) j += 1;
    // Keep surrogate pairs whole.
    if (j === i + 1 && /[\uD800-\uDBFF]/u.test(ch) && j < marks.length) j += 1;
    tokens.push(makeToken(text, at + i, at + j, sentence, ['Punctuation']));
    i = j;
  }
  void tags;
}

function makeToken(text: string, start: number, end: number, sentence: number, tags: readonly string[]): Token {
  const surface = text.slice(start, end);
  const pos = tags.includes('Punctuation') ? 'Punctuation' : tags.includes('Possessive') && /^['’]s?$/u.test(surface) ? 'Possessive' : coarsePos(tags);
  return { start, end, text: surface, pos, tags, sentence };
}
