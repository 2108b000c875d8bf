// jest global setup: starts the test Neo4j (test/neo4j/server.ts) unless NEO4J_URI names a server, and exports
// NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD (and NEO4J_TEST_RUN_DIR for attachTestNeo4j) to the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { TestNeo4j } from '../neo4j/server.js';

/** The part of jest's GlobalConfig this file reads. */
export interface JestGlobalConfig {
  readonly rootDir: string;
  readonly testPathPatterns?: { readonly patterns?: readonly string[] };
  readonly onlyChanged?: boolean;
  readonly findRelatedTests?: boolean;
  readonly watch?: boolean;
  readonly watchAll?: boolean;
}

declare global {
  // Read by global-teardown.ts (jest runs both in the same process).
  var __NEWSGRAPH_TEST_NEO4J__: TestNeo4j | undefined;
}

export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  if (process.env.NEO4J_URI !== undefined && process.env.NEO4J_URI !== '') {
    process.stderr.write(`\nintegration tests use the Neo4j at NEO4J_URI=${process.env.NEO4J_URI}\n`);
    return;
  }
  if (!runsNeo4jTests(globalConfig)) return;
  const t0 = Date.now();
  // jest transpiles this file but leaves its imports to Node, which can't map server.js to server.ts: tsx does.
  const launcher = (await tsImport(pathToFileURL(join(globalConfig.rootDir, 'test', 'neo4j', 'server.ts')).href, pathToFileURL(globalConfig.rootDir).href)) as typeof import('../neo4j/server.js');
  const server = await launcher.startNeo4j({ log: (line) => process.stderr.write(`${line}\n`) });
  globalThis.__NEWSGRAPH_TEST_NEO4J__ = server;
  process.env.NEO4J_URI = server.uri;
  process.env.NEO4J_USER = server.user;
  process.env.NEO4J_PASSWORD = server.password;
  process.env.NEO4J_TEST_RUN_DIR = server.runDir;
  process.stderr.write(`\ntest Neo4j ready at ${server.uri} (Browser ${server.httpUrl}/browser/) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

/**
 * False only when path patterns were given and no *.int.test.ts file they match mentions Neo4j (e.g.
 * `jest test/graph` or `jest test/store/embedded`), so such runs don't pay for a JVM. A whole run always starts it.
 * Jest matches each pattern as a case-insensitive regex on the path relative to rootDir (or the absolute path, for
 * an absolute pattern); this does the same.
 */
export function runsNeo4jTests(config: JestGlobalConfig): boolean {
  const patterns = config.testPathPatterns?.patterns ?? [];
  if (patterns.length === 0 || config.onlyChanged === true || config.findRelatedTests === true || config.watch === true || config.watchAll === true) {
    return true;
  }
  const matches = (file: string): boolean =>
    patterns.some((p) => {
      try {
        return new RegExp(p.replace(/^\.\//, '^'), 'i').test(p.startsWith('/') ? file : relative(config.rootDir, file));
      } catch {
        return true;
      }
    });
  return intTestFiles(join(config.rootDir, 'test')).some((file) => matches(file) && /neo4j/i.test(readFileSync(file, 'utf8')));
}

function intTestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...intTestFiles(path));
    else if (entry.name.endsWith('.int.test.ts')) out.push(path);
  }
  return out;
}
