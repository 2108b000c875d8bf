// The actor network -> one self-contained HTML file: cytoscape inlined, data inlined, no network needed to open it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cytoscapeStyle } from './cytoscape-style.js';
import type { GrassRule } from './grass.js';
import type { ViewGraph } from './view-graph.js';

export interface RenderOptions {
  /** Page title and heading. */
  readonly title: string;
  /** The grass rules the view styles nodes and edges with (browser/newsgraph.grass). */
  readonly rules: readonly GrassRule[];
  /** cytoscape's minified browser build (see cytoscapeSource). */
  readonly cytoscapeJs: string;
  /** Shown under the heading, e.g. the query name and store. */
  readonly subtitle?: string;
}

/** The cytoscape build that gets inlined into every view. */
export function cytoscapeSource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');
}

const escapeHtml = (s: string): string =>
  s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/** JSON that is safe inside <script type="application/json">. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</gu, '\\u003c');

/** JavaScript that is safe inside <script>. */
const scriptJs = (js: string): string => js.replace(/<\/(script)/giu, '<\\/$1');

/**
 * Renders the view. Pure: same graph and options, same HTML.
 * @example writeFileSync('graph.html', renderViewHtml(graph, { title: 'newsgraph', rules, cytoscapeJs: cytoscapeSource() }))
 */
export function renderViewHtml(graph: ViewGraph, options: RenderOptions): string {
  const elements = [
    ...graph.nodes.map((n) => ({
      group: 'nodes',
      data: { id: n.id, name: n.name, caption: n.caption, labels: n.labels, subtype: n.subtype, aliases: n.aliases },
      classes: n.labels.filter((l) => /^[A-Za-z_][A-Za-z0-9_]*$/u.test(l)).join(' '),
    })),
    ...graph.edges.map((e) => ({
      group: 'edges',
      data: { ...e },
      classes: e.type,
    })),
  ];
  const eventTypes = [...new Set(graph.edges.map((e) => e.type))].sort();
  const dates = graph.edges.map((e) => e.date).filter((d): d is string => !!d).sort();
  const data = {
    elements,
    style: cytoscapeStyle(options.rules),
    edgeTypes: eventTypes,
    dateMin: dates[0] ?? '',
    dateMax: dates[dates.length - 1] ?? '',
    colors: edgeColors(options.rules, eventTypes),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph view">
<title>${escapeHtml(options.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(options.title)}</h1>
  ${options.subtitle ? `<p class="sub">${escapeHtml(options.subtitle)}</p>` : ''}
</header>
<main>
  <div id="cy" role="img" aria-label="actor network"></div>
  <aside>
    <section id="filters">
      <h2>Filter</h2>
      <fieldset id="types"><legend>Event type</legend></fieldset>
      <fieldset id="dates"><legend>Date (YYYY, YYYY-MM or YYYY-MM-DD)</legend>
        <label>from <input id="date-from" type="text" inputmode="numeric" placeholder="${escapeHtml(data.dateMin || 'YYYY-MM-DD')}" size="11"></label>
        <label>to <input id="date-to" type="text" inputmode="numeric" placeholder="${escapeHtml(data.dateMax || 'YYYY-MM-DD')}" size="11"></label>
        <label><input id="undated" type="checkbox" checked> undated events</label>
      </fieldset>
      <button id="reset" type="button">Show all</button>
      <p id="count" aria-live="polite"></p>
    </section>
    <section id="info"><h2>Details</h2><p class="hint">Hover or tap an edge to see the sentence that reports it; hover a node to see the actor.</p></section>
  </aside>
</main>
<script type="application/json" id="newsgraph-data">${scriptJson(data)}</script>
<script>${scriptJs(options.cytoscapeJs)}</script>
<script>${CLIENT_JS}</script>
</body>
</html>
`;
}

function edgeColors(rules: readonly GrassRule[], types: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of types) {
    for (const r of rules) if (r.tag === 'relationship' && r.classes.every((c) => c === t) && r.props.color) out[t] = r.props.color;
  }
  return out;
}

const CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1F2328;background:#F6F8FA}
header{padding:10px 16px;border-bottom:1px solid #D0D7DE;background:#FFFFFF}
h1{font-size:18px;margin:0}
h2{font-size:14px;margin:0 0 6px}
.sub{margin:2px 0 0;color:#57606A;font-size:12px}
main{display:flex;height:calc(100% - 58px)}
#cy{flex:1;min-width:0;background:#FFFFFF}
aside{width:320px;overflow:auto;border-left:1px solid #D0D7DE;padding:12px;font-size:13px;background:#F6F8FA}
fieldset{border:1px solid #D0D7DE;border-radius:6px;margin:0 0 10px;padding:6px 10px}
legend{font-size:12px;color:#57606A}
fieldset label{display:block;margin:3px 0}
.swatch{display:inline-block;width:12px;height:4px;margin:0 6px 2px 2px;vertical-align:middle;border-radius:2px}
#info blockquote{margin:6px 0;padding:6px 10px;border-left:4px solid #D0D7DE;background:#FFFFFF}
#info dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:0}
#info dt{color:#57606A}
#info dd{margin:0}
.hint{color:#57606A}
button{font:inherit;padding:3px 10px}
`;

/** The page's own script: builds the graph, lays it out, filters and shows details. Plain ES2019, no imports. */
const CLIENT_JS = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('newsgraph-data').textContent);
  // A seeded random source during layout, so the same file draws the same picture every time.
  var seed = 20200525;
  var realRandom = Math.random;
  Math.random = function () {
    seed = (seed + 0x6D2B79F5) | 0;
    var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  var cy = cytoscape({
    container: document.getElementById('cy'),
    elements: data.elements,
    style: data.style,
    layout: { name: 'cose', animate: false, randomize: true, nodeRepulsion: function () { return 300000; },
      idealEdgeLength: function () { return 90; }, nodeOverlap: 20, padding: 30, componentSpacing: 50, gravity: 1.5, numIter: 2500 },
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4
  });
  Math.random = realRandom;
  window.cy = cy;

  var typesBox = document.getElementById('types');
  data.edgeTypes.forEach(function (t) {
    var label = document.createElement('label');
    var box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = t;
    box.className = 'type-filter';
    box.id = 'type-' + t;
    var swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = data.colors[t] || '#A5ABB6';
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(t + ' (' + cy.edges('.' + t).length + ')'));
    typesBox.appendChild(label);
  });
  if (data.edgeTypes.length === 0) typesBox.appendChild(document.createTextNode('no events in this view'));

  var fromInput = document.getElementById('date-from');
  var toInput = document.getElementById('date-to');
  var undatedInput = document.getElementById('undated');

  // A partial date (2020-05) overlapping the range counts, as in queries/timeline.cypher.
  function inRange(date, from, to) {
    if (from && !(date >= from || from.indexOf(date) === 0)) return false;
    if (to && !(date <= to || date.indexOf(to) === 0)) return false;
    return true;
  }

  function currentFilter() {
    var types = [];
    document.querySelectorAll('input.type-filter').forEach(function (b) { if (b.checked) types.push(b.value); });
    return { types: types, from: fromInput.value.trim(), to: toInput.value.trim(), undated: undatedInput.checked };
  }

  function applyFilter(f) {
    f = f || currentFilter();
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        var d = e.data('date');
        var ok = f.types.indexOf(e.data('type')) >= 0 && (d ? inRange(d, f.from, f.to) : f.undated);
        e.toggleClass('filtered', !ok);
      });
      cy.nodes().forEach(function (n) {
        var all = n.connectedEdges();
        var shown = all.filter(function (e) { return !e.hasClass('filtered'); });
        n.toggleClass('filtered', all.length > 0 && shown.length === 0);
      });
    });
    var nodes = cy.nodes().not('.filtered').length;
    var edges = cy.edges().not('.filtered').length;
    document.getElementById('count').textContent = nodes + ' actors, ' + edges + ' edges shown';
    return { nodes: nodes, edges: edges };
  }

  typesBox.addEventListener('change', function () { applyFilter(); });
  [fromInput, toInput].forEach(function (i) { i.addEventListener('input', function () { applyFilter(); }); });
  undatedInput.addEventListener('change', function () { applyFilter(); });
  document.getElementById('reset').addEventListener('click', function () {
    document.querySelectorAll('input.type-filter').forEach(function (b) { b.checked = true; });
    fromInput.value = '';
    toInput.value = '';
    undatedInput.checked = true;
    applyFilter();
  });

  var info = document.getElementById('info');
  function text(tag, s, cls) {
    var el = document.createElement(tag);
    el.textContent = s;
    if (cls) el.className = cls;
    return el;
  }
  function list(pairs) {
    var dl = document.createElement('dl');
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === '') return;
      dl.appendChild(text('dt', p[0]));
      dl.appendChild(text('dd', String(p[1])));
    });
    return dl;
  }
  function showEdge(e) {
    var d = e.data();
    info.innerHTML = '';
    info.appendChild(text('h2', d.type + (d.date ? ' ' + d.date : '')));
    info.appendChild(list([
      ['by', e.source().data('name')],
      ['against', e.target().data('name')],
      ['charge', d.charge],
      ['event', d.eventType],
      ['date', d.date || 'not stated'],
      ['article', d.article + (d.articleTitle ? ' (' + d.articleTitle + ')' : '')],
      ['published', d.articleDate]
    ]));
    if (d.evidence) info.appendChild(text('blockquote', d.evidence, 'evidence'));
    if (d.quote) info.appendChild(text('p', 'Quote: \u201c' + d.quote + '\u201d'));
  }
  function showNode(n) {
    var d = n.data();
    info.innerHTML = '';
    info.appendChild(text('h2', d.name));
    info.appendChild(list([
      ['labels', d.labels.join(', ')],
      ['key', d.id],
      ['also called', (d.aliases || []).filter(function (a) { return a !== d.name; }).join(', ')],
      ['edges', n.connectedEdges().not('.filtered').length]
    ]));
  }
  cy.on('mouseover tap', 'edge', function (ev) { cy.elements().removeClass('hover'); ev.target.addClass('hover'); showEdge(ev.target); });
  cy.on('mouseover tap', 'node', function (ev) { cy.elements().removeClass('hover'); ev.target.addClass('hover'); showNode(ev.target); });
  cy.on('mouseout', 'edge, node', function (ev) { ev.target.removeClass('hover'); });

  window.newsgraphView = { applyFilter: applyFilter, currentFilter: currentFilter, showEdge: showEdge, showNode: showNode };
  applyFilter();
  document.body.setAttribute('data-ready', 'true');
})();
`;
