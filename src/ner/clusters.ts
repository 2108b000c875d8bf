// Word clusters for the NER tagger: "Huawei" and "Siemens" share a bit-string path ("0110…") learned from plain text.

import { normalizeToken } from './features.js';

/** Lengths of the cluster-path prefixes used as features (Ratinov & Roth 2009). */
export const CLUSTER_PREFIXES = [4, 6, 10, 20] as const;

/** Word -> bit-string path in a binary cluster tree, as stored in a model file ("word path" lines). */
export class WordClusters {
  private readonly paths = new Map<string, string>();

  constructor(readonly data: string) {
    for (const line of data.split('\n')) {
      const sp = line.lastIndexOf(' ');
      if (sp > 0) this.paths.set(line.slice(0, sp), line.slice(sp + 1));
    }
  }

  get size(): number {
    return this.paths.size;
  }

  /**
   * The path of a (normalised) word: the word as written, else its dotted or undotted acronym form
   * ("US" <-> "U.S."), else its lower-case form, else its title-case form; '' when unknown.
   * @example new WordClusters('U.S. 0110').path('US') // '0110'
   */
  path(word: string): string {
    const p = this.paths.get(word);
    if (p !== undefined) return p;
    const alt = acronymVariant(word);
    if (alt) {
      const a = this.paths.get(alt);
      if (a !== undefined) return a;
    }
    const lower = word.toLowerCase();
    const l = this.paths.get(lower);
    if (l !== undefined) return l;
    const title = lower.charAt(0).toUpperCase() + lower.slice(1);
    return this.paths.get(title) ?? '';
  }
}

/** "US" -> "U.S.", "U.S." -> "US"; null for anything that is not a short acronym. */
export function acronymVariant(word: string): string | null {
  if (/^[A-Z]{2,4}$/.test(word)) return word.split('').join('.') + '.';
  if (/^(?:[A-Z]\.){2,4}$/.test(word)) return word.replace(/\./g, '');
  return null;
}

/** CoNLL-like tokens of plain text, one array per line-ish sentence: "Huawei's chief" -> ["Huawei", "'s", "chief"]. */
export function tokenizePlain(text: string): string[][] {
  const out: string[][] = [];
  const W = String.raw`[\p{L}\p{N}]+(?:(?:[-.&]|['’](?!(?:s|re|ve|ll|d|m|t)\b))[\p{L}\p{N}]+)*`;
  const TOKEN = new RegExp(
    String.raw`(?:[A-Z]\.){2,}|\p{L}+(?=n['’]t\b)|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b|\b(?:Mr|Mrs|Ms|Dr|Inc|Corp|Co|Ltd|Jr|Sr|St|Gen|Sen|Rep|Gov|No)\.|${W}|[^\s\p{L}\p{N}]`,
    'gu',
  );
  for (const para of text.split(/\n+/)) {
    let sent: string[] = [];
    for (const m of para.matchAll(TOKEN)) {
      const t = normalizeToken(m[0]);
      sent.push(t);
      if ((t === '.' || t === '?' || t === '!') && sent.length > 0) {
        out.push(sent);
        sent = [];
      }
    }
    if (sent.length > 0) out.push(sent);
  }
  return out;
}

export interface ClusterOptions {
  /** Words seen fewer times than this are not clustered. */
  readonly minCount?: number;
  /** Context words (by frequency) that make up the vector dimensions. */
  readonly contextWords?: number;
  /** Depth of the cluster tree (longest path). */
  readonly depth?: number;
  /** Spherical k-means iterations per split. */
  readonly iterations?: number;
}

/** Members (by frequency) considered as the second seed of a split. */
const SEED_CANDIDATES = 100;



/**
 * Hierarchical word clusters by bisecting spherical k-means over PPMI-weighted context vectors (the
 * lower-cased words one and two to the left and right). Deterministic: no random initialisation.
 * Returns the "word path" lines that WordClusters reads.
 * @example clusterWords([['the', 'cat', 'sat'], ['the', 'dog', 'sat']], { minCount: 1 }) // 'cat 0…\ndog 0…\n…'
 */
export function clusterWords(sentences: readonly (readonly string[])[], opts: ClusterOptions = {}): string {
  const minCount = opts.minCount ?? 3;
  const nCtx = opts.contextWords ?? 2000;
  const depth = opts.depth ?? 20;
  const iterations = opts.iterations ?? 8;
  const norm = (t: string): string => t.toLowerCase().replace(/\d/g, '0');

  const wordCount = new Map<string, number>();
  const ctxCount = new Map<string, number>();
  for (const s of sentences) {
    for (const t of s) {
      wordCount.set(t, (wordCount.get(t) ?? 0) + 1);
      const c = norm(t);
      ctxCount.set(c, (ctxCount.get(c) ?? 0) + 1);
    }
  }
  const byFreq = <K extends string>(m: Map<K, number>): K[] => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const vocab = byFreq(wordCount).filter((w) => wordCount.get(w)! >= minCount);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const ctxWords = byFreq(ctxCount).slice(0, nCtx);
  const ctxIndex = new Map(ctxWords.map((w, i) => [w, i]));
  // Dimensions: 4 positions (-2, -1, +1, +2) × context words, plus the sentence boundaries.
  const OFFSETS = [-2, -1, 1, 2];
  const WEIGHT = [0.5, 1, 1, 0.5];
  const dim = OFFSETS.length * (nCtx + 1);
  const rows: Map<number, number>[] = vocab.map(() => new Map());
  const colTotal = new Float64Array(dim);
  let total = 0;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const wi = vocabIndex.get(s[i]!);
      if (wi === undefined) continue;
      OFFSETS.forEach((off, k) => {
        const j = i + off;
        const ci = j < 0 || j >= s.length ? nCtx : ctxIndex.get(norm(s[j]!));
        if (ci === undefined) return;
        const d = k * (nCtx + 1) + ci;
        const row = rows[wi]!;
        row.set(d, (row.get(d) ?? 0) + 1);
        colTotal[d]! += 1;
        total += 1;
      });
    }
  }
  // PPMI-weighted, L2-normalised sparse vectors.
  const idx: Int32Array[] = [];
  const val: Float64Array[] = [];
  rows.forEach((row, wi) => {
    const rowTotal = [...row.values()].reduce((a, b) => a + b, 0);
    const entries: [number, number][] = [];
    for (const [d, c] of row) {
      const pmi = Math.log((c * total) / (rowTotal * colTotal[d]!));
      if (pmi > 0) entries.push([d, pmi * WEIGHT[Math.floor(d / (nCtx + 1))]!]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    const norm2 = Math.sqrt(entries.reduce((a, [, v]) => a + v * v, 0)) || 1;
    idx[wi] = Int32Array.from(entries, ([d]) => d);
    val[wi] = Float64Array.from(entries, ([, v]) => v / norm2);
  });
  const dot = (wi: number, c: Float64Array): number => {
    const ix = idx[wi]!;
    const vx = val[wi]!;
    let s = 0;
    for (let k = 0; k < ix.length; k++) s += vx[k]! * c[ix[k]!]!;
    return s;
  };
  // Two reusable dense centroid buffers; only the touched dimensions are cleared and normalised.
  const bufs = [new Float64Array(dim), new Float64Array(dim)];
  const touched: number[][] = [[], []];
  const centroid = (members: readonly number[], which: 0 | 1): Float64Array => {
    const c = bufs[which]!;
    const tl = touched[which]!;
    for (const d of tl) c[d] = 0;
    tl.length = 0;
    for (const wi of members) {
      const ix = idx[wi]!;
      const vx = val[wi]!;
      for (let k = 0; k < ix.length; k++) {
        const d = ix[k]!;
        if (c[d] === 0) tl.push(d);
        c[d]! += vx[k]!;
      }
    }
    let n2 = 0;
    for (const d of tl) n2 += c[d]! * c[d]!;
    const n = Math.sqrt(n2) || 1;
    for (const d of tl) c[d]! /= n;
    return c;
  };
  const paths = new Array<string>(vocab.length).fill('');
  // Members are kept in frequency order (vocab ids ascend with rank), which makes every split deterministic.
  // Seeds: the most frequent member and, among the next most frequent (reliable vectors), the least like it.
  const split = (members: number[], path: string): void => {
    for (const wi of members) paths[wi] = path;
    if (members.length < 2 || path.length >= depth) return;
    let c0 = centroid([members[0]!], 0);
    let far = members[1]!;
    let farSim = Infinity;
    for (const wi of members.slice(1, SEED_CANDIDATES)) {
      const s = dot(wi, c0);
      if (s < farSim) [farSim, far] = [s, wi];
    }
    let c1 = centroid([far], 1);
    let a: number[] = [];
    let b: number[] = [];
    for (let it = 0; it < iterations; it++) {
      const na: number[] = [];
      const nb: number[] = [];
      for (const wi of members) (dot(wi, c0) >= dot(wi, c1) ? na : nb).push(wi);
      const same = na.length === a.length;
      a = na;
      b = nb;
      if (a.length === 0 || b.length === 0 || same) break;
      c0 = centroid(a, 0);
      c1 = centroid(b, 1);
    }
    if (a.length === 0 || b.length === 0) {
      const half = Math.ceil(members.length / 2);
      a = members.slice(0, half);
      b = members.slice(half);
    }
    split(a, path + '0');
    split(b, path + '1');
  };
  split(vocab.map((_, i) => i), '');
  return vocab.map((w, i) => `${w} ${paths[i]}`).join('\n');
}
