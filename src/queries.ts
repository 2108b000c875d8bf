// Registry over queries/: each file is one read query; its first comment line is its description.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError } from './errors.js';
import { packagePath } from './paths.js';
import type { StoreKind } from './store/types.js';

export interface NamedQuery {
  readonly name: string;
  readonly description: string;
  readonly cypher: string;
  readonly parameters: readonly string[];
  /** Needs Neo4j-only Cypher (file name.neo4j.cypher). */
  readonly neo4jOnly: boolean;
  readonly file: string;
}

const PARAM = /\$([A-Za-z_][A-Za-z0-9_]*)/gu;

/** Every `$name` a statement mentions, outside string literals and comments. */
export function parameterNames(cypher: string): string[] {
  const stripped = cypher
    .replace(/\/\/[^\n]*/gu, '')
    .replace(/'(?:[^'\\]|\\.)*'/gu, "''")
    .replace(/"(?:[^"\\]|\\.)*"/gu, '""');
  return [...new Set([...stripped.matchAll(PARAM)].map((m) => m[1]!))];
}

/**
 * Lists the named queries shipped in queries/.
 * @example listQueries().map((q) => q.name) // ['accusations', 'actor-network', ...]
 */
export function listQueries(dir: string = packagePath('queries')): NamedQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => {
      const cypher = readFileSync(`${dir}/${f}`, 'utf8');
      const first = cypher.split('\n').find((l) => l.trim().startsWith('//')) ?? '';
      const neo4jOnly = f.endsWith('.neo4j.cypher');
      return {
        name: basename(f, neo4jOnly ? '.neo4j.cypher' : '.cypher'),
        description: first.replace(/^\s*\/\/\s*/u, '').trim(),
        cypher,
        parameters: parameterNames(cypher),
        neo4jOnly,
        file: f,
      };
    });
}

/** Finds a named query, or throws a ConfigError naming the ones that exist. */
export function findQuery(name: string, store?: StoreKind): NamedQuery {
  const all = listQueries();
  const q = all.find((x) => x.name === name);
  if (!q) throw new ConfigError(`No named query "${name}"; known: ${all.map((x) => x.name).join(', ')}`, { option: 'query' });
  if (q.neo4jOnly && store === 'embedded') {
    throw new ConfigError(`Query "${name}" needs Neo4j-only Cypher; run it with --store neo4j`, { option: 'store' });
  }
  return q;
}
