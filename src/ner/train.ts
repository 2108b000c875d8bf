// Averaged structured perceptron training of the two-pass tagger, deterministic for a given seed.

import { docFeatures, localFeatures, type FeatToken } from './features.js';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import { WordClusters } from './clusters.js';
import { emissions, featureIds, NTAGS, serializeModel, START, TAGS, TwoPassTagger, viterbi, type PassWeights } from './model.js';
import { scoreSpans } from './eval.js';

/** One training sentence: tokens (with optional POS) and gold BIO tags. */
export interface TrainSentence {
  readonly tokens: readonly FeatToken[];
  readonly tags: readonly string[];
}
export type TrainDocument = readonly TrainSentence[];

export interface TrainOptions {
  /** Epochs of the first (local) pass and of the second (document) pass. */
  readonly epochs1: number;
  readonly epochs2: number;
  /** Folds for the jackknifed first-pass tags that train the second pass (≥ 2). */
  readonly folds: number;
  readonly seed: number;
  readonly gazetteer: GazetteerData;
  /** Features seen fewer times than this in training are not kept. */
  readonly minCount?: number;
  /** Development documents, scored after each epoch when given (for choosing epochs; never trained on). */
  readonly dev?: readonly TrainDocument[];
  readonly log?: (message: string) => void;
  /** Train with the tokens' part of speech (compromise coarse tags); otherwise token.pos is ignored. */
  readonly usePos?: boolean;
  /** Word-cluster paths ("word path" lines, from clusterWords), shipped in the model. */
  readonly clusters?: string;
}

export interface TrainedNer {
  readonly tagger: TwoPassTagger;
  readonly features: string[];
  /** The gzip'd model file. */
  serialize(info?: Record<string, unknown>): Buffer;
}

interface Example {
  feats: Int32Array[];
  gold: Int32Array;
}

const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Averaged perceptron over whole sentences with Viterbi decoding. */
function trainPass(
  data: readonly Example[],
  nFeat: number,
  epochs: number,
  seed: number,
  onEpoch?: (epoch: number, weights: PassWeights) => void,
): PassWeights {
  const w = new Float64Array(nFeat * NTAGS);
  const u = new Float64Array(nFeat * NTAGS);
  const tr = new Float64Array((NTAGS + 1) * NTAGS);
  const tu = new Float64Array((NTAGS + 1) * NTAGS);
  let c = 1;
  const order = data.map((_, i) => i);
  const rand = mulberry32(seed);
  const average = (): PassWeights => {
    const aw = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) aw[i] = w[i]! - u[i]! / c;
    const at = new Float64Array(tr.length);
    for (let i = 0; i < tr.length; i++) at[i] = tr[i]! - tu[i]! / c;
    return { w: aw, trans: at };
  };
  const em = new Float64Array(512 * NTAGS);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const idx of order) {
      const { feats, gold } = data[idx]!;
      const n = feats.length;
      const buf = n <= 512 ? em.subarray(0, n * NTAGS).fill(0) : new Float64Array(n * NTAGS);
      const pred = viterbi(emissions(w, feats, buf), tr, n);
      for (let t = 0; t < n; t++) {
        const g = gold[t]!;
        const p = pred[t]!;
        if (g !== p) {
          for (const id of feats[t]!) {
            w[id * NTAGS + g]! += 1;
            u[id * NTAGS + g]! += c;
            w[id * NTAGS + p]! -= 1;
            u[id * NTAGS + p]! -= c;
          }
        }
        const pg = t > 0 ? gold[t - 1]! : START;
        const pp = t > 0 ? pred[t - 1]! : START;
        if (pg !== pp || g !== p) {
          tr[pg * NTAGS + g]! += 1;
          tu[pg * NTAGS + g]! += c;
          tr[pp * NTAGS + p]! -= 1;
          tu[pp * NTAGS + p]! -= c;
        }
      }
      c++;
    }
    onEpoch?.(epoch, average());
  }
  return average();
}

/** Interns feature strings to ids, counting occurrences. */
class FeatureDict {
  readonly index = new Map<string, number>();
  readonly names: string[] = [];
  readonly counts: number[] = [];
  ids(feats: readonly string[]): Int32Array {
    const out = new Int32Array(feats.length);
    for (let k = 0; k < feats.length; k++) {
      const f = feats[k]!;
      let id = this.index.get(f);
      if (id === undefined) {
        id = this.names.length;
        this.index.set(f, id);
        this.names.push(f);
        this.counts.push(0);
      }
      this.counts[id]!++;
      out[k] = id;
    }
    return out;
  }
}

/** Drops rare features and renumbers the rest; returns the new names and a remapper. */
function prune(dict: FeatureDict, minCount: number): { names: string[]; remap: (ids: Int32Array) => Int32Array } {
  const map = new Int32Array(dict.names.length).fill(-1);
  const names: string[] = [];
  dict.names.forEach((name, id) => {
    if (dict.counts[id]! >= minCount) {
      map[id] = names.length;
      names.push(name);
    }
  });
  return {
    names,
    remap: (ids) => {
      const out: number[] = [];
      for (const id of ids) if (map[id]! >= 0) out.push(map[id]!);
      return Int32Array.from(out);
    },
  };
}

const concat = (a: Int32Array, b: Int32Array): Int32Array => {
  const out = new Int32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Trains the two-pass tagger: pass 1 on local features; pass 2 on local features plus document features
 * computed from jackknifed pass-1 tags (each fold tagged by a model that never saw it).
 * @example trainNer(docs, { epochs1: 5, epochs2: 5, folds: 2, seed: 1, gazetteer: {} }).tagger.tagDocument(doc)
 */
export function trainNer(docs: readonly TrainDocument[], opts: TrainOptions): TrainedNer {
  const log = opts.log ?? (() => undefined);
  const gaz = new Gazetteer(opts.gazetteer);
  const usePos = opts.usePos ?? false;
  const clusters = opts.clusters ? new WordClusters(opts.clusters) : undefined;
  const t0 = Date.now();
  const dict = new FeatureDict();
  const tokensOf = (d: TrainDocument): FeatToken[][] => d.map((s) => [...s.tokens]);
  const localRaw = docs.map((d) => localFeatures(tokensOf(d), gaz, usePos, clusters).map((s) => s.map((f) => dict.ids(f))));
  const gold = docs.map((d) => d.map((s) => Int32Array.from(s.tags, (t) => TAG_INDEX.get(t) ?? 0)));
  // Document-feature strings only ever come from these templates; intern them from jackknifed tags below.
  const minCount = opts.minCount ?? 1;
  const { names, remap } = prune(dict, minCount);
  const local = localRaw.map((d) => d.map((s) => s.map(remap)));
  log(`features: ${names.length} local (of ${dict.names.length}) in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  const examples = (ds: number[], extra?: Int32Array[][][]): Example[] =>
    ds.flatMap((d) => local[d]!.map((feats, s) => ({ feats: extra ? feats.map((f, t) => concat(f, extra[d]![s]![t]!)) : feats, gold: gold[d]![s]! })));
  const all = docs.map((_, i) => i);

  const index = new Map<string, number>(names.map((n, i) => [n, i]));
  const devLocal = opts.dev?.map((d) => localFeatures(tokensOf(d), gaz, usePos, clusters).map((s) => s.map((f) => featureIds(index, f))));
  const devGold = opts.dev?.flatMap((d) => d.map((s) => [...s.tags]));
  const tagWith = (p: PassWeights, feats: Int32Array[]): string[] => Array.from(viterbi(emissions(p.w, feats), p.trans, feats.length), (y) => TAGS[y]!);
  const f1 = (pred: string[][]): string => scoreSpans(devGold!, pred).map((r) => `${r.cls} ${(100 * r.f1).toFixed(2)}`).join(', ');

  // Pass 1 on everything.
  const pass1 = trainPass(examples(all), names.length, opts.epochs1, opts.seed, (e, p) => {
    if (devLocal) log(`pass 1 epoch ${e}: dev F1 ${f1(devLocal.flatMap((d) => d.map((s) => tagWith(p, s))))}`);
  });
  log(`pass 1 trained in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  // Jackknifed first-pass tags for the training documents.
  const firstTags: string[][][] = docs.map(() => []);
  for (let k = 0; k < opts.folds; k++) {
    const trainIds = all.filter((i) => i % opts.folds !== k);
    const p = trainPass(examples(trainIds), names.length, opts.epochs1, opts.seed + k + 1);
    for (const i of all) if (i % opts.folds === k) firstTags[i] = local[i]!.map((s) => tagWith(p, s));
  }
  log(`jackknife (${opts.folds} folds) done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  // Document features: interned after the local ones so local ids stay put.
  const docDict = new FeatureDict();
  const docRaw = docs.map((d, i) => docFeatures(tokensOf(d), firstTags[i]!).map((s) => s.map((f) => docDict.ids(f))));
  const docPruned = prune(docDict, minCount);
  const allNames = [...names, ...docPruned.names];
  const offset = names.length;
  const docIds = docRaw.map((d) => d.map((s) => s.map((ids) => docPruned.remap(ids).map((id) => id + offset))));
  docPruned.names.forEach((n, i) => index.set(n, offset + i));

  const devFirst = devLocal?.map((d) => d.map((s) => tagWith(pass1, s)));
  const devDoc = opts.dev?.map((d, i) => docFeatures(tokensOf(d), devFirst![i]!).map((s) => s.map((f) => featureIds(index, f))));
  const pass2 = trainPass(examples(all, docIds), allNames.length, opts.epochs2, opts.seed + 101, (e, p) => {
    if (devLocal) log(`pass 2 epoch ${e}: dev F1 ${f1(devLocal.flatMap((d, i) => d.map((s, j) => tagWith(p, s.map((f, t) => concat(f, devDoc![i]![j]![t]!))))))}`);
  });
  log(`pass 2 trained in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  // Pass-1 weights cover only local features; pad them to the full feature count.
  const w1 = new Float64Array(allNames.length * NTAGS);
  w1.set(pass1.w);
  const p1: PassWeights = { w: w1, trans: pass1.trans };
  return {
    tagger: new TwoPassTagger(index, p1, pass2, gaz, usePos, clusters),
    features: allNames,
    serialize: (info = {}) => serializeModel(allNames, p1, pass2, opts.gazetteer, { ...info, pos: usePos, epochs1: opts.epochs1, epochs2: opts.epochs2, folds: opts.folds, seed: opts.seed }, 0.01, opts.clusters),
  };
}
