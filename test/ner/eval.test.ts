import { parseConll, splitDocuments } from '../../src/ner/conll.js';
import { bioToSpans, formatScores, scoreSpans } from '../../src/ner/eval.js';

// A tiny hand-made CoNLL file: 2 stories, IOB1 tags in the second (I- opening an entity).
const GOLD = `ACME NNP B-NP B-ORG
WINS VBZ B-VP O
. . O O

Jane NNP B-NP B-PER
Roe NNP I-NP I-PER

OSLO NNP B-NP B-LOC
1996-09-01 CD I-NP O

Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
hired VBD B-VP O
Tom NNP B-NP B-PER
Smith NNP I-NP I-PER
in IN B-PP O
Oslo NNP B-NP B-LOC
. . O O

FOOTBALL NN B-NP O
- : O O
NORWAY NNP B-NP I-LOC
BEAT VB B-VP O
DANES NNPS B-NP I-MISC

BERGEN NNP B-NP I-LOC
1996-09-02 CD I-NP O
`;

describe('parseConll and splitDocuments', () => {
  const sentences = parseConll(GOLD);
  it('reads sentences and converts IOB1 to IOB2', () => {
    expect(sentences).toHaveLength(6);
    expect(sentences[3]!.tokens).toEqual(['Acme', 'Corp', 'hired', 'Tom', 'Smith', 'in', 'Oslo', '.']);
    expect(sentences[4]!.tags).toEqual(['O', 'O', 'B-LOC', 'O', 'B-MISC']);
  });
  it('starts a story at the headline before each dateline, skipping a byline', () => {
    const docs = splitDocuments(sentences);
    expect(docs.map((d) => d.length)).toEqual([4, 2]);
    expect(docs[1]![0]!.tokens[0]).toBe('FOOTBALL');
  });
});

describe('bioToSpans', () => {
  it.each([
    [['B-PER', 'I-PER', 'O', 'B-LOC'], [{ start: 0, end: 2, cls: 'PER' }, { start: 3, end: 4, cls: 'LOC' }]],
    [['B-ORG', 'B-ORG'], [{ start: 0, end: 1, cls: 'ORG' }, { start: 1, end: 2, cls: 'ORG' }]],
    [['O', 'I-MISC', 'I-MISC'], [{ start: 1, end: 3, cls: 'MISC' }]],
    [['B-PER', 'I-LOC'], [{ start: 0, end: 1, cls: 'PER' }, { start: 1, end: 2, cls: 'LOC' }]],
    [['O', 'O'], []],
  ])('%j', (tags, spans) => {
    expect(bioToSpans(tags)).toEqual(spans);
  });
});

describe('scoreSpans on the hand-made file', () => {
  const gold = parseConll(GOLD).map((s) => s.tags);
  // Predictions: ORG boundary wrong in sentence 4 ("Acme" only), "Roe" missed, one spurious PER ("WINS"), rest right.
  const predicted = [
    ['B-ORG', 'B-PER', 'O'],
    ['B-PER', 'O'],
    ['B-LOC', 'O'],
    ['B-ORG', 'O', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O'],
    ['O', 'O', 'B-LOC', 'O', 'B-MISC'],
    ['B-LOC', 'O'],
  ];
  const rows = scoreSpans(gold, predicted);
  const row = (cls: string) => rows.find((r) => r.cls === cls)!;

  it('counts exact spans per class', () => {
    // gold: ORG 2, PER 2, LOC 4, MISC 1 = 9; predicted: ORG 2, PER 3, LOC 4, MISC 1 = 10; correct: ORG 1, PER 1, LOC 4, MISC 1 = 7
    expect([row('ORG').gold, row('ORG').predicted, row('ORG').correct]).toEqual([2, 2, 1]);
    expect([row('PER').gold, row('PER').predicted, row('PER').correct]).toEqual([2, 3, 1]);
    expect([row('LOC').gold, row('LOC').predicted, row('LOC').correct]).toEqual([4, 4, 4]);
    expect([row('ALL').gold, row('ALL').predicted, row('ALL').correct]).toEqual([9, 10, 7]);
  });
  it('computes precision, recall and F1', () => {
    expect(row('ALL').precision).toBeCloseTo(0.7);
    expect(row('ALL').recall).toBeCloseTo(7 / 9);
    expect(row('ALL').f1).toBeCloseTo((2 * 0.7 * (7 / 9)) / (0.7 + 7 / 9));
    expect(row('PER').f1).toBeCloseTo(0.4);
  });
  it('prints one line per class and overall', () => {
    const table = formatScores(rows).split('\n');
    expect(table).toHaveLength(6);
    expect(table[5]).toMatch(/^ALL\s+9\s+10\s+7\s+70\.00\s+77\.78\s+73\.68$/);
  });
});
