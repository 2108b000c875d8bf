// "Zhao said. China objected." -> sentences [0,10) [11,26) and tokens Zhao | said | . | China | objected | .
import { tokenize } from '../../nlp/tokenize.js';
import type { Stage } from '../stage.js';

export const extractTokens: Stage = {
  name: 'extract-tokens',
  requires: [],
  assigns: ['sentences', 'tokens'],
  run(doc) {
    const { sentences, tokens } = tokenize(doc.article.text);
    return { ...doc, sentences, tokens };
  },
};
