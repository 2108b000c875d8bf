import { resolveActors } from '../../actors/resolve-actors.js';

const CASES: { text: string; refs: [string, string][] }[] = [
  {
    text: '[ORG Acme Textiles Co.] was named. The company said it would appeal.',
    refs: [['The company', 'Acme Textiles Co.']],
  },
  {
    text: '[ORG Zorbex Ltd.] makes chips. [ORG Qualtor Inc.] makes phones. The company said it was surprised.',
    refs: [['The company', 'Qualtor Inc.']],
  },
  {
    text: '[ORG Zorbex Ltd.] makes chips. The company accused of fraud, [ORG Qualtor Inc.], said it would appeal.',
    refs: [['The company', 'Qualtor Inc.']],
  },
  {
    text: "China's foreign ministry objected. A ministry spokesman, [PER Wang Hu], said the ministry would respond.",
    refs: [['ministry', 'Foreign Ministry of China'], ['the ministry', 'Foreign Ministry of China']],
  },
  {
    text: '[ORG Zorbex Ltd.] was cited by the Commerce Department. The department said more firms would follow.',
    refs: [['The department', 'US Commerce Department']],
  },
];

const NOTHING = [
  'One company cited Friday is accused of fraud.',
  'Other companies did not respond. The companies were named.',
  'The ministry said it would respond.', // no ministry named before it
  '[ORG Zorbex Ltd.] said the Ministry of Commerce would decide.',
];

describe('link-references: definite descriptions point at the nearest fitting actor', () => {
  test.each(CASES)('$text', ({ text, refs }) => {
    const doc = resolveActors(text);
    expect(doc.references.map((r) => [r.text, doc.entities.find((e) => e.id === r.entity)?.name])).toEqual(refs);
    for (const r of doc.references) expect(doc.article.text.slice(r.start, r.end)).toBe(r.text);
    // descriptions are never named mentions or entities of their own
    for (const e of doc.entities) for (const m of e.mentions) expect(doc.references.some((r) => r.start === m.start)).toBe(false);
  });

  test.each(NOTHING)('no reference: %s', (text) => {
    expect(resolveActors(text).references).toEqual([]);
  });
});
