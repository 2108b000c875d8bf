// The two-pass linear tagger: features -> emission scores -> Viterbi over BIO tags, then again with doc features.

import { gunzipSync, gzipSync } from 'node:zlib';
import { docFeatureParts, documentParts, padWord, ROLE_OFFSETS, roleFeatures, wordFeatures, type FeatToken } from './features.js';
import { InputError } from '../errors.js';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import { WordClusters } from './clusters.js';

/** The tag set, in the order of weight columns. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const NTAGS = TAGS.length;
/** Row of the transition matrix used for "before the first token". */
export const START = NTAGS;

/** ALLOWED[prev * NTAGS + cur]: I-X may only follow B-X or I-X. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NTAGS + 1) * NTAGS);
  for (let p = 0; p <= NTAGS; p++) {
    for (let c = 0; c < NTAGS; c++) {
      const cur = TAGS[c]!;
      const prev = p === NTAGS ? 'O' : TAGS[p]!;
      a[p * NTAGS + c] = !cur.startsWith('I-') || (prev !== 'O' && prev.slice(2) === cur.slice(2)) ? 1 : 0;
    }
  }
  return a;
})();

/** Weights of one pass: `w[f * NTAGS + y]` per feature id and tag, `trans[(prev) * NTAGS + cur]`. */
export interface PassWeights {
  readonly w: Float32Array | Float64Array;
  readonly trans: Float32Array | Float64Array;
}

/**
 * Best tag sequence under emission scores `em` (n × NTAGS) and transitions, honouring ALLOWED.
 * @example viterbi(em, trans, 3) // Int32Array of 3 tag indices
 */
export function viterbi(em: ArrayLike<number>, trans: ArrayLike<number>, n: number): Int32Array {
  const out = new Int32Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * NTAGS);
  const back = new Int32Array(n * NTAGS);
  for (let y = 0; y < NTAGS; y++) {
    score[y] = ALLOWED[START * NTAGS + y] ? em[y]! + trans[START * NTAGS + y]! : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    const base = t * NTAGS;
    const prevBase = base - NTAGS;
    for (let y = 0; y < NTAGS; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < NTAGS; p++) {
        if (!ALLOWED[p * NTAGS + y]) continue;
        const s = score[prevBase + p]! + trans[p * NTAGS + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[base + y] = best + em[base + y]!;
      back[base + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * NTAGS;
  for (let y = 0; y < NTAGS; y++) {
    if (score[last + y]! > best) {
      best = score[last + y]!;
      arg = y;
    }
  }
  out[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) out[t - 1] = back[t * NTAGS + out[t]!]!;
  return out;
}

/** Adds the weight rows of feature ids `feats[t]` into `em` for each token t. */
export function emissions(w: ArrayLike<number>, feats: readonly Int32Array[], em: Float64Array = new Float64Array(feats.length * NTAGS)): Float64Array {
  for (let t = 0; t < feats.length; t++) {
    const ids = feats[t]!;
    const base = t * NTAGS;
    for (let k = 0; k < ids.length; k++) {
      const off = ids[k]! * NTAGS;
      for (let y = 0; y < NTAGS; y++) em[base + y]! += w[off + y]!;
    }
  }
  return em;
}

/** Feature strings -> ids; unknown features are dropped. */
export function featureIds(index: ReadonlyMap<string, number>, feats: readonly string[]): Int32Array {
  const ids: number[] = [];
  for (const f of feats) {
    const id = index.get(f);
    if (id !== undefined) ids.push(id);
  }
  return Int32Array.from(ids);
}

/** The file form of a trained model (gzip of this JSON). */
export interface NerModelFile {
  readonly format: 'newsgraph-ner/1';
  readonly tags: readonly string[];
  readonly features: string; // feature strings joined by '\n'
  readonly pass1: SerializedWeights;
  readonly pass2: SerializedWeights;
  readonly gazetteer: GazetteerData;
  /** Word-cluster paths, "word path" lines (absent in models trained without clusters). */
  readonly clusters?: string;
  readonly info: Record<string, unknown>;
}

interface SerializedWeights {
  readonly scale: number;
  readonly w: string; // base64 of Int16Array, quantized by scale
  readonly trans: number[];
}

/** Feature ids of one word: its own features, its "ul=" feature and what it lends to neighbours by role. */
interface WordIds {
  readonly self: Int32Array;
  readonly ul: number;
  readonly roles: Int32Array;
}

const EMPTY = new Int32Array(0);

/** Words cached per tagger; cleared when it grows past this. */
const WORD_CACHE_MAX = 200_000;

/** A loaded two-pass tagger. */
export class TwoPassTagger {
  private readonly words = new Map<string, WordIds>();
  private readonly pads = new Map<string, Int32Array>();

  constructor(
    readonly index: ReadonlyMap<string, number>,
    readonly pass1: PassWeights,
    readonly pass2: PassWeights,
    readonly gazetteer: Gazetteer,
    /** Whether the model was trained with part-of-speech features (else token.pos is ignored). */
    readonly usePos = false,
    /** Word clusters the model was trained with, if any. */
    readonly clusters?: WordClusters,
  ) {}

  /** BIO tags for every token of one document; the second pass sees the first pass's tags. */
  tagDocument(doc: readonly (readonly FeatToken[])[]): string[][] {
    const local = this.localIds(doc);
    const first = local.map((feats) => tagIndices(this.pass1, feats));
    const firstTags = first.map((ys) => Array.from(ys, (y) => TAGS[y]!));
    const { own, shared } = docFeatureParts(doc, firstTags);
    const sharedIds = new Map<readonly string[], Int32Array>();
    return local.map((feats, si) => {
      const em = emissions(this.pass2.w, feats);
      emissions(this.pass2.w, own[si]!.map((f) => featureIds(this.index, f)), em);
      const sharedOf = shared[si]!.map((list) => {
        if (!list) return EMPTY;
        let ids = sharedIds.get(list);
        if (!ids) sharedIds.set(list, (ids = featureIds(this.index, list)));
        return ids;
      });
      emissions(this.pass2.w, sharedOf, em);
      return Array.from(viterbi(em, this.pass2.trans, feats.length), (y) => TAGS[y]!);
    });
  }

  /** First-pass tags only (local features). */
  tagFirstPass(doc: readonly (readonly FeatToken[])[]): string[][] {
    return this.localIds(doc).map((feats) => Array.from(tagIndices(this.pass1, feats), (y) => TAGS[y]!));
  }

  /** Forgets the per-word feature ids (for timing a cold tagger). */
  clearCache(): void {
    this.words.clear();
  }

  /** The ids of localFeatures(doc), built from cached per-word ids plus the context features. */
  localIds(doc: readonly (readonly FeatToken[])[]): Int32Array[][] {
    return documentParts(doc, this.gazetteer, this.usePos, this.clusters).map((sp) => {
      const n = sp.norm.length;
      const entries = sp.norm.map((w, i) => this.wordIds(w, sp.lower[i]!, sp.shapes[i]!, sp.bits[i]!));
      const ids: number[] = [];
      return sp.context.map((ctx, i) => {
        ids.length = 0;
        const e = entries[i]!;
        for (const id of e.self) ids.push(id);
        if (sp.upperSentence && e.ul >= 0) ids.push(e.ul);
        for (let k = 0; k < ROLE_OFFSETS.length; k++) {
          const j = i + ROLE_OFFSETS[k]!;
          const id = j < 0 || j >= n ? this.padIds(padWord(j, n))[k]! : entries[j]!.roles[k]!;
          if (id >= 0) ids.push(id);
        }
        for (const f of ctx) {
          const id = this.index.get(f);
          if (id !== undefined) ids.push(id);
        }
        return Int32Array.from(ids);
      });
    });
  }

  private wordIds(norm: string, lower: string, shp: string, bits: string): WordIds {
    let e = this.words.get(norm);
    if (e) return e;
    e = {
      self: featureIds(this.index, wordFeatures(norm, lower, shp, bits)),
      ul: this.index.get('ul=' + lower) ?? -1,
      roles: Int32Array.from(roleFeatures(lower, shp, bits), (f) => this.index.get(f) ?? -1),
    };
    if (this.words.size >= WORD_CACHE_MAX) this.words.clear();
    this.words.set(norm, e);
    return e;
  }

  private padIds(pad: string): Int32Array {
    let ids = this.pads.get(pad);
    if (!ids) this.pads.set(pad, (ids = Int32Array.from(roleFeatures(pad, pad), (f) => this.index.get(f) ?? -1)));
    return ids;
  }
}

function tagIndices(p: PassWeights, feats: readonly Int32Array[]): Int32Array {
  return viterbi(emissions(p.w, feats), p.trans, feats.length);
}

function quantize(w: ArrayLike<number>, keep: Int32Array): SerializedWeights & { trans: number[] } {
  let max = 0;
  for (const id of keep) for (let y = 0; y < NTAGS; y++) max = Math.max(max, Math.abs(w[id * NTAGS + y]!));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(keep.length * NTAGS);
  keep.forEach((id, k) => {
    for (let y = 0; y < NTAGS; y++) q[k * NTAGS + y] = Math.round(w[id * NTAGS + y]! / scale);
  });
  return { scale, w: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64'), trans: [] };
}

/**
 * Serialises a model, keeping only features whose largest weight reaches `minWeight` in either pass.
 * @example writeModelFile(strings, p1, p2, gazData, {}) // Buffer (gzip)
 */
export function serializeModel(
  features: readonly string[],
  pass1: PassWeights,
  pass2: PassWeights,
  gazetteer: GazetteerData,
  info: Record<string, unknown>,
  minWeight = 0.01,
  clusters?: string,
): Buffer {
  const keep: number[] = [];
  for (let id = 0; id < features.length; id++) {
    let m = 0;
    for (let y = 0; y < NTAGS; y++) {
      m = Math.max(m, Math.abs(pass1.w[id * NTAGS + y]!), Math.abs(pass2.w[id * NTAGS + y]!));
    }
    if (m >= minWeight) keep.push(id);
  }
  const keepIds = Int32Array.from(keep);
  const s1 = quantize(pass1.w, keepIds);
  const s2 = quantize(pass2.w, keepIds);
  const file: NerModelFile = {
    format: 'newsgraph-ner/1',
    tags: [...TAGS],
    features: keep.map((id) => features[id]!).join('\n'),
    pass1: { ...s1, trans: Array.from(pass1.trans) },
    pass2: { ...s2, trans: Array.from(pass2.trans) },
    gazetteer,
    ...(clusters ? { clusters } : {}),
    info: { ...info, features: keep.length },
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

function dequantize(s: SerializedWeights): PassWeights {
  const buf = Buffer.from(s.w, 'base64');
  const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * s.scale;
  return { w, trans: Float64Array.from(s.trans) };
}

/** Reads a gzip'd model file's bytes into a tagger. */
export function deserializeModel(bytes: Buffer, path = '(buffer)'): { tagger: TwoPassTagger; info: Record<string, unknown> } {
  let file: NerModelFile;
  try {
    file = JSON.parse(gunzipSync(bytes).toString('utf8')) as NerModelFile;
  } catch (cause) {
    throw new InputError(`NER model ${path} is not a gzip'd JSON model; rebuild it with "npm run train".`, { file: path, cause });
  }
  if (file.format !== 'newsgraph-ner/1' || file.tags?.join() !== TAGS.join()) {
    throw new InputError(`NER model ${path} has format "${String(file.format)}", expected "newsgraph-ner/1"; rebuild it with "npm run train".`, { file: path });
  }
  const names = file.features.length > 0 ? file.features.split('\n') : [];
  const index = new Map<string, number>();
  for (let i = 0; i < names.length; i++) index.set(names[i]!, i);
  return {
    tagger: new TwoPassTagger(index, dequantize(file.pass1), dequantize(file.pass2), new Gazetteer(file.gazetteer), file.info.pos === true, file.clusters ? new WordClusters(file.clusters) : undefined),
    info: file.info,
  };
}
