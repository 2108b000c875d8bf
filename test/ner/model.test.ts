import { bioToSpans, loadNerModel, type NerToken } from '../../src/ner/index.js';

// The shipped model on the project's own sentences (not from CoNLL), tokenised as the pipeline does.
const toks = (s: string): NerToken[] => s.split(' ').map((text) => ({ text }));
const model = loadNerModel();

function entities(sentence: string, context: string[] = []): string[] {
  const doc = [...context, sentence].map(toks);
  const tags = model.tagDocument(doc).at(-1)!;
  const words = doc.at(-1)!;
  return bioToSpans(tags).map((s) => `${s.cls}:${words.slice(s.start, s.end).map((t) => t.text).join(' ')}`);
}

describe('loadNerModel', () => {
  it('loads the shipped model once per process', () => {
    expect(loadNerModel()).toBe(model);
  });
  it('gives the same tags whether or not the caller passes part of speech (the model is trained without)', () => {
    const words = 'The company said it won’t sell its Munich plant , Anna Weber told Reuters .'.split(' ');
    const pos = ['Determiner', 'Noun', 'Verb', 'Pronoun', 'Verb', 'Verb', 'Pronoun', 'ProperNoun', 'Noun', 'Punctuation', 'ProperNoun', 'ProperNoun', 'Verb', 'ProperNoun', 'Punctuation'];
    const plain = model.tagDocument([words.map((text) => ({ text }))]);
    const tagged = model.tagDocument([words.map((text, i) => ({ text, pos: pos[i] }))]);
    expect(tagged).toEqual(plain);
    expect(plain[0]![5]).toBe('O');
  });
  it('returns one tag per token for every sentence', () => {
    const doc = [toks('Officials met in Geneva .'), toks('No names .'), []];
    const tags = model.tagDocument(doc);
    expect(tags.map((s) => s.length)).toEqual([5, 3, 0]);
  });
});

describe('the shipped model tags fixture sentences', () => {
  it.each([
    ['President Donald Trump said on Tuesday that tariffs would rise .', ['PER:Donald Trump']],
    ['The contract went to Vantor Holdings Ltd. , a supplier based in Frankfurt .', ['ORG:Vantor Holdings Ltd.', 'LOC:Frankfurt']],
    ["China 's foreign ministry rejected the report .", ['LOC:China']],
    ['Beijing ’s response came a day later , officials said .', ['LOC:Beijing']],
    ['Prime Minister Mark Carney will visit Japan and South Korea next month .', ['PER:Mark Carney', 'LOC:Japan', 'LOC:South Korea']],
    ['The European Union fined the company 2 billion euros .', ['ORG:European Union']],
    ['“ We will not accept this , ” said Maria Santos , a spokeswoman for the United Nations .', ['PER:Maria Santos', 'ORG:United Nations']],
  ])('%s', (sentence, expected) => {
    expect(entities(sentence)).toEqual(expected);
  });

  it('keeps the ORG of a company in later mentions of its short name', () => {
    const context = ['Vantor Holdings Ltd. said on Monday it would cut 300 jobs .'];
    expect(entities('Vantor said the cuts would be made by June .', context)).toEqual(['ORG:Vantor']);
  });

  it('tags an all-caps headline', () => {
    expect(entities('GERMANY AND FRANCE AGREE ON BUDGET RULES')).toEqual(['LOC:GERMANY', 'LOC:FRANCE']);
  });

  it('finds nothing in sentences without names', () => {
    expect(entities('The company said on Friday that profits rose in the third quarter .')).toEqual([]);
    expect(entities('It was raining in the morning and nobody came .')).toEqual([]);
  });
});
