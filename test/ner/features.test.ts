import { docFeatures, wordFeatures } from '../../src/ner/features.js';

const toks = (s: string) => s.split(' ').map((text) => ({ text }));

describe('docFeatures', () => {
  it('lends a short mention the class of a longer span of the same word elsewhere in the story', () => {
    const doc = [toks('Vantor Holdings Ltd. cut jobs .'), toks('Vantor said so .')];
    const first = [['B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O'], ['B-PER', 'O', 'O', 'O']];
    const f = docFeatures(doc, first);
    expect(f[1]![0]).toContain('dsp=ORG:B');
    expect(f[1]![0]).toContain('dspt=ORG|PER|3');
    // The long span's own word sees the other (one-word) span, not itself.
    expect(f[0]![0]).toContain('dsp=PER:U');
    expect(f[0]![0]).not.toContain('dsp=ORG:B');
  });
});

describe('wordFeatures', () => {
  it('gives dotted and undotted acronyms one key', () => {
    expect(wordFeatures('US', 'us', 'X')).toContain('ak=us');
    expect(wordFeatures('U.S.', 'u.s.', 'X.X.')).toContain('ak=us');
    expect(wordFeatures('Paris', 'paris', 'Xx').some((f) => f.startsWith('ak='))).toBe(false);
  });
  it('adds cluster-path prefixes when the word has a path', () => {
    const f = wordFeatures('Oslo', 'oslo', 'Xx', '0110101');
    expect(f).toEqual(expect.arrayContaining(['c4=0110', 'c6=011010', 'c10=0110101']));
    expect(wordFeatures('Oslo', 'oslo', 'Xx')).toContain('c=?');
  });
});
