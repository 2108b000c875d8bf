import fc from 'fast-check';
import { contentHash, toGraph } from '../../src/graph/to-graph.js';
import { NODE_PROPS, REL_PROPS } from '../../src/graph/types.js';
import type { Article, ExtractionRecord } from '../../src/model/types.js';

const article: Article = { id: 'a1', date: '2021-03-02', text: 'Ruritania accused Acme Corp. of spying, Ruritania said.' };
const record: ExtractionRecord = {
  schemaVersion: 1,
  article: { id: 'a1', date: '2021-03-02' },
  entities: [
    { id: 'e1', key: 'LOC:ruritania', name: 'Ruritania', class: 'LOC', subtype: 'country', aliases: [], mentions: [{ text: 'Ruritania', start: 0, end: 9 }, { text: 'Ruritania', start: 40, end: 49 }] },
    { id: 'e2', key: 'ORG:acme corp', name: 'Acme Corp.', class: 'ORG', subtype: 'company', aliases: ['Acme'], mentions: [{ text: 'Acme Corp.', start: 18, end: 28 }] },
  ],
  references: [],
  events: [
    { id: 'ev1', type: 'ACCUSE', source: ['e1'], targets: ['e2'], charge: 'spying', date: '2021-03-02', trigger: 'accused', confidence: 0.9, evidence: { start: 0, end: 55, text: article.text } },
  ],
  nonFactual: [],
  dates: [],
};

describe('toGraph', () => {
  const rows = toGraph(article, record, 'v1');

  it('makes one Article, one node per entity and one Event', () => {
    expect(rows.nodes.map((n) => `${n.label}:${n.key}`)).toEqual(['Article:a1', 'Location:LOC:ruritania', 'Organization:ORG:acme corp', 'Event:ev1']);
  });

  it('gives every node every property of its label, null where unknown', () => {
    for (const n of rows.nodes) expect(Object.keys(n.props).sort()).toEqual(Object.keys(NODE_PROPS[n.label]).sort());
    expect(rows.nodes[0]!.props.title).toBeNull();
  });

  it('adds the secondary labels Neo4j shows in Browser', () => {
    expect(rows.nodes.find((n) => n.label === 'Organization')!.extraLabels).toEqual(['Company']);
    expect(rows.nodes.find((n) => n.label === 'Event')!.extraLabels).toEqual(['Accusation']);
  });

  it('links the event BY, AGAINST, REPORTED_IN and draws the direct ACCUSED edge with date and charge', () => {
    const rels = rows.relationships.map((r) => `${r.type} ${r.from.key}->${r.to.key}`);
    expect(rels).toEqual(expect.arrayContaining(['BY ev1->LOC:ruritania', 'AGAINST ev1->ORG:acme corp', 'REPORTED_IN ev1->a1', 'ACCUSED LOC:ruritania->ORG:acme corp']));
    const accused = rows.relationships.find((r) => r.type === 'ACCUSED')!;
    expect(accused.props).toEqual({ event: 'ev1', date: '2021-03-02', charge: 'spying' });
  });

  it('counts mentions with their offsets', () => {
    const m = rows.relationships.find((r) => r.type === 'MENTIONS' && r.to.key === 'LOC:ruritania')!;
    expect(m.props).toEqual({ count: 2, starts: [0, 40], ends: [9, 49] });
    for (const r of rows.relationships) expect(Object.keys(r.props).sort()).toEqual(Object.keys(REL_PROPS[r.type]).sort());
  });

  it('writes actor links (spokesperson, affiliation) as relationships between entity nodes, once per pair', () => {
    const linked: ExtractionRecord = {
      ...record,
      entities: [
        { ...record.entities[0]! },
        { ...record.entities[1]!, relations: [{ type: 'AFFILIATED_WITH', entity: 'e1' }, { type: 'AFFILIATED_WITH', entity: 'e1' }, { type: 'HEADED_BY', entity: 'e2' }] },
      ],
    };
    const links = toGraph(article, linked, 'v1').relationships.filter((r) => r.type === 'AFFILIATED_WITH' || r.type === 'HEADED_BY');
    expect(links.map((r) => `${r.type} ${r.from.key}->${r.to.key}`)).toEqual(['AFFILIATED_WITH ORG:acme corp->LOC:ruritania']);
  });

  it('links each named member to its group entity with MEMBER_OF', () => {
    const grouped: ExtractionRecord = {
      ...record,
      entities: [
        ...record.entities,
        { id: 'g1', key: 'MISC:group:a1:two companies', name: 'two companies', class: 'MISC', subtype: 'group', group: true, members: ['e2', 'e9'], aliases: [], mentions: [] },
      ],
    };
    const rows = toGraph(article, grouped, 'v1');
    expect(rows.relationships.filter((r) => r.type === 'MEMBER_OF').map((r) => `${r.from.key}->${r.to.key}`)).toEqual(['ORG:acme corp->MISC:group:a1:two companies']);
    expect(rows.nodes.find((n) => n.key === 'MISC:group:a1:two companies')!.extraLabels).toEqual(['Group']);
  });

  it("keeps a person's title as a property, not in the name", () => {
    const titled: ExtractionRecord = {
      ...record,
      entities: [...record.entities, { id: 'p1', key: 'PER:jane roe', name: 'Jane Roe', class: 'PER', title: 'President', aliases: [], mentions: [] }],
    };
    const person = toGraph(article, titled, 'v1').nodes.find((n) => n.label === 'Person')!;
    expect(person.props).toMatchObject({ name: 'Jane Roe', title: 'President' });
  });

  it('hashes text, date and extractor version', () => {
    expect(contentHash(article, 'v1')).toBe(rows.contentHash);
    expect(contentHash(article, 'v2')).not.toBe(rows.contentHash);
    expect(contentHash({ ...article, date: '2021-03-03' }, 'v1')).not.toBe(rows.contentHash);
  });

  it('rows survive a JSON round trip for any article text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = toGraph({ ...article, text }, record, 'v1');
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
    );
  });
});
