// Finds the `$name` parameters a Cypher statement mentions, skipping strings, comments and backticked names.
import { QueryError } from '../errors.js';

/**
 * Every distinct parameter name in a Cypher statement, in order of first use.
 * @example cypherParams("MATCH (n {name: '$x'}) WHERE n.id = $id RETURN n") // ['id']
 */
export function cypherParams(cypher: string): string[] {
  const names = new Set<string>();
  let i = 0;
  const n = cypher.length;
  while (i < n) {
    const ch = cypher[i]!;
    if (ch === "'" || ch === '"') {
      i = skipQuoted(cypher, i, ch);
    } else if (ch === '`') {
      const end = cypher.indexOf('`', i + 1);
      i = end < 0 ? n : end + 1;
    } else if (ch === '/' && cypher[i + 1] === '/') {
      const end = cypher.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (ch === '/' && cypher[i + 1] === '*') {
      const end = cypher.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (ch === '$') {
      const rest = cypher.slice(i + 1);
      const m = /^(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*)|([0-9]+))/.exec(rest);
      if (m) {
        names.add(m[1] ?? m[2] ?? m[3]!);
        i += 1 + m[0].length;
      } else {
        i += 1;
      }
    } else {
      i += 1;
    }
  }
  return [...names];
}

function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') i += 2;
    else if (c === quote) return i + 1;
    else i += 1;
  }
  return text.length;
}

/**
 * Throws unless every parameter the statement names is supplied (an unbound `$param` must never be dropped silently).
 * @example checkParams('MATCH (n) WHERE n.id = $id RETURN n', { id: 'a' }) // ok
 */
export function checkParams(cypher: string, params: Record<string, unknown>): void {
  const missing = cypherParams(cypher).filter((name) => !(name in params) || params[name] === undefined);
  if (missing.length > 0) {
    const list = missing.map((m) => `$${m}`).join(', ');
    const flags = missing.map((m) => `--param ${m}=...`).join(' ');
    throw new QueryError(`query uses parameter ${list} but no value was given; pass ${flags}`, { query: cypher });
  }
}
