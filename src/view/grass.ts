// Neo4j Browser style sheets (.grass): parse, match rules to a node or relationship, and fill in captions.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { packagePath } from '../paths.js';

export interface GrassRule {
  /** 'node' or 'relationship'. */
  readonly tag: string;
  /** Labels (nodes) or the type (relationships) the rule needs, e.g. ['Company']. */
  readonly classes: readonly string[];
  readonly props: Readonly<Record<string, string>>;
}

/** The style sheet shipped in browser/. */
export const GRASS_FILE = packagePath('browser', 'newsgraph.grass');

/**
 * Parses grass the way Neo4j Browser does: `selector { key: value; … }`, single quotes around strings, rules in
 * file order (a later matching rule overrides an earlier one).
 * @example parseGrass("node.Person { color: #4C8EDA; caption: '{name}'; }")[0].props.caption // '{name}'
 */
export function parseGrass(text: string): GrassRule[] {
  const rules: GrassRule[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) {
      if (text.slice(i).trim() !== '') throw new ConfigError(`grass: text after the last rule: "${text.slice(i).trim().slice(0, 40)}"`);
      break;
    }
    const selector = text.slice(i, open).trim();
    let j = open + 1;
    let inString = false;
    while (j < text.length && (inString || text[j] !== '}')) {
      if (text[j] === "'") inString = !inString;
      j += 1;
    }
    if (j >= text.length) throw new ConfigError(`grass: rule "${selector}" has no closing brace`);
    const [tag, ...classes] = selector.split('.');
    if (!tag || !/^(node|relationship)$/u.test(tag)) throw new ConfigError(`grass: selector "${selector}" is not node[.Label] or relationship[.TYPE]`);
    rules.push({ tag, classes, props: parseProps(text.slice(open + 1, j)) });
    i = j + 1;
  }
  return rules;
}

function parseProps(body: string): Record<string, string> {
  const props: Record<string, string> = {};
  // Split on ';' outside quotes.
  let cur = '';
  let inString = false;
  const parts: string[] = [];
  for (const c of body) {
    if (c === "'") inString = !inString;
    if (c === ';' && !inString) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const key = part.slice(0, colon).trim();
    const value = part.slice(colon + 1).trim().replace(/^'(.*)'$/su, '$1');
    if (key) props[key] = value;
  }
  return props;
}

/** The merged properties of every rule that applies to an element with these labels (or this type), in order. */
export function styleFor(rules: readonly GrassRule[], tag: 'node' | 'relationship', classes: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    if (r.tag === tag && r.classes.every((c) => classes.includes(c))) Object.assign(out, r.props);
  }
  return out;
}

/**
 * Fills a grass caption template: `{prop}` becomes the property (lists joined with ", "), `<type>` the relationship
 * type or first label; missing properties become empty. Extra spaces left by missing values are trimmed.
 * @example interpolateCaption('ACCUSED {date}', { date: '2020-05-25' }, 'ACCUSED') // 'ACCUSED 2020-05-25'
 */
export function interpolateCaption(template: string, props: Readonly<Record<string, unknown>>, typeOrLabel: string): string {
  return template
    .replace(/\{([^{}]*)\}/gu, (_m, key: string) => {
      const v = props[key];
      if (Array.isArray(v)) return v.join(', ');
      return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    })
    .replace(/<(id|type)>/gu, typeOrLabel)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Reads and parses browser/newsgraph.grass. */
export function loadGrass(file: string = GRASS_FILE): { text: string; rules: GrassRule[] } {
  const text = readFileSync(file, 'utf8');
  return { text, rules: parseGrass(text) };
}
