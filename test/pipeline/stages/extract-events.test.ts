// Sentence-pattern tables for the event stage; each Doc is built by hand (tokens from the real tokenizer).
import { extractEvents, readEvents } from '../../../src/pipeline/stages/extract-events.js';
import type { Doc, Event } from '../../../src/model/types.js';
import { makeDoc, type DateSpec, type EntitySpec, type RefSpec } from '../../events/make-doc.js';

const E = {
  jp: { id: 'jp', name: 'Japan', class: 'LOC', names: ['Japan', 'Tokyo'] },
  kr: { id: 'kr', name: 'South Korea', class: 'LOC', names: ['South Korea', 'Seoul'] },
  ru: { id: 'ru', name: 'Russia', class: 'LOC', names: ['Russia', 'Moscow'] },
  ca: { id: 'ca', name: 'Canada', class: 'LOC', names: ['Canada', 'Ottawa'] },
  cn: { id: 'cn', name: 'China', class: 'LOC', names: ['China', 'Beijing'] },
  au: { id: 'au', name: 'Australia', class: 'LOC', names: ['Australia', 'Canberra'] },
  br: { id: 'br', name: 'Brazil', class: 'LOC', names: ['Brazil'] },
  ar: { id: 'ar', name: 'Argentina', class: 'LOC', names: ['Argentina'] },
  mx: { id: 'mx', name: 'Mexico', class: 'LOC', names: ['Mexico'] },
  de: { id: 'de', name: 'Germany', class: 'LOC', names: ['Germany', 'Berlin'] },
  ec: { id: 'ec', name: 'European Commission', class: 'ORG', names: ['European Commission'] },
  td: { id: 'td', name: 'Treasury Department', class: 'ORG', names: ['Treasury Department'] },
  dj: { id: 'dj', name: 'Justice Department', class: 'ORG', names: ['Justice Department'] },
  ka: { id: 'ka', name: 'Kaluga Aero', class: 'ORG', names: ['Kaluga Aero'] },
  va: { id: 'va', name: 'Volgograd Avia', class: 'ORG', names: ['Volgograd Avia'] },
  ac: { id: 'ac', name: 'Acme Corp.', class: 'ORG', names: ['Acme Corp.'] },
  zn: { id: 'zn', name: 'Zenith Ltd.', class: 'ORG', names: ['Zenith Ltd.'] },
  tt: { id: 'tt', name: 'TikTok', class: 'ORG', names: ['TikTok'] },
  wc: { id: 'wc', name: 'WeChat', class: 'ORG', names: ['WeChat'] },
  in: { id: 'in', name: 'India', class: 'LOC', names: ['India', 'New Delhi'] },
  fm: { id: 'fm', name: 'Foreign Ministry', class: 'ORG', names: [] },
  li: { id: 'li', name: 'Li Wen', class: 'PER', names: ['Li Wen', 'Li'] },
  ab: { id: 'ab', name: 'Anna Berg', class: 'PER', names: ['Anna Berg', 'Berg'] },
  dt: { id: 'dt', name: 'Donald Trump', class: 'PER', names: ['Donald Trump', 'Trump'] },
} satisfies Record<string, EntitySpec>;

interface Case {
  readonly name: string;
  readonly text: string;
  readonly entities: readonly EntitySpec[];
  readonly references?: readonly RefSpec[];
  readonly dates?: readonly DateSpec[];
  readonly date?: string;
  readonly expect: readonly Partial<Event>[];
  readonly nonFactual?: readonly Partial<Event>[];
}

function run(c: Case): { doc: Doc; events: Event[]; nonFactual: Event[]; log: string[] } {
  const doc = makeDoc(c.text, { entities: c.entities, references: c.references ?? [], dates: c.dates ?? [], date: c.date ?? '2020-05-27' });
  const log: string[] = [];
  const out = extractEvents.run(doc, { referenceDate: doc.article.date, options: {}, debug: (m) => log.push(m()) });
  return { doc, events: [...out.events], nonFactual: [...out.nonFactual], log };
}

function expectMatch(actual: readonly Event[], wanted: readonly Partial<Event>[], c: Case, log: string[]): void {
  for (const w of wanted) {
    const hit = actual.find((e) => e.type === w.type && (w.source === undefined || sameSet(e.source, w.source)) && (w.targets === undefined || sameSet(e.targets, w.targets)));
    if (!hit) throw new Error(`${c.name}: no ${w.type} ${JSON.stringify(w.source)} -> ${JSON.stringify(w.targets)} in ${JSON.stringify(actual.map(brief))}\n${log.join('\n')}`);
    if (w.charge !== undefined) expect(hit.charge).toBe(w.charge);
    if ('date' in w) expect(hit.date).toBe(w.date);
    if (w.modality !== undefined) expect(hit.modality).toBe(w.modality);
    if (w.quote !== undefined) expect(hit.quote).toContain(w.quote);
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
const brief = (e: Event): string => `${e.type}(${e.source.join('+')}->${e.targets.join('+')}; ${e.charge ?? ''}; ${e.date ?? '-'}${e.modality ? `; ${e.modality}` : ''})`;

const ACTIVE: Case[] = [
  {
    name: 'accuse X of Y, date in the clause',
    text: 'Japan accused South Korea on Tuesday of dumping steel.',
    entities: [E.jp, E.kr],
    dates: [{ text: 'Tuesday', value: '2020-05-26' }],
    expect: [{ type: 'ACCUSE', source: ['jp'], targets: ['kr'], charge: 'dumping steel', date: '2020-05-26' }],
  },
  {
    name: 'condemn X over Y',
    text: 'The European Commission condemned Russia over the cyberattack.',
    entities: [E.ec, E.ru],
    expect: [{ type: 'CRITICIZE', source: ['ec'], targets: ['ru'], charge: 'the cyberattack', date: '2020-05-27' }],
  },
  {
    name: 'urge X to do Y',
    text: 'Beijing urged Canberra to drop the investigation into its wine exports.',
    entities: [E.cn, E.au],
    expect: [{ type: 'DEMAND', source: ['cn'], targets: ['au'], charge: 'drop the investigation into its wine exports' }],
  },
  {
    name: 'demand that X do Y',
    text: 'Ottawa demanded Monday that Beijing release the two detained men.',
    entities: [E.ca, E.cn],
    dates: [{ text: 'Monday', value: '2020-05-25' }],
    expect: [{ type: 'DEMAND', source: ['ca'], targets: ['cn'], charge: 'release the two detained men', date: '2020-05-25' }],
  },
  {
    name: 'call on X to',
    text: 'Germany called on Russia to withdraw its troops.',
    entities: [E.de, E.ru],
    expect: [{ type: 'DEMAND', source: ['de'], targets: ['ru'], charge: 'withdraw its troops' }],
  },
  {
    name: 'sanction verb with two targets and a date',
    text: 'The Treasury Department sanctioned Kaluga Aero and Volgograd Avia on Friday.',
    entities: [E.td, E.ka, E.va],
    dates: [{ text: 'Friday', value: '2020-05-22' }],
    expect: [{ type: 'SANCTION', source: ['td'], targets: ['ka', 'va'], date: '2020-05-22' }],
  },
  {
    name: 'measure with a light verb and a demonym target',
    text: 'Beijing imposed tariffs of up to 200% on Australian wine in November.',
    entities: [E.cn, E.au],
    dates: [{ text: 'November', value: '2020-11' }],
    expect: [{ type: 'SANCTION', source: ['cn'], targets: ['au'], date: '2020-11' }],
  },
  {
    name: 'ban with a list of targets',
    text: 'India banned TikTok and WeChat.',
    entities: [E.in, E.tt, E.wc],
    expect: [{ type: 'SANCTION', source: ['in'], targets: ['tt', 'wc'] }],
  },
  {
    name: 'sign a deal with X',
    text: 'Japan signed a trade deal with South Korea in March.',
    entities: [E.jp, E.kr],
    dates: [{ text: 'March', value: '2020-03' }],
    expect: [{ type: 'AGREE', source: ['jp'], targets: ['kr'], date: '2020-03' }],
  },
  {
    name: 'reject X',
    text: 'Moscow rejected the Commission’s findings.',
    entities: [E.ru, { ...E.ec, names: ['Commission'] }],
    expect: [{ type: 'REJECT', source: ['ru'], targets: ['ec'] }],
  },
  {
    name: 'retaliate against X',
    text: 'Beijing retaliated against Canberra with anti-dumping duties.',
    entities: [E.cn, E.au],
    expect: [{ type: 'RETALIATE', source: ['cn'], targets: ['au'] }],
  },
  {
    name: 'threaten to, target named in the condition',
    text: 'Trump threatened to raise tariffs if Mexico fails to stop the flow of migrants.',
    entities: [E.dt, E.mx],
    expect: [{ type: 'THREATEN', source: ['dt'], targets: ['mx'] }],
    nonFactual: [{ type: 'SANCTION', modality: 'hypothetical' }],
  },
];

const PASSIVE: Case[] = [
  {
    name: 'X is accused of Y, Z said',
    text: 'Acme Corp. is accused of stealing trade secrets, the Justice Department said.',
    entities: [E.ac, E.dj],
    expect: [{ type: 'ACCUSE', source: ['dj'], targets: ['ac'], charge: 'stealing trade secrets', date: '2020-05-27' }],
  },
  {
    name: 'passive with a by-agent',
    text: 'Kaluga Aero was sanctioned by the Treasury Department.',
    entities: [E.ka, E.td],
    expect: [{ type: 'SANCTION', source: ['td'], targets: ['ka'] }],
  },
  {
    name: 'agentless passive carries the previous sentence’s speaker and date',
    text: 'Acme Corp. was accused on Friday of bribery, the Justice Department said. Zenith Ltd. is accused of fraud.',
    entities: [E.ac, E.dj, E.zn],
    dates: [{ text: 'Friday', value: '2020-05-22' }],
    expect: [
      { type: 'ACCUSE', source: ['dj'], targets: ['ac'], charge: 'bribery', date: '2020-05-22' },
      { type: 'ACCUSE', source: ['dj'], targets: ['zn'], charge: 'fraud', date: '2020-05-22' },
    ],
  },
];

const REPORTED: Case[] = [
  {
    name: 'misconduct predicate, post-posed speaker with title and apposition',
    text: 'Canada’s embargo violated international law, said a foreign ministry spokeswoman, Anna Berg.',
    entities: [E.ca, E.ab],
    references: [{ text: 'foreign ministry', entity: 'fm' }],
    expect: [
      { type: 'CRITICIZE', source: ['ab', 'fm'], targets: ['ca'], charge: 'violated international law' },
      { type: 'ACCUSE', source: ['ab', 'fm'], targets: ['ca'] },
    ],
  },
  {
    name: 'according to X',
    text: 'According to the foreign ministry, Ottawa harmed bilateral relations.',
    entities: [E.ca, E.fm],
    references: [{ text: 'foreign ministry', entity: 'fm' }],
    expect: [{ type: 'CRITICIZE', source: ['fm'], targets: ['ca'], charge: 'harmed bilateral relations' }],
  },
  {
    name: 'generic present report has no date',
    text: 'Brazil says Argentina is subsidizing its farmers.',
    entities: [E.br, E.ar],
    expect: [{ type: 'ACCUSE', source: ['br'], targets: ['ar'], date: undefined }],
  },
  {
    name: 'demonym speaker',
    text: 'Mexican officials complain Washington steals water from the Rio Grande.',
    entities: [E.mx, { id: 'us', name: 'United States', class: 'LOC', names: ['Washington'] }],
    expect: [{ type: 'ACCUSE', source: ['mx'], targets: ['us'], date: undefined }],
  },
];

const QUOTES: Case[] = [
  {
    name: 'quote then speaker; "we" is the speaker’s side',
    text: '“We urge Ottawa to lift the ban immediately,” Li Wen said.',
    entities: [E.ca, E.li],
    expect: [{ type: 'DEMAND', targets: ['ca'], charge: 'lift the ban immediately', quote: 'We urge Ottawa' }],
  },
  {
    name: 'quote across sentences keeps its speaker',
    text: 'Li Wen told reporters: “Canada is bullying small nations. Ottawa has also violated its commitments.”',
    entities: [E.ca, E.li],
    expect: [{ type: 'ACCUSE', source: ['li'], targets: ['ca'] }],
  },
];

const NEGATION_AND_MODALITY: Case[] = [
  {
    name: 'did not accuse',
    text: 'Germany did not accuse Russia of the attack.',
    entities: [E.de, E.ru],
    expect: [],
    nonFactual: [{ type: 'ACCUSE', source: ['de'], targets: ['ru'], modality: 'negated' }],
  },
  {
    name: 'denied accusing',
    text: 'Germany denied accusing Russia of the attack.',
    entities: [E.de, E.ru],
    expect: [],
    nonFactual: [{ type: 'ACCUSE', source: ['de'], targets: ['ru'], modality: 'negated' }],
  },
  {
    name: 'could impose',
    text: 'Beijing could impose tariffs on Australian barley.',
    entities: [E.cn, E.au],
    expect: [],
    nonFactual: [{ type: 'SANCTION', source: ['cn'], targets: ['au'], modality: 'possible' }],
  },
  {
    name: 'has yet to say whether it will retaliate',
    text: 'Canberra criticized the decision. It has yet to say whether it will retaliate.',
    entities: [E.au],
    expect: [],
    nonFactual: [{ type: 'RETALIATE', source: ['au'] }],
  },
  {
    name: 'would sanction',
    text: 'The Treasury Department would sanction Kaluga Aero if talks fail.',
    entities: [E.td, E.ka],
    expect: [],
    nonFactual: [{ type: 'SANCTION', source: ['td'], targets: ['ka'], modality: 'hypothetical' }],
  },
];

const MULTIPLE: Case[] = [
  {
    name: 'two accused joined by and',
    text: 'The Justice Department accused Acme Corp. and Zenith Ltd. of price fixing.',
    entities: [E.dj, E.ac, E.zn],
    expect: [{ type: 'ACCUSE', source: ['dj'], targets: ['ac', 'zn'], charge: 'price fixing' }],
  },
  {
    name: 'measure on a list with including',
    text: 'Washington imposed curbs on Acme Corp. and other firms including Zenith Ltd. last week.',
    entities: [{ id: 'us', name: 'United States', class: 'LOC', names: ['Washington'] }, E.ac, E.zn],
    expect: [{ type: 'SANCTION', source: ['us'], targets: ['ac', 'zn'] }],
  },
];

const DATING: Case[] = [
  {
    name: 'same source’s dated statement dates the later past-tense report',
    text: 'Berlin accused Moscow on Monday of hacking. Berlin also criticized Moscow for its silence.',
    entities: [E.de, E.ru],
    dates: [{ text: 'Monday', value: '2020-05-25' }],
    expect: [
      { type: 'ACCUSE', source: ['de'], targets: ['ru'], date: '2020-05-25' },
      { type: 'CRITICIZE', source: ['de'], targets: ['ru'], charge: 'its silence', date: '2020-05-25' },
    ],
  },
  {
    name: 'past tense with nothing earlier: the article date',
    text: 'Ottawa criticized Beijing for the detentions.',
    entities: [E.ca, E.cn],
    expect: [{ type: 'CRITICIZE', source: ['ca'], targets: ['cn'], date: '2020-05-27' }],
  },
  {
    name: 'present perfect: no date',
    text: 'Trump has threatened to pull out of the accord.',
    entities: [E.dt],
    expect: [{ type: 'THREATEN', source: ['dt'], date: undefined }],
  },
];

const SPEECH_ACTS: Case[] = [
  {
    name: 'modal demand in a quote: "X should …," Y said',
    text: '“Canada should lift the ban immediately,” Li Wen said.',
    entities: [E.ca, E.li],
    expect: [{ type: 'DEMAND', source: ['li'], targets: ['ca'], charge: 'lift the ban immediately' }],
  },
  {
    name: 'duty as demand: "X has a responsibility to …"',
    text: 'Li Wen said India has a responsibility to protect foreign investors.',
    entities: [E.in, E.li],
    expect: [{ type: 'DEMAND', source: ['li'], targets: ['in'], charge: 'protect foreign investors' }],
  },
  {
    name: 'judgment of a measure: against whoever imposed it',
    text: 'India banned TikTok on Monday. Li Wen said the “unfair treatment” would hurt investors.',
    entities: [E.in, E.tt, E.li],
    dates: [{ text: 'Monday', value: '2020-05-25' }],
    expect: [{ type: 'CRITICIZE', source: ['li'], targets: ['in'] }],
  },
  {
    name: '"called the sanctions illegitimate"',
    text: 'The Treasury Department imposed sanctions on Kaluga Aero. Moscow called the sanctions “illegitimate” on Saturday.',
    entities: [E.td, E.ka, E.ru],
    dates: [{ text: 'Saturday', value: '2020-05-23' }],
    expect: [{ type: 'CRITICIZE', source: ['ru'], targets: ['td'], date: '2020-05-23' }],
  },
  {
    name: 'threat by announcement against the party in the condition',
    text: 'Canberra will take the dispute to the World Trade Organization if Beijing refuses talks, Li Wen said.',
    entities: [E.au, E.cn, E.li],
    expect: [{ type: 'THREATEN', targets: ['cn'] }],
  },
  {
    name: 'threat "would respond" against the party that acted last',
    text: 'Canada imposed tariffs on Chinese steel. Beijing said it would respond.',
    entities: [E.ca, E.cn],
    expect: [{ type: 'THREATEN', source: ['cn'], targets: ['ca'] }],
  },
];

const DISCOURSE: Case[] = [
  {
    name: 'REJECT answers the last act against the rejecting party',
    text: 'The Justice Department accused Acme Corp. of fraud. Acme Corp. rejected the accusation.',
    entities: [E.dj, E.ac],
    expect: [{ type: 'REJECT', source: ['ac'], targets: ['dj'] }],
  },
  {
    name: 'subject before a parenthetical relative clause',
    text: 'The Justice Department accused Acme Corp. of fraud. Acme Corp., which has plants in Mexico, denied that it cheated.',
    entities: [E.dj, E.ac, E.mx],
    expect: [{ type: 'REJECT', source: ['ac'], targets: ['dj'] }],
  },
  {
    name: 'participle adjunct shares the main act: ", accusing them of …"',
    text: 'The Treasury Department sanctioned Kaluga Aero and Volgograd Avia, accusing them of smuggling parts.',
    entities: [E.td, E.ka, E.va],
    expect: [
      { type: 'SANCTION', source: ['td'], targets: ['ka', 'va'] },
      { type: 'ACCUSE', source: ['td'], targets: ['ka', 'va'], charge: 'smuggling parts' },
    ],
  },
  {
    name: 'relative antecedent as the accused; "it" in a report is the speaking organisation',
    text: 'The Treasury Department said it had sanctioned Kaluga Aero, which it accused of smuggling parts.',
    entities: [E.td, E.ka],
    expect: [{ type: 'ACCUSE', source: ['td'], targets: ['ka'], charge: 'smuggling parts' }],
  },
  {
    name: 'a coordinated verb takes its conjunct’s subject across a subordinate clause',
    text: 'Beijing said it was concerned after India banned TikTok, and urged New Delhi to lift the ban.',
    entities: [E.cn, E.in, E.tt],
    expect: [{ type: 'DEMAND', source: ['cn'], targets: ['in'] }],
  },
];

const DATING_BY_SOURCE: Case[] = [
  {
    name: 'a later dated statement of the same source dates an undated past act',
    text: 'Washington imposed curbs on Acme Corp. The measures announced Friday expand a campaign.',
    entities: [{ id: 'us', name: 'United States', class: 'LOC', names: ['Washington'] }, E.ac],
    dates: [{ text: 'Friday', value: '2020-05-22' }],
    expect: [{ type: 'SANCTION', source: ['us'], targets: ['ac'], date: '2020-05-22' }],
  },
  {
    name: '"earlier" leaves the act undated',
    text: 'Beijing criticized curbs imposed earlier on Acme Corp.',
    entities: [E.cn, E.ac],
    expect: [{ type: 'CRITICIZE', source: ['cn'], date: undefined }],
  },
];

const NOTHING: { text: string; entities: readonly EntitySpec[] }[] = [
  { text: 'The tariff war weighs on global trade.', entities: [] },
  { text: 'Companies accused of fraud face fines in Canada.', entities: [E.ca] },
  { text: 'Analysts in Tokyo said the market was volatile.', entities: [E.jp] },
  { text: 'The press conference was held in Berlin.', entities: [E.de] },
  { text: 'Beijing’s exports rose 3% in May.', entities: [E.cn] },
  { text: 'Traders burned Canadian products in protests this month.', entities: [E.ca] },
  // no demand for a passive wish; no judgment when negated
  { text: 'Li Wen said Canadian firms should not be punished and had received no unfair subsidies.', entities: [E.ca, E.li] },
];

describe.each([
  ['active', ACTIVE],
  ['passive', PASSIVE],
  ['reported speech', REPORTED],
  ['quotes', QUOTES],
  ['negation and modality', NEGATION_AND_MODALITY],
  ['multiple targets', MULTIPLE],
  ['dating', DATING],
  ['speech acts', SPEECH_ACTS],
  ['discourse', DISCOURSE],
  ['dating by source', DATING_BY_SOURCE],
])('%s', (_label, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const { events, nonFactual, log } = run(c);
    expectMatch(events, c.expect, c, log);
    if (c.expect.length === 0) expect(events.filter((e) => (c.nonFactual ?? []).some((n) => n.type === e.type))).toEqual([]);
    expectMatch(nonFactual, c.nonFactual ?? [], c, log);
  });
});

describe('sentences without events', () => {
  test.each(NOTHING.map((c) => [c.text, c] as const))('%s', (_t, c) => {
    const doc = makeDoc(c.text, { entities: c.entities });
    const { events, nonFactual } = readEvents(doc);
    expect([...events, ...nonFactual]).toEqual([]);
  });
});

describe('invariants', () => {
  const text = 'Japan accused South Korea of dumping steel. “We reject this,” Seoul said.';
  const doc = makeDoc(text, { entities: [E.jp, E.kr] });
  test('ids are deterministic and evidence slices the text', () => {
    const a = readEvents(doc).events;
    const b = readEvents(doc).events;
    expect(a.map((e) => e.id)).toEqual(b.map((e) => e.id));
    expect(a.length).toBeGreaterThan(0);
    for (const e of a) {
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      for (const id of [...e.source, ...e.targets]) expect(doc.entities.some((x) => x.id === id)).toBe(true);
    }
  });
  test('the stage declares what it reads and writes', () => {
    expect(extractEvents.requires).toEqual(expect.arrayContaining(['sentences', 'tokens', 'entities', 'dates']));
    expect(extractEvents.assigns).toEqual(['events']);
  });
});
