// Feature extraction for the NER tagger: "Huawei Technologies Ltd." -> w=Huawei, s=Xx, gz+2=CORPSUF:U, ...

import { Gazetteer, isCapitalised } from './gazetteer.js';
import type { WordClusters } from './clusters.js';

/** A token as the tagger reads it; `pos` is compromise's coarse tag when the caller has one. */
export interface FeatToken {
  readonly text: string;
  readonly pos?: string;
}

const QUOTES: Record<string, string> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '``': '"', "''": '"',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2032': "'",
  '\u2013': '--', '\u2014': '--', '\u2015': '--',
};

/** "didn't", "they’re": contractions that CoNLL splits ("did n't") but a tokenizer may keep whole. */
const CONTRACTION = /^[A-Za-z]+(n't|'re|'ve|'ll|'d|'m)$/;

/**
 * Straightens curly quotes and dashes so that "’s" and "'s", "“" and '"' are one word to the model, and
 * reduces a whole contraction to its clitic as CoNLL tokenises it ("won’t" -> "n't").
 */
export function normalizeToken(text: string): string {
  const q = QUOTES[text];
  if (q !== undefined) return q;
  let t = text;
  if (t.length > 1 && /[\u2018\u2019\u201c\u201d]/.test(t)) {
    t = t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  }
  const c = CONTRACTION.exec(t);
  return c ? c[1]!.toLowerCase() : t;
}

/** Word shape with runs collapsed: "Huawei" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d". */
export function shape(text: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else {
      const ch = text[i]!;
      if (ch !== ch.toLowerCase()) k = 'X';
      else if (ch !== ch.toUpperCase()) k = 'x';
      else k = ch;
    }
    if (k !== prev) out += k;
    prev = k;
  }
  return out;
}

const DIGITS = /\d/g;

/** Precomputed per-token views of one sentence. */
interface SentView {
  readonly norm: string[];
  readonly lower: string[];
  readonly shapes: string[];
  readonly upperSentence: boolean;
}

function viewSentence(tokens: readonly FeatToken[]): SentView {
  const norm = tokens.map((t) => normalizeToken(t.text));
  const lower = norm.map((t) => t.toLowerCase().replace(DIGITS, '0'));
  const shapes = norm.map(shape);
  let letters = 0;
  let upper = 0;
  for (const t of norm) {
    if (!/[A-Za-z]/.test(t)) continue;
    letters++;
    if (t === t.toUpperCase()) upper++;
  }
  return { norm, lower, shapes, upperSentence: letters >= 2 && upper / letters > 0.8 };
}

/** Words of one document seen in lower case, and seen capitalised mid-sentence in mixed-case text. */
interface DocView {
  readonly sentences: SentView[];
  readonly seenLower: Set<string>;
  readonly seenTitle: Set<string>;
}

function viewDocument(doc: readonly (readonly FeatToken[])[]): DocView {
  const sentences = doc.map(viewSentence);
  const seenLower = new Set<string>();
  const seenTitle = new Set<string>();
  for (const s of sentences) {
    for (let i = 0; i < s.norm.length; i++) {
      const w = s.norm[i]!;
      if (!isCapitalised(w)) seenLower.add(s.lower[i]!);
      else if (i > 0 && !s.upperSentence && w !== w.toUpperCase()) seenTitle.add(s.lower[i]!);
    }
  }
  return { sentences, seenLower, seenTitle };
}

const PAD = ['<S>', '<S2>'];
const PADE = ['</S>', '</S2>'];

/** "U.S." and "US" -> "us": one key for a short acronym written with or without dots. */
const ACRONYM = /^(?:[A-Z]{2,4}|(?:[A-Z]\.){2,4})$/;

/** Cluster-path prefix lengths used for the word itself (Ratinov & Roth 2009). */
const PREFIXES = [4, 6, 10, 20];

/**
 * Features of a word on its own: the word, its lower-case form, shape, prefixes, suffixes, hyphen parts,
 * the acronym key and the prefixes of its word-cluster path `bits` ('' when unknown).
 */
export function wordFeatures(norm: string, lower: string, shp: string, bits = ''): string[] {
  const f: string[] = ['b', 'w=' + norm, 'l=' + lower, 's=' + shp];
  if (ACRONYM.test(norm)) f.push('ak=' + lower.replace(/\./g, ''));
  if (bits) for (const k of PREFIXES) f.push('c' + k + '=' + bits.slice(0, k));
  else f.push('c=?');
  const len = lower.length;
  for (let k = 1; k <= 4 && k < len; k++) f.push('p' + k + '=' + lower.slice(0, k), 'x' + k + '=' + lower.slice(len - k));
  if (norm.includes('-') && len > 2) {
    for (const part of lower.split('-')) if (part.length > 1) f.push('hp=' + part);
  }
  return f;
}

/**
 * Features a word lends to its neighbours, by role: ROLE_FEATURES[k] is what the token at offset
 * ROLE_OFFSETS[k] sees ("l-1=the" for the token after "the").
 */
export const ROLE_OFFSETS = [-1, 1, -2, 2, -1, 1, -2, 2, -1, 1, -1, 1] as const;
export function roleFeatures(lower: string, shp: string, bits = ''): string[] {
  const b = bits || lower;
  return [
    'l-1=' + lower, 'l+1=' + lower, 'l-2=' + lower, 'l+2=' + lower, 's-1=' + shp, 's+1=' + shp, 's-2=' + shp, 's+2=' + shp,
    'c4-1=' + b.slice(0, 4), 'c4+1=' + b.slice(0, 4), 'c10-1=' + b.slice(0, 10), 'c10+1=' + b.slice(0, 10),
  ];
}
/** The padding word at index j of a sentence of n tokens (j < 0 or j >= n): '<S>', '<S2>', '</S>', '</S2>'. */
export function padWord(j: number, n: number): string {
  return j < 0 ? PAD[-j - 1]! : PADE[j - n]!;
}

/** One sentence split into the word-level views and the per-token context features (bigrams, gazetteer, ...). */
export interface SentenceParts {
  readonly norm: string[];
  readonly lower: string[];
  readonly shapes: string[];
  readonly upperSentence: boolean;
  /** Per token, its word-cluster path ('' when unknown or without clusters). */
  readonly bits: string[];
  /** Per token, the features that depend on more than one word (or on the document). */
  readonly context: string[][];
}

/** Splits a document into SentenceParts; localFeatures and the tagger's word cache both build on it. */
export function documentParts(doc: readonly (readonly FeatToken[])[], gaz: Gazetteer, usePos = true, clusters?: WordClusters): SentenceParts[] {
  const dv = viewDocument(doc);
  return doc.map((tokens, si) => {
    const sv = dv.sentences[si]!;
    const bits = sv.norm.map((w) => (clusters ? clusters.path(w) : ''));
    return { norm: sv.norm, lower: sv.lower, shapes: sv.shapes, upperSentence: sv.upperSentence, bits, context: contextFeatures(tokens, sv, dv, gaz, usePos) };
  });
}

/**
 * Local features of every token of a document (everything except features from first-pass tags).
 * @example localFeatures([[{ text: 'Huawei' }, { text: 'said' }]], gaz)[0][0] // ['b', 'w=Huawei', ...]
 */
export function localFeatures(doc: readonly (readonly FeatToken[])[], gaz: Gazetteer, usePos = true, clusters?: WordClusters): string[][][] {
  return documentParts(doc, gaz, usePos, clusters).map((sp) => {
    const n = sp.norm.length;
    return sp.context.map((ctx, i) => {
      const f = wordFeatures(sp.norm[i]!, sp.lower[i]!, sp.shapes[i]!, sp.bits[i]!);
      if (sp.upperSentence) f.push('ul=' + sp.lower[i]!);
      ROLE_OFFSETS.forEach((off, k) => {
        const j = i + off;
        const role = j < 0 || j >= n ? roleFeatures(padWord(j, n), padWord(j, n)) : roleFeatures(sp.lower[j]!, sp.shapes[j]!, sp.bits[j]!);
        f.push(role[k]!);
      });
      for (const c of ctx) f.push(c);
      return f;
    });
  });
}

function contextFeatures(tokens: readonly FeatToken[], sv: SentView, dv: DocView, gaz: Gazetteer, usePos: boolean): string[][] {
  const n = tokens.length;
  const { norm, lower, shapes } = sv;
  const gz = gaz.match(norm, lower);
  const lw = (i: number): string => (i < 0 ? PAD[-i - 1]! : i >= n ? PADE[i - n]! : lower[i]!);
  const sh = (i: number): string => (i < 0 ? PAD[-i - 1]! : i >= n ? PADE[i - n]! : shapes[i]!);
  // A model trained without POS sees '?' for every token, whatever the caller passes.
  const ps = (i: number): string => (i < 0 || i >= n ? '-' : usePos ? tokens[i]!.pos ?? '?' : '?');
  const uc = sv.upperSentence ? 'u' : 'm';
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = norm[i]!;
    const l = lower[i]!;
    const s = shapes[i]!;
    const pos = i === 0 ? 'f' : 'n';
    const f: string[] = [
      'p=' + ps(i), 'ps=' + pos + uc + s,
      'll=' + lw(i - 1) + '|' + l, 'lr=' + l + '|' + lw(i + 1),
      'sss=' + sh(i - 1) + '|' + s + '|' + sh(i + 1),
      'p-1=' + ps(i - 1), 'p+1=' + ps(i + 1),
    ];
    if (isCapitalised(w)) {
      if (dv.seenLower.has(l)) f.push('dlc' + pos + uc);
      if (dv.seenTitle.has(l)) f.push('dtc' + pos + uc);
    }
    for (const g of gz[i]!) f.push(g);
    if (i > 0) for (const g of gz[i - 1]!) f.push('-1' + g);
    if (i + 1 < n) for (const g of gz[i + 1]!) f.push('+1' + g);
    if (i + 2 < n) for (const g of gz[i + 2]!) if (g.startsWith('gz=CORPSUF')) f.push('+2' + g);
    out.push(f);
  }
  return out;
}

/** The topic word of a Reuters-style headline ("SOCCER - ROTOR FANS LOCKED OUT" -> "soccer"), or null. */
function docTopic(doc: readonly (readonly FeatToken[])[]): string | null {
  const head = doc[0];
  if (!head || head.length < 3) return null;
  const first = normalizeToken(head[0]!.text);
  const dash = normalizeToken(head[1]!.text);
  return /^[A-Z]{3,}$/.test(first) && (dash === '-' || dash === '--') ? first.toLowerCase() : null;
}

/** A first-pass entity span: sentence, token range, class. */
interface SpanRef {
  readonly si: number;
  readonly start: number;
  readonly end: number;
  readonly cls: string;
}

/** Entity class of a BIO tag: 'B-PER' -> 'PER', 'O' -> 'O'. */
function cls(tag: string): string {
  return tag === 'O' ? 'O' : tag.slice(2);
}

/**
 * Non-local features from first-pass tags: the majority class that the same capitalised word got
 * elsewhere in the document ("Huawei" later in a story keeps the ORG of "Huawei Technologies Ltd."),
 * and the first-pass tags of the token and its neighbours.
 * @example docFeatures(doc, firstPass)[0][0] // ['dm=ORG', 'dmp=ORG:B', 't0=B-ORG', ...]
 */
export function docFeatures(doc: readonly (readonly FeatToken[])[], firstPass: readonly (readonly string[])[]): string[][][] {
  const { own, shared } = docFeatureParts(doc, firstPass);
  return own.map((s, si) => s.map((f, i) => (shared[si]![i] ? [...f, ...shared[si]![i]!] : f)));
}

/**
 * docFeatures in two parts: each token's own features, and the context-aggregation features of its word
 * type, one array object per word type (so a tagger can look its ids up once per document).
 */
export function docFeatureParts(
  doc: readonly (readonly FeatToken[])[],
  firstPass: readonly (readonly string[])[],
): { own: string[][][]; shared: (readonly string[] | null)[][] } {
  const counts = new Map<string, Map<string, number>>();
  const keys: (string | null)[][] = doc.map((tokens) =>
    tokens.map((t) => {
      const w = normalizeToken(t.text);
      return isCapitalised(w) && /[A-Za-z]/.test(w) ? w.toLowerCase() : null;
    }),
  );
  const add = (key: string, label: string, d: number): void => {
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(label, (m.get(label) ?? 0) + d);
  };
  // Context aggregation: the words next to each capitalised word type anywhere in the document.
  const contexts = new Map<string, Set<string>>();
  const contextLists = new Map<string, readonly string[]>();
  doc.forEach((tokens, si) =>
    tokens.forEach((_, i) => {
      const key = keys[si]![i];
      if (!key) return;
      add(key, firstPass[si]![i]!, 1);
      let set = contexts.get(key);
      if (!set) contexts.set(key, (set = new Set()));
      if (set.size >= 16) return;
      set.add('ca-1=' + (i > 0 ? normalizeToken(tokens[i - 1]!.text).toLowerCase() : '<S>'));
      set.add('ca+1=' + (i + 1 < tokens.length ? normalizeToken(tokens[i + 1]!.text).toLowerCase() : '</S>'));
    }),
  );
  for (const [key, set] of contexts) contextLists.set(key, [...set]);
  // The two longest first-pass entity spans each capitalised word type takes part in ("Huawei" in
  // "Huawei Technologies Ltd."), so a short later mention can borrow the class of the long one.
  const spans = new Map<string, SpanRef[]>();
  doc.forEach((tokens, si) => {
    const tags = firstPass[si]!;
    for (let i = 0; i < tokens.length; i++) {
      if (!tags[i]!.startsWith('B-')) continue;
      let e = i + 1;
      while (e < tokens.length && tags[e] === 'I-' + tags[i]!.slice(2)) e++;
      const ref: SpanRef = { si, start: i, end: e, cls: tags[i]!.slice(2) };
      for (let k = i; k < e; k++) {
        const key = keys[si]![k];
        if (!key) continue;
        const list = spans.get(key) ?? [];
        if (list.some((r) => r.si === si && r.start === i)) continue;
        list.push(ref);
        list.sort((a, b) => b.end - b.start - (a.end - a.start));
        if (list.length > 2) list.length = 2;
        spans.set(key, list);
      }
      i = e - 1;
    }
  });
  const topic = docTopic(doc);
  const shared = keys.map((ks) => ks.map((k) => (k ? contextLists.get(k)! : null)));
  const own = doc.map((tokens, si) => {
    const tags = firstPass[si]!;
    const n = tokens.length;
    return tokens.map((_, i) => {
      const t = tags[i]!;
      const f = [
        't0=' + t,
        't-1=' + (i > 0 ? tags[i - 1] : '<S>'),
        't+1=' + (i + 1 < n ? tags[i + 1] : '</S>'),
        'tt=' + (i > 0 ? tags[i - 1] : '<S>') + '|' + t + '|' + (i + 1 < n ? tags[i + 1] : '</S>'),
      ];
      const key = keys[si]![i];
      if (topic) f.push('tpc=' + topic + '|' + cls(t));
      if (key) {
        if (topic) f.push('tpk=' + topic);
        const m = counts.get(key)!;
        let best = '';
        let bestN = 0;
        let bestCls = '';
        let bestClsN = 0;
        let others = 0;
        const byCls = new Map<string, number>();
        for (const [label, c0] of m) {
          const c = label === t ? c0 - 1 : c0;
          if (c <= 0) continue;
          others += c;
          if (c > bestN) [best, bestN] = [label, c];
          const k = cls(label);
          const cc = (byCls.get(k) ?? 0) + c;
          byCls.set(k, cc);
          if (cc > bestClsN) [bestCls, bestClsN] = [k, cc];
        }
        if (others > 0) {
          f.push('dm=' + bestCls, 'dmp=' + best, 'dmt=' + bestCls + '|' + cls(t));
          const ents = others - (byCls.get('O') ?? 0);
          if (ents > 0 && bestCls === 'O') {
            let ec = '';
            let en = 0;
            for (const [k, c] of byCls) if (k !== 'O' && c > en) [ec, en] = [k, c];
            f.push('de=' + ec);
          }
        } else f.push('dm=none');
        const other = spans.get(key)?.find((r) => !(r.si === si && r.start <= i && i < r.end));
        if (other) {
          const len = other.end - other.start;
          const first = keys[other.si]![other.start] === key;
          f.push('dsp=' + other.cls + (len > 1 ? (first ? ':B' : ':I') : ':U'), 'dspt=' + other.cls + '|' + cls(t) + '|' + Math.min(len, 3));
        }
      }
      return f;
    });
  });
  return { own, shared };
}
