// Grass rules -> a cytoscape stylesheet, so the standalone view looks like Neo4j Browser with browser/newsgraph.grass.
import type { GrassRule } from './grass.js';

export interface CyStyle {
  readonly selector: string;
  readonly style: Readonly<Record<string, string | number>>;
}

const px = (v: string | undefined): number | undefined => {
  const n = v === undefined ? NaN : Number.parseFloat(v);
  return Number.isFinite(n) ? n : undefined;
};

/** A CSS class name cytoscape accepts (labels and types are identifiers already; anything else is dropped). */
const CLASS_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/u;

/**
 * One cytoscape rule per grass rule, in the same order (later rules win in both), plus the view's own states.
 * Captions are computed per element (data(caption)); node captions sit under the node, edge captions along it.
 * @example cytoscapeStyle(parseGrass('node.Person { color: #4C8EDA; }'))[2] // { selector: 'node.Person', style: { 'background-color': '#4C8EDA' } }
 */
export function cytoscapeStyle(rules: readonly GrassRule[]): CyStyle[] {
  const out: CyStyle[] = [
    {
      selector: 'node',
      style: {
        label: 'data(caption)',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        color: '#1F2328',
        'text-outline-color': '#FFFFFF',
        'text-outline-width': 2,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': 14,
      },
    },
    {
      selector: 'edge',
      style: {
        label: 'data(caption)',
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1.1,
        'text-rotation': 'autorotate',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': 10,
        color: '#333333',
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
      },
    },
  ];
  for (const r of rules) {
    if (!r.classes.every((c) => CLASS_NAME.test(c))) continue;
    const selector = `${r.tag === 'node' ? 'node' : 'edge'}${r.classes.map((c) => `.${c}`).join('')}`;
    const style: Record<string, string | number> = {};
    const p = r.props;
    if (r.tag === 'node') {
      if (p.color) style['background-color'] = p.color;
      if (p['border-color']) style['border-color'] = p['border-color'];
      const bw = px(p['border-width']);
      if (bw !== undefined) style['border-width'] = bw;
      const d = px(p.diameter);
      if (d !== undefined) {
        style.width = d;
        style.height = d;
      }
      const fs = px(p['font-size']);
      if (fs !== undefined) style['font-size'] = Math.max(fs + 4, 13);
    } else {
      if (p.color) {
        style['line-color'] = p.color;
        style['target-arrow-color'] = p.color;
      }
      const w = px(p['shaft-width']);
      if (w !== undefined) style.width = Math.max(w, 1.5);
      const fs = px(p['font-size']);
      if (fs !== undefined) style['font-size'] = Math.max(fs + 2, 10);
    }
    if (Object.keys(style).length > 0) out.push({ selector, style });
  }
  out.push(
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node.hover, node:selected', style: { 'border-width': 5, 'border-color': '#1F2328' } },
    { selector: 'edge.hover, edge:selected', style: { width: 5, 'z-index': 10 } },
  );
  return out;
}
