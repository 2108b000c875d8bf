// "China demanded Monday" in a 2020-05-25 story -> DATE "Monday" = 2020-05-25
import { extractDates as findDates } from '../../dates/index.js';
import type { Stage } from '../stage.js';

export const extractDates: Stage = {
  name: 'extract-dates',
  requires: ['sentences'],
  assigns: ['dates'],
  run(doc, ctx) {
    const dates = findDates(doc.article.text, {
      articleDate: ctx.referenceDate,
      sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    });
    return { ...doc, dates };
  },
};
