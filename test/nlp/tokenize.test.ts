import fc from 'fast-check';
import { tokenize } from '../../src/nlp/tokenize.js';

describe('tokenize', () => {
  const cases: [string, string[]][] = [
    ['Zhao said.', ['Zhao', 'said', '.']],
    ['“We urge the US,” Zhao said.', ['“', 'We', 'urge', 'the', 'US', ',', '”', 'Zhao', 'said', '.']],
    ['China’s U.S.-based unit (Acme Widgets Ltd.) won.', ['China', '’s', 'U.S.-based', 'unit', '(', 'Acme', 'Widgets', 'Ltd.', ')', 'won', '.']],
    ["Jean-Luc's co-founder didn't respond Monday.", ['Jean-Luc', "'s", 'co-founder', "didn't", 'respond', 'Monday', '.']],
  ];
  it.each(cases)('%s', (text, expected) => {
    const { tokens } = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(expected);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits sentences with offsets that slice to their text', () => {
    const text = 'date lead gone. China demanded Monday that Washington act. “No,” he said.';
    const { sentences } = tokenize(text);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.at(-1)!.text).toBe('“No,” he said.');
  });

  it('returns nothing for blank text', () => {
    expect(tokenize('  \n ').tokens).toEqual([]);
  });

  it('every token of any string slices to its own text, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const { tokens } = tokenize(text);
        let last = 0;
        for (const t of tokens) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(last);
          last = t.end;
        }
      }),
      { numRuns: 200 },
    );
  });
});
