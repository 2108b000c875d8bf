import { loadGrass } from '../../src/view/grass.js';
import { buildViewGraph, graphElements, labelsOf, type EventDetail } from '../../src/view/view-graph.js';

const node = (key: string, name: string, labels: string[], subtype: string | null = null) => ({
  labels,
  properties: { key, name, aliases: [name], ...(subtype ? { subtype } : {}) },
});
const rel = (type: string, event: string, date?: string) => ({ type, properties: { event, ...(date ? { date } : {}) } });
const detail = (event: string, type: string, source: string, target: string, extra: Partial<EventDetail> = {}): EventDetail => ({
  event, type, source, target, date: null, charge: null, quote: null, evidence: null, article: 'a1', title: null, articleDate: '2020-05-25', ...extra,
});

const MIN = node('ORG:min', 'foreign ministry', ['Organization'], 'government_body');
const TRUMP = node('ORG:trump', 'Trump administration', ['Organization', 'Government'], 'government');
const HUAWEI = node('ORG:huawei', 'Huawei', ['Organization'], 'company');
const ART = { labels: ['Article'], properties: { id: 'a1' } };

describe('graphElements', () => {
  it('collects actors and direct-edge events from paths, node and relationship columns, and lists', () => {
    const el = graphElements([
      { p: { nodes: [MIN, TRUMP], relationships: [rel('ACCUSED', 'ev1', '2020-05-25')] } },
      { x: [HUAWEI, ART], r: rel('SANCTIONED', 'ev2'), m: { type: 'MENTIONS', properties: { count: 1 } }, n: 3 },
    ]);
    expect([...el.nodes.keys()].sort()).toEqual(['ORG:huawei', 'ORG:min', 'ORG:trump']);
    expect([...el.events.keys()].sort()).toEqual(['ev1', 'ev2']);
    expect(el.events.get('ev1')!.size).toBe(1);
    expect(el.events.get('ev2')!.size).toBe(0);
  });
  it('finds nothing in scalar rows', () => {
    const el = graphElements([{ accuser: 'A', accused: 'B', date: '2020-05-25' }]);
    expect(el.nodes.size + el.events.size).toBe(0);
  });
});

describe('buildViewGraph', () => {
  const { rules } = loadGrass();
  it('draws one edge per event, source and target, with evidence and a typed, dated caption', () => {
    const el = graphElements([{ p: { nodes: [MIN, TRUMP], relationships: [rel('ACCUSED', 'ev1', '2020-05-25')] } }]);
    const g = buildViewGraph(el, [detail('ev1', 'ACCUSE', 'ORG:min', 'ORG:trump', { date: '2020-05-25', evidence: 'The ministry accused …', charge: 'interfering' })], rules);
    expect(g.nodes.map((n) => n.id)).toEqual(['ORG:min', 'ORG:trump']);
    expect(g.edges).toEqual([
      expect.objectContaining({ source: 'ORG:min', target: 'ORG:trump', type: 'ACCUSED', eventType: 'ACCUSE', caption: 'ACCUSED 2020-05-25', evidence: 'The ministry accused …', charge: 'interfering', article: 'a1' }),
    ]);
  });
  it('keeps the direction from the event even when a path walks the edge backwards', () => {
    const el = graphElements([{ p: { nodes: [TRUMP, MIN], relationships: [rel('ACCUSED', 'ev1')] } }]);
    const g = buildViewGraph(el, [detail('ev1', 'ACCUSE', 'ORG:min', 'ORG:trump')], rules);
    expect(g.edges.map((e) => [e.source, e.target])).toEqual([['ORG:min', 'ORG:trump']]);
    expect(g.edges[0]!.caption).toBe('ACCUSED');
  });
  it('draws only the pair a path went through when an event has several targets', () => {
    const el = graphElements([{ p: { nodes: [MIN, TRUMP], relationships: [rel('ACCUSED', 'ev1')] } }, { h: HUAWEI }]);
    const g = buildViewGraph(el, [detail('ev1', 'ACCUSE', 'ORG:min', 'ORG:trump'), detail('ev1', 'ACCUSE', 'ORG:min', 'ORG:huawei')], rules);
    expect(g.edges.map((e) => e.target)).toEqual(['ORG:trump']);
  });
  it('skips events whose ends are not drawn, and events the rows did not show', () => {
    const el = graphElements([{ a: MIN, r: rel('ACCUSED', 'ev1') }]);
    const g = buildViewGraph(el, [detail('ev1', 'ACCUSE', 'ORG:min', 'ORG:trump'), detail('ev9', 'ACCUSE', 'ORG:min', 'ORG:min')], rules);
    expect(g.edges).toEqual([]);
  });
  it('styles embedded-store nodes like Neo4j ones: secondary labels from the subtype', () => {
    expect(labelsOf(node('ORG:x', 'X', ['Organization'], 'company'))).toEqual(['Organization', 'Company']);
    expect(labelsOf(node('ORG:x', 'X', ['Organization', 'Company'], 'company'))).toEqual(['Organization', 'Company']);
    expect(labelsOf(node('ORG:x', 'X', ['Organization'], 'unknown-kind'))).toEqual(['Organization']);
  });
});
