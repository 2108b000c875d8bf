import { cytoscapeSource, renderViewHtml } from '../../src/view/render-html.js';
import { cytoscapeStyle } from '../../src/view/cytoscape-style.js';
import { loadGrass, parseGrass } from '../../src/view/grass.js';
import type { ViewGraph } from '../../src/view/view-graph.js';

const GRAPH: ViewGraph = {
  nodes: [
    { id: 'ORG:a', labels: ['Organization', 'Company'], name: 'Acme </script><b>', caption: 'Acme </script><b>', subtype: 'company', aliases: [] },
    { id: 'LOC:b', labels: ['Location', 'Country'], name: 'B', caption: 'B', subtype: 'country', aliases: [] },
  ],
  edges: [
    {
      id: 'ev|ORG:a|LOC:b', source: 'ORG:a', target: 'LOC:b', type: 'ACCUSED', eventType: 'ACCUSE', event: 'ev', date: '2020-05-25',
      charge: null, quote: null, evidence: 'Acme accused B. </script><script>alert(1)</script>', article: 'a1', articleTitle: null, articleDate: '2020-05-25', caption: 'ACCUSED 2020-05-25',
    },
  ],
};

describe('renderViewHtml', () => {
  const { rules } = loadGrass();
  const cytoscapeJs = cytoscapeSource();
  const html = renderViewHtml(GRAPH, { title: 'T <x>', rules, cytoscapeJs });

  it('is one file: cytoscape inlined, no external scripts, styles or fetches', () => {
    expect(html).toContain(cytoscapeJs.slice(0, 2000));
    expect(html).not.toMatch(/<script[^>]+src=/iu);
    expect(html).not.toMatch(/<link[^>]+href=/iu);
    expect(html).not.toMatch(/\bfetch\(|XMLHttpRequest/u);
  });
  it('escapes text so that data cannot close a script or inject markup', () => {
    expect(html.match(/<\/script>/gu)!.length).toBe(3);
    expect(html).toContain('<title>T &lt;x&gt;</title>');
    const json = /<script type="application\/json" id="newsgraph-data">(.*?)<\/script>/su.exec(html)![1]!;
    const data = JSON.parse(json) as { elements: { data: { evidence?: string; name?: string } }[]; edgeTypes: string[]; dateMin: string };
    expect(data.elements.find((e) => e.data.evidence)!.data.evidence).toBe(GRAPH.edges[0]!.evidence);
    expect(data.edgeTypes).toEqual(['ACCUSED']);
    expect(data.dateMin).toBe('2020-05-25');
  });
  it('is deterministic', () => {
    expect(renderViewHtml(GRAPH, { title: 'T <x>', rules, cytoscapeJs })).toBe(html);
  });
});

describe('cytoscapeStyle', () => {
  it('turns grass rules into cytoscape rules in the same order', () => {
    const style = cytoscapeStyle(parseGrass("node.Person { color: #4C8EDA; diameter: 55px; }\nnode.Company { color: #F79767; }\nrelationship.ACCUSED { color: #E0524F; shaft-width: 3px; }"));
    const sel = style.map((s) => s.selector);
    expect(sel.indexOf('node.Person')).toBeLessThan(sel.indexOf('node.Company'));
    expect(style.find((s) => s.selector === 'node.Person')!.style).toMatchObject({ 'background-color': '#4C8EDA', width: 55, height: 55 });
    expect(style.find((s) => s.selector === 'edge.ACCUSED')!.style).toMatchObject({ 'line-color': '#E0524F', 'target-arrow-color': '#E0524F', width: 3 });
    expect(sel).toContain('.filtered');
  });
});
