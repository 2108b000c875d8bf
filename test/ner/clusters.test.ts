import { acronymVariant, clusterWords, tokenizePlain, WordClusters } from '../../src/ner/clusters.js';

// A made-up text where cities share contexts with cities and firms with firms.
const TEXT = [
  'Officials flew to Lisbon on Monday .', 'Officials flew to Oslo on Tuesday .', 'Officials flew to Vilnius on Friday .',
  'Talks were held in Lisbon .', 'Talks were held in Oslo .', 'Talks were held in Vilnius .',
  'Shares of Voltex Ltd rose 3 percent .', 'Shares of Brandt Ltd rose 2 percent .', 'Shares of Kessler Ltd fell 1 percent .',
  'Voltex said profits rose .', 'Brandt said profits fell .', 'Kessler said profits rose .',
].map((s) => s.split(' '));

const commonPrefix = (a: string, b: string): number => {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
};

describe('clusterWords', () => {
  const lines = clusterWords(TEXT, { minCount: 2, depth: 8 });
  const clusters = new WordClusters(lines);

  it('gives every word seen often enough a path, and is deterministic', () => {
    expect(clusters.path('Lisbon')).toMatch(/^[01]+$/);
    expect(clusterWords(TEXT, { minCount: 2, depth: 8 })).toBe(lines);
  });

  it('puts words with the same contexts closer than words with different ones', () => {
    const city = commonPrefix(clusters.path('Lisbon'), clusters.path('Oslo'));
    const firm = commonPrefix(clusters.path('Voltex'), clusters.path('Brandt'));
    expect(city).toBeGreaterThan(commonPrefix(clusters.path('Lisbon'), clusters.path('Voltex')));
    expect(firm).toBeGreaterThan(commonPrefix(clusters.path('Oslo'), clusters.path('Brandt')));
  });
});

describe('WordClusters.path', () => {
  const c = new WordClusters('U.S. 0110\nparis 1011\nBank 0001');
  it('falls back to the acronym variant, then lower case, then title case', () => {
    expect(c.path('US')).toBe('0110');
    expect(c.path('Paris')).toBe('1011');
    expect(c.path('BANK')).toBe('0001');
    expect(c.path('Nowhere')).toBe('');
  });
  it('maps acronyms both ways', () => {
    expect(acronymVariant('EU')).toBe('E.U.');
    expect(acronymVariant('U.K.')).toBe('UK');
    expect(acronymVariant('Paris')).toBeNull();
  });
});

describe('tokenizePlain', () => {
  it('splits clitics, punctuation and sentences the CoNLL way', () => {
    expect(tokenizePlain('Huawei’s chief didn’t say. Acme Inc. agreed.')).toEqual([
      ['Huawei', "'s", 'chief', 'did', "n't", 'say', '.'],
      ['Acme', 'Inc.', 'agreed', '.'],
    ]);
  });
});
