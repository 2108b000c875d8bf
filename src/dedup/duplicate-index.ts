// Near-duplicate articles: an LSH index over MinHash signatures of the store's first reports and this run's articles.
// The same wire story from a second outlet -> (:Article)-[:DUPLICATE_OF {similarity}]->(:Article) and nothing else.
import type { GraphRows } from '../graph/types.js';
import type { GraphStore } from '../store/types.js';
import { LSH_BANDS, MINHASH_SIZE, decodeSignature, encodeSignature, estimateJaccard, minhash } from './minhash.js';

/**
 * Estimated Jaccard similarity of word shingles from which an article counts as a reprint of an earlier one. A
 * 300-word story with another byline and one sentence rewritten scores ≈ 0.84 (a 200-word one ≈ 0.77); two
 * different stories on the same topic ≈ 0.03-0.1. 0.7 keeps such reprints (4 standard errors of the 128-hash
 * estimate from 0.84) far from the different stories.
 */
export const DUPLICATE_THRESHOLD = 0.7;

export interface DuplicateMatch {
  /** Id of the first report. */
  readonly of: string;
  /** Estimated Jaccard similarity of the two texts' shingles. */
  readonly similarity: number;
}

/**
 * First reports by MinHash signature: `find` names the one a text reprints, `add` registers a new first report.
 * Reprints are never added, so every DUPLICATE_OF edge points at a first report (no chains).
 * @example const index = new DuplicateIndex(); index.add('a', minhash(text)); index.find('b', minhash(text))?.of // 'a'
 */
export class DuplicateIndex {
  // One entry per first report, so kept small (a year of wire copy is tens of thousands): the signature and its
  // order; band keys are 9-character strings (band, then its four hashes as 16-bit halves, lossless) and a band
  // held by one report maps to its id alone, not to a Set (≈ 2.5 KB per report instead of ≈ 7 KB).
  private readonly sigs = new Map<string, { sig: Uint32Array; seq: number }>();
  private readonly byBand = new Map<string, string | Set<string>>();
  private seq = 0;

  constructor(readonly threshold: number = DUPLICATE_THRESHOLD) {}

  get size(): number {
    return this.sigs.size;
  }

  /** Registers (or re-registers, after a change of text) a first report. */
  add(id: string, sig: Uint32Array): void {
    this.remove(id);
    this.sigs.set(id, { sig, seq: this.seq++ });
    for (const b of compactBandKeys(sig)) {
      const ids = this.byBand.get(b);
      if (ids === undefined) this.byBand.set(b, id);
      else if (typeof ids === 'string') this.byBand.set(b, new Set([ids, id]));
      else ids.add(id);
    }
  }

  remove(id: string): void {
    const old = this.sigs.get(id);
    if (!old) return;
    this.sigs.delete(id);
    for (const b of compactBandKeys(old.sig)) {
      const ids = this.byBand.get(b);
      if (ids === id) this.byBand.delete(b);
      else if (typeof ids === 'object') {
        ids.delete(id);
        if (ids.size === 1) this.byBand.set(b, ids.values().next().value!);
      }
    }
  }

  /**
   * The first report this text reprints: the most similar candidate at or above the threshold, the earlier
   * registered one on a tie; never the article itself (a re-ingest of the same id).
   */
  find(id: string, sig: Uint32Array): DuplicateMatch | undefined {
    const seen = new Set<string>();
    let best: { id: string; similarity: number; seq: number } | undefined;
    for (const b of compactBandKeys(sig)) {
      const ids = this.byBand.get(b);
      if (ids === undefined) continue;
      for (const other of typeof ids === 'string' ? [ids] : ids) {
        if (other === id || seen.has(other)) continue;
        seen.add(other);
        const entry = this.sigs.get(other)!;
        const similarity = estimateJaccard(sig, entry.sig);
        if (similarity < this.threshold) continue;
        if (!best || similarity > best.similarity || (similarity === best.similarity && entry.seq < best.seq)) {
          best = { id: other, similarity, seq: entry.seq };
        }
      }
    }
    return best ? { of: best.id, similarity: best.similarity } : undefined;
  }
}

/** The LSH band keys of bandKeys(), packed: the band's index, then its hashes as 16-bit halves (same equality). */
function compactBandKeys(sig: Uint32Array): string[] {
  const rows = MINHASH_SIZE / LSH_BANDS;
  const out: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let k = String.fromCharCode(b);
    for (let r = 0; r < rows; r++) {
      const v = sig[b * rows + r]!;
      k += String.fromCharCode(v >>> 16, v & 0xffff);
    }
    out.push(k);
  }
  return out;
}

/**
 * The store's first reports (articles with no DUPLICATE_OF edge), oldest first; an article stored before signatures
 * existed gets one from its stored text.
 * @example const index = await loadDuplicateIndex(store); index.find(article.id, minhash(article.text))
 */
export async function loadDuplicateIndex(store: GraphStore, threshold = DUPLICATE_THRESHOLD): Promise<DuplicateIndex> {
  const index = new DuplicateIndex(threshold);
  const rows = await store.run(
    'MATCH (a:Article) WHERE NOT EXISTS { MATCH (a)-[:DUPLICATE_OF]->(:Article) } ' +
      'RETURN a.id AS id, a.minhash AS minhash ORDER BY a.date, a.id',
  );
  const missing: string[] = [];
  const sigs = new Map<string, Uint32Array | undefined>();
  for (const r of rows) {
    const id = String(r['id']);
    const sig = decodeSignature(r['minhash']);
    sigs.set(id, sig);
    if (!sig) missing.push(id);
  }
  for (let i = 0; i < missing.length; i += 500) {
    const part = missing.slice(i, i + 500);
    for (const r of await store.run('MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.text AS text', { ids: part })) {
      sigs.set(String(r['id']), minhash(typeof r['text'] === 'string' ? r['text'] : ''));
    }
  }
  for (const [id, sig] of sigs) if (sig) index.add(id, sig);
  return index;
}

/**
 * The article's signature: the one its rows carry (toGraph computes it), else computed from the text.
 * @example signatureOf(rows, article.text)
 */
export function signatureOf(rows: GraphRows, text: string): Uint32Array {
  const node = rows.nodes.find((n) => n.label === 'Article' && n.key === rows.articleId);
  return decodeSignature(node?.props['minhash']) ?? minhash(text);
}

/**
 * A reprint's rows: its Article node (with its signature) and the DUPLICATE_OF edge, no events, mentions or entities.
 * @example duplicateRows(rows, { of: 'reuters-1', similarity: 0.91 }).relationships[0].type // 'DUPLICATE_OF'
 */
export function duplicateRows(rows: GraphRows, match: DuplicateMatch, sig?: Uint32Array): GraphRows {
  const article = rows.nodes.find((n) => n.label === 'Article' && n.key === rows.articleId);
  if (!article) throw new Error(`rows of article ${rows.articleId} hold no Article node`);
  const props = sig && article.props['minhash'] == null ? { ...article.props, minhash: encodeSignature(sig) } : article.props;
  return {
    articleId: rows.articleId,
    contentHash: rows.contentHash,
    nodes: [{ ...article, props }],
    relationships: [
      {
        type: 'DUPLICATE_OF',
        from: { label: 'Article', key: rows.articleId },
        to: { label: 'Article', key: match.of },
        props: { similarity: match.similarity },
      },
    ],
  };
}
