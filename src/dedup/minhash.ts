// MinHash over word shingles: a short signature per text whose agreement estimates the texts' Jaccard similarity.
// "Beijing (Reuters) - China on Monday accused …" reprinted with another byline -> ≈ 0.9 with the original.

/** Hash functions per signature: 128 gives a standard error of ≈ 0.035 at Jaccard 0.8. */
export const MINHASH_SIZE = 128;
/** Words per shingle: three keeps a reworded sentence from touching more than a few shingles around it. */
export const SHINGLE_WORDS = 3;
/** LSH bands × rows = MINHASH_SIZE; 32 × 4 makes a pair at Jaccard 0.7 a candidate with probability > 0.998. */
export const LSH_BANDS = 32;
const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
/** Version tag of the stored signature: a change to the parameters above must change it. */
const SIGNATURE_TAG = 'mh1';

// Words: letters and digits of any script, lower-cased; punctuation, quotes and spacing do not count.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * The set of word shingles of a text (lower-cased words, SHINGLE_WORDS at a time; a shorter text is one shingle).
 * @example shingles('The cat sat on the mat.') // Set { 'the cat sat', 'cat sat on', 'sat on the', 'on the mat' }
 */
export function shingles(text: string): Set<string> {
  const out = new Set<string>();
  forEachShingle(text, (s) => out.add(s));
  return out;
}

/** Characters lower-cased and matched at a time: a huge text is never copied or split into words whole. */
const CHUNK = 1 << 16;
/** Distinct shingles remembered while hashing (a few MB), so a repeated shingle is hashed once in a while, not every time. */
const SEEN_MAX = 1 << 17;

/**
 * Calls `visit` with every shingle of the text in order (repeats included), reading it a chunk at a time. Chunks end
 * at whitespace, where no word and no case mapping (final sigma) spans the cut, so the words are those of the whole.
 */
function forEachShingle(text: string, visit: (shingle: string) => void): void {
  const window: string[] = [];
  let count = 0;
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    while (to < text.length && !/\s/u.test(text[to - 1]!)) to += 1;
    const chunk = text.slice(from, to).toLowerCase();
    from = to;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(chunk); m !== null; m = WORD.exec(chunk)) {
      window.push(m[0].replace(/’/gu, "'"));
      if (window.length > SHINGLE_WORDS) window.shift();
      count += 1;
      if (window.length === SHINGLE_WORDS) visit(window.join(' '));
    }
  }
  if (count > 0 && count < SHINGLE_WORDS) visit(window.join(' '));
}

/**
 * The MinHash signature of a text: for each of MINHASH_SIZE hash functions, the least hash over its shingles.
 * Deterministic (fixed seeds, no randomness); an empty text gives all 0xffffffff. A minimum does not change when a
 * shingle repeats, so shingles are hashed as they stream by, with no set of all of them held (a huge article's would not fit).
 * @example minhash('a b c d').length // 128
 */
export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  // Shingles already hashed, up to a bound: a repeat cannot lower a minimum, so skipping it changes nothing.
  const seen = new Set<string>();
  forEachShingle(text, (s) => {
    if (seen.has(s)) return;
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.add(s);
    const h1 = fnv1a(s, 0x811c9dc5);
    const h2 = fnv1a(s, 0x01000193) | 1;
    // Double hashing (h1 + i·h2), each value scrambled by murmur3's finaliser: MINHASH_SIZE independent-looking hashes.
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = fmix32((h1 + Math.imul(i, h2)) >>> 0);
      if (v < sig[i]!) sig[i] = v;
    }
  });
  return sig;
}

/**
 * The estimated Jaccard similarity of the texts behind two signatures: the share of positions that agree.
 * @example estimateJaccard(minhash(text), minhash(text)) // 1
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * LSH band keys: texts whose signatures share a key are candidates to compare (`band:hex` strings).
 * @example bandKeys(minhash('a b c d')).length // 32
 */
export function bandKeys(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let k = `${b}:`;
    for (let r = 0; r < LSH_ROWS; r++) k += sig[b * LSH_ROWS + r]!.toString(16).padStart(8, '0');
    out.push(k);
  }
  return out;
}

/**
 * The signature as stored on the Article node: `mh1:` then MINHASH_SIZE × 8 hex digits.
 * @example encodeSignature(minhash('a b c')).startsWith('mh1:') // true
 */
export function encodeSignature(sig: Uint32Array): string {
  let s = `${SIGNATURE_TAG}:`;
  for (const v of sig) s += v.toString(16).padStart(8, '0');
  return s;
}

/**
 * Reads a stored signature back; undefined for null, another version or a malformed value (then recompute it).
 * @example decodeSignature(encodeSignature(sig)) // equal to sig
 */
export function decodeSignature(stored: unknown): Uint32Array | undefined {
  if (typeof stored !== 'string' || !stored.startsWith(`${SIGNATURE_TAG}:`)) return undefined;
  const hex = stored.slice(SIGNATURE_TAG.length + 1);
  if (hex.length !== MINHASH_SIZE * 8 || !/^[0-9a-f]+$/u.test(hex)) return undefined;
  const sig = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) sig[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return sig;
}

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
