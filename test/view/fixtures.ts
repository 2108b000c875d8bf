// A small hand-made graph for the view tests: an accusation, a sanction, a retaliation, an undated accusation.
import type { GraphRows } from '../../src/graph/types.js';
import { rowsFor } from '../store/fixtures.js';

const V1_TEXT =
  "China's foreign ministry on Monday accused the Trump administration of interfering in China's affairs. " +
  'The Commerce Department on Friday added Huawei to its entity list.';
const V2_TEXT = 'Beijing retaliated against Lockheed Martin on Wednesday. Huawei accused the Commerce Department of bullying.';

export const VIEW_ROWS: readonly GraphRows[] = [
  rowsFor(
    { id: 'v1', date: '2020-05-25', text: V1_TEXT },
    [
      { id: 'e1', cls: 'LOC', name: 'China', key: 'LOC:china', subtype: 'country' },
      { id: 'e2', cls: 'ORG', name: 'foreign ministry', key: 'ORG:china-foreign-ministry', subtype: 'government_body' },
      { id: 'e3', cls: 'ORG', name: 'Trump administration', key: 'ORG:trump-administration', subtype: 'government' },
      { id: 'e4', cls: 'ORG', name: 'Huawei', key: 'ORG:huawei', subtype: 'company' },
      { id: 'e5', cls: 'ORG', name: 'Commerce Department', key: 'ORG:commerce-department', subtype: 'government_body' },
    ],
    [
      {
        id: 'ev-v1-accuse', type: 'ACCUSE', by: ['e2'], against: ['e3'], date: '2020-05-25', charge: "interfering in China's affairs",
        evidence: "China's foreign ministry on Monday accused the Trump administration of interfering in China's affairs.", confidence: 0.9,
      },
      {
        id: 'ev-v1-sanction', type: 'SANCTION', by: ['e5'], against: ['e4'], date: '2020-05-22',
        evidence: 'The Commerce Department on Friday added Huawei to its entity list.', confidence: 0.8,
      },
    ],
  ),
  rowsFor(
    { id: 'v2', date: '2020-06-10', text: V2_TEXT },
    [
      { id: 'f1', cls: 'LOC', name: 'Beijing', key: 'LOC:beijing', subtype: 'city' },
      { id: 'f2', cls: 'ORG', name: 'Lockheed Martin', key: 'ORG:lockheed-martin', subtype: 'company' },
      { id: 'f3', cls: 'ORG', name: 'Huawei', key: 'ORG:huawei', subtype: 'company' },
      { id: 'f4', cls: 'ORG', name: 'Commerce Department', key: 'ORG:commerce-department', subtype: 'government_body' },
    ],
    [
      {
        id: 'ev-v2-retaliate', type: 'RETALIATE', by: ['f1'], against: ['f2'], date: '2020-06-10',
        evidence: 'Beijing retaliated against Lockheed Martin on Wednesday.', confidence: 0.8,
      },
      {
        id: 'ev-v2-accuse', type: 'ACCUSE', by: ['f3'], against: ['f4'], charge: 'bullying',
        evidence: 'Huawei accused the Commerce Department of bullying.', confidence: 0.7,
      },
    ],
  ),
];
