import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DuplicateIndex, DUPLICATE_THRESHOLD } from '../../src/dedup/duplicate-index.js';
import { bandKeys, decodeSignature, encodeSignature, estimateJaccard, minhash, shingles, MINHASH_SIZE } from '../../src/dedup/minhash.js';

const fixture = (name: string): string => readFileSync(`test/fixtures/dedup/${name}.txt`, 'utf8');
const ORIGINAL = fixture('wire-original');
const REPRINT = fixture('wire-reprint');
const OTHER = fixture('same-topic-other-story');

function trueJaccard(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let both = 0;
  for (const s of x) if (y.has(s)) both++;
  return both / (x.size + y.size - both);
}

describe('shingles', () => {
  it('are lower-cased three-word windows that ignore punctuation and spacing', () => {
    expect([...shingles('The cat, sat  on\nthe MAT.')]).toEqual(['the cat sat', 'cat sat on', 'sat on the', 'on the mat']);
    expect([...shingles('China’s reply')]).toEqual(["china's reply"]);
    expect(shingles('   ').size).toBe(0);
  });
});

describe('minhash', () => {
  it('is deterministic and has MINHASH_SIZE values', () => {
    expect(minhash(ORIGINAL)).toEqual(minhash(ORIGINAL));
    expect(minhash(ORIGINAL).length).toBe(MINHASH_SIZE);
  });

  it('estimates the Jaccard similarity of the shingle sets within a few standard errors', () => {
    for (const [a, b] of [[ORIGINAL, REPRINT], [ORIGINAL, OTHER], [REPRINT, OTHER]] as const) {
      const truth = trueJaccard(a, b);
      expect(Math.abs(estimateJaccard(minhash(a), minhash(b)) - truth)).toBeLessThan(0.12);
    }
  });

  it('scores a reprint (other byline, one sentence rewritten) above the threshold and another story on the topic far below', () => {
    expect(trueJaccard(ORIGINAL, REPRINT)).toBeGreaterThan(0.8);
    expect(estimateJaccard(minhash(ORIGINAL), minhash(REPRINT))).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(estimateJaccard(minhash(ORIGINAL), minhash(OTHER))).toBeLessThan(0.2);
  });

  it('survives the stored form', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const sig = minhash(text);
        expect(decodeSignature(encodeSignature(sig))).toEqual(sig);
      }),
    );
    expect(decodeSignature(null)).toBeUndefined();
    expect(decodeSignature('mh0:abc')).toBeUndefined();
    expect(decodeSignature(encodeSignature(minhash('x')).slice(0, -1))).toBeUndefined();
  });

  it('gives equal texts equal band keys and unrelated texts none in common', () => {
    expect(bandKeys(minhash(ORIGINAL))).toEqual(bandKeys(minhash(ORIGINAL)));
    const a = new Set(bandKeys(minhash(ORIGINAL)));
    expect(bandKeys(minhash(OTHER)).filter((k) => a.has(k))).toEqual([]);
  });
});

describe('DuplicateIndex', () => {
  it('finds the first report a reprint copies, never the article itself, and not a different story', () => {
    const index = new DuplicateIndex();
    index.add('original', minhash(ORIGINAL));
    expect(index.find('reprint', minhash(REPRINT))).toEqual({ of: 'original', similarity: expect.any(Number) });
    expect(index.find('reprint', minhash(REPRINT))!.similarity).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(index.find('original', minhash(ORIGINAL))).toBeUndefined();
    expect(index.find('other', minhash(OTHER))).toBeUndefined();
  });

  it('prefers the earlier of two equal first reports, and forgets a removed one', () => {
    const index = new DuplicateIndex();
    index.add('first', minhash(ORIGINAL));
    index.add('second', minhash(ORIGINAL));
    expect(index.find('third', minhash(ORIGINAL))).toEqual({ of: 'first', similarity: 1 });
    index.remove('first');
    expect(index.find('third', minhash(ORIGINAL))).toEqual({ of: 'second', similarity: 1 });
    index.add('second', minhash(OTHER));
    expect(index.find('third', minhash(ORIGINAL))).toBeUndefined();
    expect(index.size).toBe(1);
  });
});
