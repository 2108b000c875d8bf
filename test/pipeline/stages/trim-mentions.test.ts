import { trimMentions } from '../../../src/pipeline/stages/trim-mentions.js';
import { dropUnlikelyMentions } from '../../../src/pipeline/stages/drop-unlikely-mentions.js';
import { markedDoc, testContext } from '../../actors/marked-doc.js';

describe('trim-mentions and drop-unlikely-mentions', () => {
  test.each([
    ['The [ORG US decision] stands.', [['US', 'ORG']]],
    ['Added to the [ORG Commerce Department’s Entity List] today.', [['Commerce Department', 'ORG'], ['Entity List', 'MISC']]],
    ["The [LOC People's Republic of China] said.", [["People's Republic of China", 'LOC']]],
    ['[ORG Acme Textiles Co.] met officials.', [['Acme Textiles Co.', 'ORG']]],
  ])('%s', (text, want) => {
    const doc = trimMentions.run(markedDoc(text), testContext());
    expect(doc.mentions.map((m) => [m.text, m.class])).toEqual(want);
    for (const m of doc.mentions) expect(doc.article.text.slice(m.start, m.end)).toBe(m.text);
  });

  test.each([
    '[PER We] urge restraint.',
    '[ORG The company] said so.',
    'Talks resume in [LOC January].',
    'It happened [LOC Friday].',
    'Others [ORG didn’t] respond.',
  ])('dropped: %s', (text) => {
    expect(dropUnlikelyMentions.run(markedDoc(text), testContext()).mentions).toEqual([]);
  });

  test.each(['[LOC US] officials said.', '[PER May] resigned.', '[LOC The Hague] ruled.'])('kept: %s', (text) => {
    expect(dropUnlikelyMentions.run(markedDoc(text), testContext()).mentions).toHaveLength(1);
  });
});
