// The graph as CSV files in the layout `neo4j-admin database import full` reads: one nodes file per label with
// `:ID` and `:LABEL`, one relationships file per type with `:START_ID`, `:END_ID` and `:TYPE`, typed headers.
import { NODE_PROPS, REL_PROPS, type NodeLabel, type NodeRef, type PropType, type PropValue, type RelType } from '../graph/types.js';
import { FLOAT_PROPS } from '../store/load-article.js';
import type { GraphDump } from './read-graph.js';

export interface CsvExport {
  /** File name -> content, `nodes-<Label>.csv` and `relationships-<TYPE>.csv`. */
  readonly files: ReadonlyMap<string, string>;
  /** Separator of list values (`aliases`, `starts`, several labels): `;` unless some value holds one. */
  readonly arrayDelimiter: string;
  /** The neo4j-admin command that imports the files (run from their folder). */
  readonly command: string;
}

const DELIMITERS = [';', '|', '¦', '\u001f'];

/** One global ID space: `:ID` is `<Label>/<key>`, unique across labels; the node keeps its own `id`/`key` property. */
export function csvId(ref: NodeRef): string {
  return `${ref.label}/${ref.key}`;
}

function header(prop: string, type: PropType): string {
  switch (type) {
    case 'string':
      return `${prop}:string`;
    case 'string[]':
      return `${prop}:string[]`;
    case 'number':
      return `${prop}:${FLOAT_PROPS.has(prop) ? 'double' : 'long'}`;
    case 'number[]':
      return `${prop}:long[]`;
  }
}

// Every present value is quoted (so "" is an empty string, and text with commas, quotes or newlines is one field);
// null and empty lists are an empty field, which neo4j-admin leaves out.
function cell(v: PropValue | undefined, delimiter: string): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.length === 0 ? '' : quote(v.map(String).join(delimiter));
  return quote(String(v));
}

function quote(s: string): string {
  return `"${s.replace(/"/gu, '""')}"`;
}

/**
 * Formats the dump as neo4j-admin import files.
 * @example const { files, command } = toCsv(await readGraph(store)); // files.get('nodes-Article.csv')
 */
export function toCsv(dump: GraphDump): CsvExport {
  const listValues: string[] = [];
  for (const n of dump.nodes) {
    listValues.push(...n.extraLabels);
    for (const v of Object.values(n.props)) if (Array.isArray(v)) listValues.push(...v.map(String));
  }
  const delimiter = DELIMITERS.find((d) => listValues.every((s) => !s.includes(d))) ?? DELIMITERS[DELIMITERS.length - 1]!;
  const files = new Map<string, string>();
  for (const label of Object.keys(NODE_PROPS) as NodeLabel[]) {
    const props = Object.entries(NODE_PROPS[label]);
    const lines = [[':ID', ...props.map(([p, t]) => header(p, t)), ':LABEL'].join(',')];
    for (const n of dump.nodes) {
      if (n.label !== label) continue;
      lines.push([quote(csvId(n)), ...props.map(([p]) => cell(n.props[p], delimiter)), quote([n.label, ...n.extraLabels].join(delimiter))].join(','));
    }
    files.set(`nodes-${label}.csv`, lines.join('\n') + '\n');
  }
  for (const type of Object.keys(REL_PROPS) as RelType[]) {
    const props = Object.entries(REL_PROPS[type]);
    const lines = [[':START_ID', ':END_ID', ':TYPE', ...props.map(([p, t]) => header(p, t))].join(',')];
    for (const r of dump.relationships) {
      if (r.type !== type) continue;
      lines.push([quote(csvId(r.from)), quote(csvId(r.to)), quote(r.type), ...props.map(([p]) => cell(r.props[p], delimiter))].join(','));
    }
    files.set(`relationships-${type}.csv`, lines.join('\n') + '\n');
  }
  const names = [...files.keys()];
  const command = [
    'neo4j-admin database import full neo4j',
    ...names.filter((f) => f.startsWith('nodes-')).map((f) => `--nodes=${f}`),
    ...names.filter((f) => f.startsWith('relationships-')).map((f) => `--relationships=${f}`),
    '--multiline-fields=true',
    ...(delimiter === ';' ? [] : [`--array-delimiter=${delimiter === '\u001f' ? '\\u001f' : delimiter}`]),
    '--overwrite-destination=true',
  ].join(' ');
  return { files, arrayDelimiter: delimiter, command };
}
