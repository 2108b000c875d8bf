// The reference article with the actors and dates the issues name (hand-given, as the actor and date stages
// are meant to produce them), for testing the event stage on its own.
import { readFileSync } from 'node:fs';
import type { Doc } from '../../src/model/types.js';
import { makeDoc } from './make-doc.js';

export function referenceDoc(): Doc {
  const raw = readFileSync(new URL('../../corpus/000_724705b57007fe02.txt', import.meta.url), 'utf8');
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/u.exec(raw)!;
  const text = raw.slice(m[0].length);
  return makeDoc(text, {
    date: m[1]!,
    id: '000_724705b57007fe02',
    entities: [
      { id: 'cn', name: 'China', class: 'LOC', names: ['China', 'Beijing'] },
      { id: 'us', name: 'United States', class: 'LOC', names: ['US', 'Washington'] },
      { id: 'xj', name: 'Xinjiang', class: 'LOC', names: ['Xinjiang'] },
      { id: 'fm', name: 'Foreign Ministry', class: 'ORG', names: [] },
      { id: 'cd', name: 'Commerce Department', class: 'ORG', names: ['Commerce Department'] },
      { id: 'ta', name: 'Trump administration', class: 'ORG', names: ['Trump administration'] },
      { id: 'zl', name: 'Zhao Lijian', class: 'PER', names: ['Zhao Lijian', 'Zhao'] },
      { id: 'dt', name: 'Donald Trump', class: 'PER', names: ['Donald Trump', 'Trump'] },
      { id: 'hw', name: 'Huawei Technologies Ltd.', class: 'ORG', names: ['Huawei Technologies Ltd.', 'Huawei'] },
      { id: 'hk', name: 'Hikvision Digital Technology Ltd.', class: 'ORG', names: ['Hikvision Digital Technology Ltd.'] },
      { id: 'cw', name: 'CloudWalk Technology Ltd.', class: 'ORG', names: ['CloudWalk Technology Ltd.'] },
      { id: 'ak', name: 'Aksu Huafu Textiles Co.', class: 'ORG', names: ['Aksu Huafu Textiles Co.'] },
      { id: 'g8', name: 'eight companies', class: 'MISC', names: [], group: true },
      { id: 'gr', name: 'the rest', class: 'MISC', names: [], group: true },
    ],
    references: [
      { text: 'foreign ministry', entity: 'fm' },
      { text: 'ministry', entity: 'fm', nth: 1 },
      { text: 'eight companies', entity: 'g8' },
      { text: 'One company', entity: 'ak' },
      { text: 'The rest', entity: 'gr' },
      { text: 'The company', entity: 'ak' },
    ],
    dates: [
      { text: 'Monday', value: '2020-05-25' },
      { text: 'Friday', value: '2020-05-22' },
      { text: 'Friday', value: '2020-05-22', nth: 1 },
      { text: 'Monday', value: '2020-05-25', nth: 1 },
      { text: '2018', value: '2018' },
      { text: 'January', value: '2020-01' },
    ],
  });
}
